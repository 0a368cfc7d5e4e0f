import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachmentProblems,
  attachmentsField,
  attachmentsOf,
  contentRootOf,
  formatFileSize,
  publicFileName,
} from '../../src/lib/content/attachments';
import { tmpRoot } from '../support/build';

const root = join(tmpRoot, 'unit-attachments', 'content');
const story = join(root, 'articles/2024/2024-02-15-hoi-nghi');
const article = join(story, 'index.md');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

beforeAll(() => {
  rmSync(join(tmpRoot, 'unit-attachments'), { recursive: true, force: true });
  mkdirSync(story, { recursive: true });
  writeFileSync(article, '---\ntitle: Hội nghị\n---\n');
  writeFileSync(join(story, 'ke-hoach.pdf'), PDF);
  writeFileSync(join(story, 'Kế hoạch.PDF'), PDF);
  writeFileSync(join(story, 'bang-diem.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000)]));
  writeFileSync(join(story, 'gia.docx'), 'không phải tệp Word');
  writeFileSync(join(root, '..', 'ngoai.pdf'), PDF);
  symlinkSync(join(root, '..', 'ngoai.pdf'), join(story, 'lien-ket.pdf'));
  mkdirSync(join(story, 'thu-muc.zip'));
});

afterAll(() => {
  rmSync(join(tmpRoot, 'unit-attachments'), { recursive: true, force: true });
});

describe('attachmentsField', () => {
  it('accepts paths and { src, title }, as a list of entries', () => {
    const parsed = attachmentsField.parse(['./ke-hoach.pdf', { src: ' ./bang-diem.xlsx ', title: 'Bảng điểm' }]);
    expect(parsed).toEqual([{ src: './ke-hoach.pdf' }, { src: './bang-diem.xlsx', title: 'Bảng điểm' }]);
  });

  it('defaults to no attachments', () => {
    expect(attachmentsField.parse(undefined)).toEqual([]);
  });

  it('refuses a type that is not PDF, DOCX, XLSX, ODT or ZIP, naming the entry', () => {
    const checked = attachmentsField.safeParse(['./ke-hoach.pdf', './chuong-trinh.exe', './anh.jpg']);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['1', 'tệp "./chuong-trinh.exe" không thuộc loại được phép (cần một trong: pdf, docx, xlsx, odt, zip)'],
      ['2', 'tệp "./anh.jpg" không thuộc loại được phép (cần một trong: pdf, docx, xlsx, odt, zip)'],
    ]);
  });

  it('refuses something that is not a list of files', () => {
    expect(attachmentsField.safeParse('./ke-hoach.pdf').success).toBe(false);
    expect(attachmentsField.safeParse([{ title: 'Không có src' }]).success).toBe(false);
  });
});

describe('attachmentProblems', () => {
  const problems = (list: string[]) =>
    attachmentProblems(
      article,
      root,
      list.map((src) => ({ src })),
    );

  it('finds nothing wrong with real files of their type beside the story', () => {
    expect(problems(['./ke-hoach.pdf', 'bang-diem.xlsx'])).toEqual([]);
  });

  it('names a missing file', () => {
    expect(problems(['./khong-co.pdf'])).toEqual([
      {
        field: 'attachments.0',
        message: 'không tìm thấy tệp "./khong-co.pdf" (cần tệp nằm cạnh bài, trong thư mục của bài)',
      },
    ]);
  });

  it('refuses a path outside the content root, written or through a symbolic link', () => {
    expect(problems(['../../../../ngoai.pdf', './lien-ket.pdf']).map((problem) => problem.message)).toEqual([
      'tệp "../../../../ngoai.pdf" nằm ngoài thư mục nội dung (cần tệp nằm cạnh bài, trong thư mục của bài)',
      'tệp "./lien-ket.pdf" nằm ngoài thư mục nội dung (cần tệp nằm cạnh bài, trong thư mục của bài)',
    ]);
  });

  it('refuses an address or an absolute path', () => {
    expect(problems(['https://example.com/a.pdf', '/etc/a.pdf']).map((problem) => problem.field)).toEqual([
      'attachments.0',
      'attachments.1',
    ]);
  });

  it('refuses a file whose content is not of its type, and a folder', () => {
    expect(problems(['./gia.docx', './thu-muc.zip']).map((problem) => problem.message)).toEqual([
      'tệp "./gia.docx" không phải tệp Word (DOCX) thật (cần đúng loại tệp như phần mở rộng)',
      'không tìm thấy tệp "./thu-muc.zip" (cần tệp nằm cạnh bài, trong thư mục của bài)',
    ]);
  });

  it('refuses two files published under one name', () => {
    expect(problems(['./ke-hoach.pdf', './Kế hoạch.PDF'])).toEqual([
      {
        field: 'attachments.1',
        message:
          'tệp "./Kế hoạch.PDF" trùng tên công bố "ke-hoach.pdf" với attachments.0 (cần đổi tên một trong hai tệp)',
      },
    ]);
  });
});

describe('contentRootOf', () => {
  it('is the folder holding the articles folder the story is in', () => {
    expect(contentRootOf(article)).toBe(root);
  });
});

describe('publicFileName', () => {
  it('gives an address-safe name with a lowercase extension', () => {
    expect(publicFileName('./Quyết định số 12.PDF')).toBe('quyet-dinh-so-12.pdf');
    expect(publicFileName('./Danh sách học viên.docx')).toBe('danh-sach-hoc-vien.docx');
  });
});

describe('formatFileSize', () => {
  it('uses Vietnamese units with a decimal comma', () => {
    expect(formatFileSize(800)).toBe('800 byte');
    expect(formatFileSize(1335)).toBe('1,3 KB');
    expect(formatFileSize(12 * 1024)).toBe('12 KB');
    expect(formatFileSize(1.2 * 1024 * 1024)).toBe('1,2 MB');
    expect(formatFileSize(1024 * 1024 - 1)).toBe('1 MB');
    expect(formatFileSize(3 * 1024 ** 3)).toBe('3 GB');
  });
});

describe('attachmentsOf', () => {
  it('gives each file its shown name, published name, type and size', () => {
    expect(
      attachmentsOf(article, [{ src: './ke-hoach.pdf', title: 'Kế hoạch năm học' }, { src: './bang-diem.xlsx' }]).map(
        ({ name, fileName, type, sizeText }) => ({ name, fileName, type, sizeText }),
      ),
    ).toEqual([
      { name: 'Kế hoạch năm học', fileName: 'ke-hoach.pdf', type: 'PDF', sizeText: '15 byte' },
      { name: 'bang-diem.xlsx', fileName: 'bang-diem.xlsx', type: 'Excel (XLSX)', sizeText: '2 KB' },
    ]);
  });
});
