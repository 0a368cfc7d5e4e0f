import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { ArticleFormat } from '../../src/admin/article-format';
import {
  ARTICLE_COLLECTION,
  articleFields,
  cmsConfig,
  frontmatterOrder,
  SINGLE_FILE_COLLECTION,
  type CmsField,
  type CmsSite,
} from '../../src/admin/cms-config';
import { adaptLocale } from '../../src/admin/locale';
import { adminCsp, adminPage, gitOrigins } from '../../src/admin/page';
import { schemaCoverFieldNames, schemaFieldNames } from '../../src/admin/schema-fields';
import { articleSchema } from '../../src/lib/content/article-schema';
import { slugify } from '../../src/lib/content/slug';
import { site } from '../../src/site.config';
import { projectRoot } from '../support/build';

const SEED = join(projectRoot, 'content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md');

/** The form fields that write frontmatter (the body is the text after it). */
const frontmatterFields = () => articleFields().filter((field) => field.name !== 'body');
const fieldNamed = (name: string) => articleFields().find((field) => field.name === name) as CmsField;
type Collection = Record<string, unknown> & { fields: CmsField[] };
const collections = (config = cmsConfig()) => config.collections as Collection[];

describe('articleFields', () => {
  it('has a form field for every frontmatter field of the article schema, and no other', () => {
    expect(
      frontmatterFields()
        .map((field) => field.name)
        .sort(),
    ).toEqual(schemaFieldNames().sort());
  });

  it('has a form field for every part of the cover, and no other', () => {
    const cover = fieldNamed('cover').fields as CmsField[];
    expect(cover.map((field) => field.name).sort()).toEqual(schemaCoverFieldNames().sort());
  });

  it('requires exactly what the schema requires, plus the category, which the form always fills', () => {
    const full = { title: 'Tiêu đề', date: '12/01/2023' };
    const requiredBySchema = Object.keys(full).filter((key) => {
      const { [key]: _left, ...without } = full as Record<string, string>;
      return !articleSchema(z.string()).safeParse(without).success;
    });
    const requiredByForm = frontmatterFields()
      .filter((field) => field.required)
      .map((field) => field.name);
    expect(requiredByForm).toEqual([...requiredBySchema, 'category']);
    expect(fieldNamed('category').default).toBe(site.defaultCategory);
  });

  it('labels every field in Vietnamese with a hint', () => {
    for (const field of articleFields()) {
      expect(field.label, field.name).toMatch(/\p{L}/u);
      expect(field.hint, field.name).toMatch(/\p{L}/u);
    }
    expect(fieldNamed('category').label).toBe('Chuyên mục');
  });

  it('offers the site’s categories by name and stores their slugs', () => {
    expect(fieldNamed('category').options).toEqual(
      Object.entries(site.categories).map(([value, label]) => ({ label, value })),
    );
  });

  it('takes limits and the time zone from the site config', () => {
    const changed: CmsSite = {
      ...site,
      summaryLength: 160,
      timeZone: 'Asia/Bangkok',
      categories: { 'thong-bao': 'Thông báo' },
      defaultCategory: 'thong-bao',
    };
    const fields = articleFields(changed);
    const named = (name: string) => fields.find((field) => field.name === name) as CmsField;
    expect(named('summary').maxlength).toBe(160);
    expect(named('summary').hint).toContain('160');
    expect(named('date').input_timezone).toBe('Asia/Bangkok');
    expect(named('updated').input_timezone).toBe('Asia/Bangkok');
    expect(named('category').options).toEqual([{ label: 'Thông báo', value: 'thong-bao' }]);
  });

  it('writes frontmatter in the seed story’s order', () => {
    expect(frontmatterOrder().slice(0, 6)).toEqual(['title', 'date', 'category', 'author', 'source', 'photoCredit']);
  });
});

