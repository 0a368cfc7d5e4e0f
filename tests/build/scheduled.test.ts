import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverDirFor } from '../../src/lib/publishing/server-dir';
import { buildSiteAsync, pageExists, tmpRoot } from '../support/build';
import { siteFiles } from '../support/site-files';

// A story scheduled for 08:00 on 1 December 2026 in Vietnam, beside one already published,
// built one minute before that instant and at that very instant.
const SCHEDULED = 'le-khai-mac-hoi-nghi-thang-12';
const PUBLISHED = 'thong-bao-lich-lam-viec';

function contentRoot(): string {
  const root = join(tmpRoot, 'scheduled-root');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'articles/2026'), { recursive: true });
  writeFileSync(
    join(root, 'articles/2026', `2026-11-30-${PUBLISHED}.md`),
    "---\ntitle: 'Thông báo lịch làm việc tháng 12'\ndate: '2026-11-30T09:00'\ncategory: thong-bao\ntags: [Lịch làm việc]\n---\n\nLịch làm việc của Học viện trong tháng 12.\n",
  );
  writeFileSync(
    join(root, 'articles/2026', `2026-12-01-${SCHEDULED}.md`),
    "---\ntitle: 'Lễ khai mạc hội nghị tháng Mười Hai'\ndate: '2026-12-01T08:00'\ncategory: hop-tac-quoc-te\ntags: [Hội nghị quốc tế]\naliases: [/tin-tuc/khai-mac.html, /Default.aspx?tabid=7&ItemID=4242]\n---\n\nSáng nay, hội nghị quốc tế về đào tạo cán bộ được khai mạc trọng thể.\n",
  );
  return root;
}

/** Every file of a built site and its server configurations that mentions the scheduled story. */
function mentions(outDir: string): string[] {
  const dirs = [outDir, serverDirFor(outDir)];
  return dirs.flatMap((dir) =>
    siteFiles(dir)
      .filter((file) => !/\.(br|gz|webp|png|jpg|woff2?|pf_fragment|pf_index|pf_meta|pagefind)$/.test(file))
      .filter((file) => {
        const text = readFileSync(join(dir, file), 'utf8');
        return (
          text.includes(SCHEDULED) ||
          text.includes('khai-mac.html') ||
          text.includes('4242') ||
          text.includes('Khai mạc')
        );
      })
      .map((file) => `${dir === outDir ? '' : 'server/'}${file}`),
  );
}

function pagefindPageCount(outDir: string): number {
  const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0);
}

const builds: Record<'before' | 'at', string> = { before: '', at: '' };

beforeAll(async () => {
  const root = contentRoot();
  for (const [name, now] of [
    ['before', '2026-12-01T07:59+07:00'],
    ['at', '2026-12-01T08:00+07:00'],
  ] as const) {
    const result = await buildSiteAsync(root, `scheduled-${name}`, { BANTIN_NOW: now });
    expect(result.status, result.output).toBe(0);
    builds[name] = result.outDir;
  }
});

describe('a story dated in the future', () => {
  it('is absent from every page, feed, sitemap, search index and redirect of a build before its time', () => {
    const outDir = builds.before;
    expect(mentions(outDir)).toEqual([]);
    expect(pageExists(outDir, `/bai-viet/${SCHEDULED}/`)).toBe(false);
    expect(pageExists(outDir, `/bai-viet/${SCHEDULED}/ban-in/`)).toBe(false);
    expect(pageExists(outDir, '/chuyen-muc/hop-tac-quoc-te/')).toBe(true);
    expect(pageExists(outDir, '/luu-tru/2026/12/')).toBe(false);
    expect(pageExists(outDir, '/the/hoi-nghi-quoc-te/')).toBe(false);
    expect(pagefindPageCount(outDir)).toBe(1);
    // The story already published is there.
    expect(pageExists(outDir, `/bai-viet/${PUBLISHED}/`)).toBe(true);
  });

  it('appears everywhere with a build at the instant of its date', () => {
    const outDir = builds.at;
    expect(pageExists(outDir, `/bai-viet/${SCHEDULED}/`)).toBe(true);
    expect(pageExists(outDir, `/bai-viet/${SCHEDULED}/ban-in/`)).toBe(true);
    expect(pageExists(outDir, '/luu-tru/2026/12/')).toBe(true);
    expect(pageExists(outDir, '/the/hoi-nghi-quoc-te/')).toBe(true);
    expect(pagefindPageCount(outDir)).toBe(2);
    expect(mentions(outDir)).toEqual(
      expect.arrayContaining([
        'index.html',
        'rss.xml',
        'sitemap-0.xml',
        '_redirects',
        'chuyen-huong.json',
        'tin-tuc/khai-mac.html',
        'chuyen-muc/hop-tac-quoc-te/index.html',
        'server/nginx/ban-tin.conf',
        'server/apache/.htaccess',
        'server/iis/web.config',
      ]),
    );
  });
});
