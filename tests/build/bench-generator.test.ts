import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate';
import { buildSiteAsync, page, pageExists, textOf, tmpRoot } from '../support/build';

describe('the benchmark’s article generator', () => {
  const root = join(tmpRoot, 'bench-generator');
  rmSync(root, { recursive: true, force: true });
  const articles = generateArticles(root, 40);

  it('writes the same articles every time', async () => {
    const again = generateArticles(join(tmpRoot, 'bench-generator-again'), 40);
    expect(again.map((article) => readFileSync(join(tmpRoot, 'bench-generator-again', article.file), 'utf8'))).toEqual(
      articles.map((article) => readFileSync(join(root, article.file), 'utf8')),
    );
  });

  it('writes 600–900-word Vietnamese articles with headings and 2–4 tags, some in folder form', async () => {
    for (const article of articles) {
      const words = article.body
        .replace(/^#+ .*$/gm, '')
        .split(/\s+/)
        .filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(600);
      expect(words).toBeLessThanOrEqual(1000);
      expect(article.body).toMatch(/^## /m);
      expect(article.tags.length).toBeGreaterThanOrEqual(2);
      expect(article.tags.length).toBeLessThanOrEqual(4);
    }
    expect(articles.filter((article) => article.folder).length).toBe(2);
    expect(new Set(articles.map((article) => article.year)).size).toBeGreaterThan(5);
  });

  it('writes articles that the site builds, each at its own page', async () => {
    const result = await buildSiteAsync(root, 'bench-generator-out');
    expect(result.status, result.output).toBe(0);
    for (const article of articles) {
      expect(pageExists(result.outDir, `/bai-viet/${article.slug}/`), article.slug).toBe(true);
    }
    const folder = articles.find((article) => article.folder);
    const doc = page(result.outDir, `/bai-viet/${folder?.slug}/`);
    expect(textOf(doc.querySelector('.prose figcaption'))).toBe('Quang cảnh sự kiện');
  });
});
