import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collisionProblems,
  displayPath,
  malformedYamlProblem,
  missingBodyImageProblems,
  validateFrontmatter,
} from '../../src/lib/validate-article';
import { tmpRoot } from '../support/build';

const folder = join(tmpRoot, 'unit-validate-article/2024/2024-02-15-le-khai-giang');
const article = join(folder, 'index.md');

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'anh-bia.jpg'), 'ảnh');
  writeFileSync(join(folder, 'anh 1.jpg'), 'ảnh');
});
afterAll(() => rmSync(join(tmpRoot, 'unit-validate-article'), { recursive: true, force: true }));

describe('displayPath', () => {
  it('names a file inside the project relative to it', () => {
    expect(displayPath('/du-an', '/du-an/content/articles/a.md')).toBe('content/articles/a.md');
    expect(displayPath('/du-an', 'content/articles/a.md')).toBe('content/articles/a.md');
  });

  it('names a file outside the project by its absolute path, however it was given', () => {
    expect(displayPath('/du-an', '/tmp/goc/articles/a.md')).toBe('/tmp/goc/articles/a.md');
    expect(displayPath('/du-an', '../tmp/goc/articles/a.md')).toBe('/tmp/goc/articles/a.md');
  });
});

describe('validateFrontmatter', () => {
  it('accepts a valid article and returns its data in NFC', async () => {
    const checked = await validateFrontmatter(
      {
        title: 'Lễ khai giảng'.normalize('NFD'),
        date: '15/02/2024',
        cover: { src: './anh-bia.jpg', alt: 'Quang cảnh' },
      },
      article,
      'a.md',
    );
    expect(checked.problems).toEqual([]);
    expect(checked.data.title).toBe('Lễ khai giảng'.normalize('NFC'));
    expect(checked.parsed?.category).toBe('tin-tuc-su-kien');
  });

  it('reports every problem as path: field: problem (expected …)', async () => {
    const checked = await validateFrontmatter({ title: '', date: '31/02/2024' }, article, 'a.md');
    expect(checked.parsed).toBeUndefined();
    expect(checked.problems).toEqual([
      'a.md: title: must not be empty (expected non-empty text)',
      'a.md: date: cannot read "31/02/2024" as a date (expected DD/MM/YYYY, YYYY-MM-DD or YYYY-MM-DDTHH:mm (optionally with an offset such as +07:00))',
    ]);
  });

  it('looks for the cover image beside the article, accepting remote images', async () => {
    const missing = await validateFrontmatter(
      { title: 'T', date: '15/02/2024', cover: { src: './khong-co.jpg', alt: 'x' } },
      article,
      'a.md',
    );
    expect(missing.problems).toEqual([
      'a.md: cover.src: image file not found (expected a path to an image beside the article, e.g. ./anh-bia.jpg)',
    ]);
    const remote = await validateFrontmatter(
      { title: 'T', date: '15/02/2024', cover: { src: 'https://vi.du/anh.jpg', alt: 'x' } },
      article,
      'a.md',
    );
    expect(remote.problems).toEqual([]);
  });
});

describe('malformedYamlProblem', () => {
  it('names the file and the line, one-based', () => {
    expect(malformedYamlProblem('a.md', 'unexpected end of the stream', 1)).toBe(
      'a.md: frontmatter: malformed YAML near line 2: unexpected end of the stream (expected "field: value" lines between the two --- lines; put text containing : # [ ] { } in quotes)',
    );
    expect(malformedYamlProblem('a.md', 'bad', undefined)).toMatch(
      /^a\.md: frontmatter: malformed YAML: bad \(expected/,
    );
  });
});

describe('missingBodyImageProblems', () => {
  it('reports only images with no file beside the article, decoding URL escapes', () => {
    expect(missingBodyImageProblems(article, 'a.md', ['./anh-bia.jpg', './anh%201.jpg', './khong-co.jpg'])).toEqual([
      'a.md: body: image "./khong-co.jpg" not found (expected an image file beside the article)',
    ]);
  });
});

describe('collisionProblems', () => {
  it('accepts articles with distinct slugs and aliases', () => {
    expect(
      collisionProblems([
        { id: '2023/2023-01-12-mot.md', shown: 'mot.md', aliases: ['/tin-tuc/1.html'] },
        { id: '2023/2023-01-13-hai/index.md', shown: 'hai.md', aliases: ['/tin-tuc/2.html'] },
      ]),
    ).toEqual([]);
  });

  it('names both files when a slug override or an alias is taken, whatever the input order', () => {
    const problems = collisionProblems([
      { id: '2024/2024-01-01-ban-nhap.md', shown: 'z.md', slug: 'mot', aliases: ['/cu.html'] },
      { id: '2023/2023-01-12-mot.md', shown: 'a.md' },
      { id: '2023/2023-01-13-hai.md', shown: 'b.md', aliases: ['/cu.html'] },
    ]);
    expect(problems).toEqual([
      'z.md: slug: "mot" is already used by a.md (expected a slug no other article has)',
      'z.md: aliases: "/cu.html" is already used by b.md (expected an old URL no other article or page claims)',
    ]);
  });

  it('reports a file name that gives no slug', () => {
    expect(collisionProblems([{ id: '2023/2023-01-12-….md', shown: 'x.md' }])).toEqual([
      'x.md: slug: the file name gives no slug (expected a name with letters or digits, or a slug field)',
    ]);
  });
});
