import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { adminCsp } from '../../src/admin/page';
import { site } from '../../src/site.config';
import { fixtureOutDir } from '../support/build';
import { siteFiles } from '../support/site-files';

const editorFiles = () => siteFiles(fixtureOutDir).filter((file) => file.startsWith('quan-tri/'));
const read = (file: string) => readFileSync(join(fixtureOutDir, file));

describe('the web editor in the built site', () => {
  it('is a page of its own at /quan-tri/: noindex, its own Content-Security-Policy, its own script', () => {
    const root = parse(read('quan-tri/index.html').toString('utf8'));
    expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    const policies = root.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
    expect(policies.map((meta) => meta.getAttribute('content'))).toEqual([adminCsp(site.cms)]);
    expect(root.querySelectorAll('script').map((script) => script.getAttribute('src'))).toEqual(['cms.js']);
  });

  it('has a configuration generated from the site: its categories, its summary length', () => {
    const config = JSON.parse(read('quan-tri/config.json').toString('utf8')) as {
      collections: { fields: { name: string; options?: { label: string }[]; maxlength?: number }[] }[];
    };
    const fields = config.collections[0]!.fields;
    expect(fields.find((field) => field.name === 'category')?.options?.map((option) => option.label)).toEqual(
      Object.values(site.categories),
    );
    expect(fields.find((field) => field.name === 'summary')?.maxlength).toBe(site.summaryLength);
  });

  it('ships everything it runs on, Vietnamese strings, fonts and icons included, and names no CDN', () => {
    const files = editorFiles();
    expect(files).toEqual(expect.arrayContaining(['quan-tri/cms.js', 'quan-tri/preview.css']));
    expect(files.some((file) => /^quan-tri\/vi-[\w-]+\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /^quan-tri\/assets\/material-symbols-outlined-[\w-]+\.woff2$/.test(file))).toBe(true);
    expect(files.some((file) => /^quan-tri\/assets\/be-vietnam-pro-vietnamese-400-[\w-]+\.woff2$/.test(file))).toBe(
      true,
    );
    const code = files.filter((file) => /\.(js|css|html)$/.test(file));
    expect(
      code.filter((file) => /cdn\.jsdelivr\.net|fonts\.googleapis\.com/.test(read(file).toString('utf8'))),
    ).toEqual([]);
    const raw = files.reduce((total, file) => total + read(file).length, 0);
    const gzipped = files.reduce((total, file) => total + gzipSync(read(file), { level: 9 }).length, 0);
    const first = ['quan-tri/index.html', 'quan-tri/config.json', 'quan-tri/cms.js'];
    const firstRaw = first.reduce((total, file) => total + read(file).length, 0);
    const firstGzipped = first.reduce((total, file) => total + gzipSync(read(file), { level: 9 }).length, 0);
    console.info(
      `/quan-tri/: ${files.length} files, ${raw} bytes (${gzipped} gzipped); page, configuration and cms.js: ${firstRaw} bytes (${firstGzipped} gzipped)`,
    );
  });

  it('is left out of the sitemap, the feed and the search index', () => {
    const sitemap = siteFiles(fixtureOutDir).filter((file) => /^sitemap-.*\.xml$/.test(file));
    expect(sitemap.length).toBeGreaterThan(0);
    for (const file of [...sitemap, 'rss.xml']) expect(read(file).toString('utf8'), file).not.toContain('quan-tri');
    // The search index holds the article pages and the published standing pages, nothing else.
    const entry = JSON.parse(read('pagefind/pagefind-entry.json').toString('utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const articles = siteFiles(fixtureOutDir).filter((file) => /^bai-viet\/[^/]+\/index\.html$/.test(file));
    const standing = ['gioi-thieu', 'lien-he', 'en'].filter((slug) =>
      existsSync(join(fixtureOutDir, slug, 'index.html')),
    );
    expect(standing).toHaveLength(3);
    expect(Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0)).toBe(
      articles.length + standing.length,
    );
  });
});
