import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bodyNotesFile, noteKey, readBodyNotes, writeBodyNotes, type BodyNote } from '../../../src/content/body-notes';
import { contentCacheDir } from '../../../src/lib/content/content-root';

const dir = join(process.cwd(), 'tests/.tmp/body-notes-unit');
const file = join(dir, 'cache', 'body-notes.json');

const note = (excerpt: string): BodyNote => ({
  files: ['anh-bia.jpg'],
  filesState: '2048',
  excerpt,
  dWords: 'dang doan',
  fileStamp: '3081:1796278288439.32:1796278288439.32',
});

beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('noteKey', () => {
  it('tells apart two versions of a story and two stories with the same text', () => {
    const keys = [
      noteKey('2023/2023-05-20-a.md', 'aaaa'),
      noteKey('2023/2023-05-20-a.md', 'bbbb'),
      noteKey('2023/2023-05-20-b.md', 'aaaa'),
    ];
    expect(new Set(keys).size).toBe(3);
  });
});

describe('bodyNotesFile', () => {
  it('is in the content root’s own cache, beside the rendered bodies', () => {
    const root = '/srv/ban-tin';
    expect(bodyNotesFile(root)).toBe(join(root, contentCacheDir(root), 'body-notes.json'));
  });
});

describe('readBodyNotes and writeBodyNotes', () => {
  it('read back what was written, in Vietnamese as written', () => {
    const notes = new Map([
      [noteKey('2023/a.md', 'aaaa'), note('Học viện Cán bộ khai giảng lớp bồi dưỡng.')],
      [noteKey('2023/b.md', 'bbbb'), { ...note('Đoàn công tác đến thăm.'), fileStamp: undefined }],
    ]);
    writeBodyNotes(file, notes);
    expect(readBodyNotes(file)).toEqual(notes);
  });

  it('leave no temporary file behind', () => {
    writeBodyNotes(file, new Map([[noteKey('2023/a.md', 'aaaa'), note('Một câu.')]]));
    expect(readdirSync(join(dir, 'cache'))).toEqual(['body-notes.json']);
  });

  it('replace the notes written before', () => {
    writeBodyNotes(file, new Map([[noteKey('2023/a.md', 'aaaa'), note('Cũ.')]]));
    writeBodyNotes(file, new Map([[noteKey('2023/a.md', 'bbbb'), note('Mới.')]]));
    expect([...readBodyNotes(file).keys()]).toEqual([noteKey('2023/a.md', 'bbbb')]);
  });

  it('give no notes for a missing, cut-short or foreign file, so that every story is read again', () => {
    expect(readBodyNotes(join(dir, 'none.json')).size).toBe(0);
    writeFileSync(file.replace('cache/', ''), '{"aaaa 2023/a.md": {"excerpt": "cắt ngang');
    expect(readBodyNotes(file.replace('cache/', '')).size).toBe(0);
    writeFileSync(join(dir, 'list.json'), '[1, 2]');
    expect(readBodyNotes(join(dir, 'list.json')).size).toBe(0);
  });
});