describe('cmsConfig', () => {
  it('puts new stories where `npm run new -- --folder` does, with photos beside index.md', () => {
    const [folderForm] = collections();
    expect(folderForm).toMatchObject({
      name: ARTICLE_COLLECTION,
      label: 'Bài viết',
      folder: 'content/articles',
      path: "{{fields.date | date('YYYY')}}/{{fields.date | date('YYYY-MM-DD')}}-{{slug}}/index",
      media_folder: '',
      public_folder: '',
      create: true,
    });
  });

  it('lists stories kept as one file apart, editable but never created there', () => {
    const single = collections()[1];
    expect(single).toMatchObject({
      name: SINGLE_FILE_COLLECTION,
      path: "{{fields.date | date('YYYY')}}/{{fields.date | date('YYYY-MM-DD')}}-{{slug}}",
      create: false,
    });
  });

  it('makes ASCII slugs without accents, as the site’s slug rule does', () => {
    expect(cmsConfig().slug).toMatchObject({ encoding: 'ascii', clean_accents: true, lowercase: true });
    expect(slugify('Đoàn thanh niên Học viện ra quân Mùa hè xanh')).toBe(
      'doan-thanh-nien-hoc-vien-ra-quan-mua-he-xanh',
    );
  });

  it('saves through the Git host named in the site config, with editorial workflow where the host has one', () => {
    const config = (backend: 'github' | 'gitlab' | 'gitea', extra = {}) =>
      cmsConfig({ ...site, cms: { ...site.cms, backend, ...extra } });
    expect(config('github').backend).toMatchObject({ name: 'github', repo: site.cms.repo, branch: site.cms.branch });
    expect(config('github').publish_mode).toBe('editorial_workflow');
    expect(config('gitlab', { appId: 'abc' }).backend).toMatchObject({
      name: 'gitlab',
      app_id: 'abc',
      auth_type: 'pkce',
    });
    expect(config('gitlab').publish_mode).toBe('editorial_workflow');
    const gitea = config('gitea', { apiRoot: 'https://git.example.vn/api/v1', authUrl: 'https://git.example.vn' });
    expect(gitea.backend).toMatchObject({
      name: 'gitea',
      api_root: 'https://git.example.vn/api/v1',
      base_url: 'https://git.example.vn',
    });
    expect(gitea.publish_mode).toBe('simple');
  });
});

describe('the web editor page', () => {
  it('is kept out of search engines and loads only its own files', () => {
    const html = adminPage({ siteName: site.name, lang: site.lang, cms: site.cms });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<script type="module" src="cms.js"></script>');
    expect(html).toContain('<link rel="cms-config-url" type="application/json" href="config.json">');
    expect(html.match(/\s(?:src|href)="[^"]*"/g)).toEqual([' href="config.json"', ' src="cms.js"']);
  });

  it('has a policy that runs only its own scripts and reaches only the configured Git host', () => {
    const policy = adminCsp({ ...site.cms, backend: 'gitea', apiRoot: 'https://git.example.vn/api/v1' });
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).toContain("connect-src 'self' blob: data: https://git.example.vn;");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(gitOrigins({ ...site.cms, backend: 'gitea', apiRoot: 'https://git.example.vn/api/v1' })).toEqual([
      'https://git.example.vn',
    ]);
  });
});

describe('adaptLocale', () => {
  it('keeps "Chuyên mục" for the site’s categories: the editor’s own collections become "nhóm nội dung"', () => {
    const adapted = JSON.parse(
      adaptLocale(JSON.stringify({ collection: 'Chuyên mục', back: 'Quay lại chuyên mục', n: { x: 'Lưu' } })),
    ) as Record<string, unknown>;
    expect(adapted).toMatchObject({ collection: 'Nhóm nội dung', back: 'Quay lại nhóm nội dung', n: { x: 'Lưu' } });
  });

  it('fills in Vietnamese the strings an editor meets that Sveltia’s own locale lacks, and keeps those it has', () => {
    const adapted = JSON.parse(adaptLocale(JSON.stringify({ save: 'Lưu', show_errors: 'Hiện lỗi' }))) as {
      show_errors: string;
      save_conflict: { save_anyway: string };
    };
    expect(adapted.show_errors).toBe('Hiện lỗi');
    expect(adapted.save_conflict.save_anyway).toBe('Vẫn lưu');
  });
});

