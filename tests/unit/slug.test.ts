import { describe, expect, it } from 'vitest';
import { articleSlug, isValidSlug, slugFromPath, slugify } from '../../src/lib/content/slug';

describe('slugify', () => {
  it('lowercases Vietnamese text and removes its diacritics', () => {
    expect(slugify('Học viện Cán bộ Thành phố Hồ Chí Minh')).toBe('hoc-vien-can-bo-thanh-pho-ho-chi-minh');
  });

  it('keeps a text that is already a slug as it is, and makes slugs of near-slugs', () => {
    expect(slugify('smartphone-phat-no-2016')).toBe('smartphone-phat-no-2016');
    expect(slugify('Smartphone-phat-no')).toBe('smartphone-phat-no');
    expect(slugify('phat--no-')).toBe('phat-no');
    expect(slugify(`${'a'.repeat(50)}-${'b'.repeat(40)}`)).toBe('a'.repeat(50));
  });

  it('turns đ and Đ into d', () => {
    expect(slugify('Đại hội Đoàn thể đầu năm')).toBe('dai-hoi-doan-the-dau-nam');
  });

  it('strips every Vietnamese tone mark and vowel modifier', () => {
    expect(slugify('Ắ Ằ Ẳ Ẵ Ặ ấ ầ ẩ ẫ ậ')).toBe('a-a-a-a-a-a-a-a-a-a');
    expect(slugify('Ế Ề Ể Ễ Ệ ơ ớ ờ ở ỡ ợ')).toBe('e-e-e-e-e-o-o-o-o-o-o');
    expect(slugify('Ư Ứ Ừ Ử Ữ Ự ỳ ý ỷ ỹ ỵ')).toBe('u-u-u-u-u-u-y-y-y-y-y');
    expect(slugify('ĩ ũ ă ô ê')).toBe('i-u-a-o-e');
  });

  it('gives the same slug for NFC and NFD input', () => {
    const title = 'Hội thảo Chuyển đổi số Đoàn Thanh niên';
    expect(slugify(title.normalize('NFC'))).toBe('hoi-thao-chuyen-doi-so-doan-thanh-nien');
    expect(slugify(title.normalize('NFD'))).toBe('hoi-thao-chuyen-doi-so-doan-thanh-nien');
  });

  it('turns a run of spaces and punctuation into a single hyphen', () => {
    expect(slugify('Hội thảo:  “Chuyển đổi số” — năm 2023 (lần 1)')).toBe('hoi-thao-chuyen-doi-so-nam-2023-lan-1');
  });

  it('drops leading and trailing punctuation instead of leaving hyphens', () => {
    expect(slugify('  «Khai giảng lớp bồi dưỡng»!  ')).toBe('khai-giang-lop-boi-duong');
  });

  it('turns punctuation between words into a hyphen rather than gluing the words together', () => {
    expect(slugify('Đại hội Đảng bộ TP.HCM')).toBe('dai-hoi-dang-bo-tp-hcm');
    expect(slugify('Mít tinh kỷ niệm ngày 2/9')).toBe('mit-tinh-ky-niem-ngay-2-9');
  });

  it('does not spell symbols out as English words', () => {
    expect(slugify('Nghiên cứu & Phát triển')).toBe('nghien-cuu-phat-trien');
    expect(slugify('100% học viên đạt chuẩn')).toBe('100-hoc-vien-dat-chuan');
  });

  it('gives an empty slug for text made only of punctuation', () => {
    expect(slugify('!!! … ??? — ---')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('keeps a slug of exactly 80 characters whole', () => {
    const title =
      'Học viện Cán bộ Thành phố Hồ Chí Minh tổ chức Hội nghị tổng kết công tác đào tạo, bồi dưỡng cán bộ năm 2022';
    const slug = slugify(title);
    expect(slug).toBe('hoc-vien-can-bo-thanh-pho-ho-chi-minh-to-chuc-hoi-nghi-tong-ket-cong-tac-dao-tao');
    expect(slug).toHaveLength(80);
  });

  it('cuts a long title to at most 80 characters on a word boundary', () => {
    const title =
      'Hội nghị tổng kết công tác đào tạo, bồi dưỡng cán bộ, công chức năm 2022 của Học viện Cán bộ Thành phố Hồ Chí Minh';
    const slug = slugify(title);
    expect(slug).toBe('hoi-nghi-tong-ket-cong-tac-dao-tao-boi-duong-can-bo-cong-chuc-nam-2022-cua-hoc');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('cuts a single word longer than 80 characters at 80', () => {
    const slug = slugify('Ư'.repeat(95));
    expect(slug).toBe('u'.repeat(80));
  });
});

describe('isValidSlug', () => {
  it('accepts lowercase ASCII words joined by single hyphens', () => {
    expect(isValidSlug('hoc-vien-can-bo-bang-khen-2022')).toBe(true);
    expect(isValidSlug('thong-bao')).toBe(true);
    expect(isValidSlug('2023')).toBe(true);
  });

  it('rejects capitals, diacritics, spaces and underscores', () => {
    expect(isValidSlug('Hoc-vien')).toBe(false);
    expect(isValidSlug('học-viện')).toBe(false);
    expect(isValidSlug('hoc vien')).toBe(false);
    expect(isValidSlug('hoc_vien')).toBe(false);
  });

  it('rejects leading, trailing and doubled hyphens', () => {
    expect(isValidSlug('-hoc-vien')).toBe(false);
    expect(isValidSlug('hoc-vien-')).toBe(false);
    expect(isValidSlug('hoc--vien')).toBe(false);
  });

  it('rejects the empty string', () => {
    expect(isValidSlug('')).toBe(false);
  });

  it('accepts 80 characters and rejects 81', () => {
    expect(isValidSlug('a'.repeat(80))).toBe(true);
    expect(isValidSlug('a'.repeat(81))).toBe(false);
  });
});

describe('slugFromPath', () => {
  it('drops the YYYY-MM-DD- prefix and the .md extension of a file', () => {
    expect(slugFromPath('content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md')).toBe(
      'hoc-vien-can-bo-bang-khen-2022',
    );
  });

  it('uses the folder name of an article stored as index.md', () => {
    expect(slugFromPath('content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022/index.md')).toBe(
      'hoc-vien-can-bo-bang-khen-2022',
    );
  });

  it('reads Windows-style paths', () => {
    expect(slugFromPath('content\\articles\\2023\\2023-01-12-bang-khen\\index.md')).toBe('bang-khen');
  });

  it('keeps a name that has no date prefix', () => {
    expect(slugFromPath('content/articles/gioi-thieu.md')).toBe('gioi-thieu');
  });

  it('slugifies a Vietnamese file name, NFC or NFD alike', () => {
    const name = 'content/articles/2021/2021-04-02-Đại-hội-Đoàn-thể.md';
    expect(slugFromPath(name.normalize('NFC'))).toBe('dai-hoi-doan-the');
    expect(slugFromPath(name.normalize('NFD'))).toBe('dai-hoi-doan-the');
  });

  it('slugifies a Vietnamese folder name saved on macOS (NFD)', () => {
    const path = 'content/articles/2023/2023-01-12-Bằng khen năm 2022/index.md'.normalize('NFD');
    expect(slugFromPath(path)).toBe('bang-khen-nam-2022');
  });
});

describe('articleSlug', () => {
  it('uses the slug field when the frontmatter gives one', () => {
    expect(articleSlug('content/articles/2023/2023-01-12-Bằng-khen.md', 'hoc-vien-can-bo-bang-khen-2022')).toBe(
      'hoc-vien-can-bo-bang-khen-2022',
    );
  });

  it('falls back to the slug of the file name', () => {
    expect(articleSlug('content/articles/2023/2023-01-12-Bằng-khen-năm-2022.md', undefined)).toBe('bang-khen-nam-2022');
  });
});