describe('ArticleFormat', () => {
  const format = () => new ArticleFormat(frontmatterOrder());

  it('writes the seed story back byte for byte when nothing changed', () => {
    const text = readFileSync(SEED, 'utf8');
    const articles = format();
    const content = articles.parse(text);
    expect(content.date).toBe('2023-01-12T00:00:00+07:00');
    expect(articles.format(content)).toBe(text);
  });

  it('writes a changed value the way `npm run new` writes it, and keeps the others as they were', () => {
    const articles = format();
    const content = articles.parse(readFileSync(SEED, 'utf8'));
    const text = articles.format({ ...content, author: 'Minh Anh', date: '2023-01-13T08:00:00+07:00' });
    expect(text).toContain("\ndate: '2023-01-13T08:00:00+07:00'\n");
    expect(text).toContain('\nauthor: Minh Anh\n');
    expect(text).toContain('\nsource: HVCTQGHCM\n');
  });

  it('leaves empty fields out and quotes list items that YAML would split', () => {
    const text = format().format({
      title: 'Hội nghị: tổng kết',
      date: '2026-02-15T09:30:00+07:00',
      author: '',
      tags: ['Đào tạo', 'Tình nguyện, Mùa hè', ''],
      aliases: [],
      cover: { src: 'anh-bia.jpg', alt: 'Ảnh', caption: '' },
      draft: false,
      body: 'Đoạn một.\n\nĐoạn hai.\n',
    });
    expect(text).toBe(
      [
        '---',
        "title: 'Hội nghị: tổng kết'",
        "date: '2026-02-15T09:30:00+07:00'",
        "tags: [Đào tạo, 'Tình nguyện, Mùa hè']",
        'cover:',
        "  src: './anh-bia.jpg'",
        '  alt: Ảnh',
        '---',
        '',
        'Đoạn một.',
        '',
        'Đoạn hai.',
        '',
      ].join('\n'),
    );
  });

  it('writes only files the schema accepts, whatever the combination of fields the form can fill', () => {
    const optional: Record<string, unknown> = {
      updated: '2026-02-16T08:00:00+07:00',
      author: 'Thanh Tiên',
      photoCredit: 'Minh Anh',
      source: 'Thành Đoàn',
      category: 'doan-the',
      tags: ['Đoàn thanh niên', 'Tình nguyện, Mùa hè', "Bí thư 'Đoàn'"],
      summary: 'Tóm tắt: có dấu hai chấm, "ngoặc kép" & dấu #.',
      cover: { src: 'anh-bia.jpg', alt: 'Đoàn viên: ra quân', caption: 'Chú thích [ảnh]' },
      draft: true,
      slug: 'ra-quan-mua-he-xanh',
      aliases: ['/tin-tuc/2345.html', '/Default.aspx?tabid=1&id=2'],
      attachments: [{ src: 'ke-hoach: nam 2026.pdf', title: 'Kế hoạch: năm 2026' }],
    };
    const keys = Object.keys(optional);
    expect(keys.sort()).toEqual(
      schemaFieldNames()
        .filter((key) => key !== 'title' && key !== 'date')
        .sort(),
    );
    const schema = articleSchema(z.string());
    const problems: string[] = [];
    for (let mask = 0; mask < 2 ** keys.length; mask += 1) {
      const content: Record<string, unknown> = { title: 'Lễ: ra quân #1', date: '2026-02-15T09:30:00+07:00' };
      keys.forEach((key, bit) => {
        if (mask & (1 << bit)) content[key] = optional[key];
      });
      const articles = format();
      const text = articles.format({ ...content, body: 'Nội dung.' });
      const read = articles.parse(text);
      const { body: _body, ...frontmatter } = read;
      const result = schema.safeParse(frontmatter);
      if (!result.success) problems.push(`${text}\n${result.error.message}`);
    }
    expect(problems).toEqual([]);
  });
});
