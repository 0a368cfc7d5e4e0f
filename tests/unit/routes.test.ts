import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasProblem } from '../../src/lib/discovery/redirects';
import { ownSegments, reservedPage } from '../../src/lib/discovery/routes';
import { projectRoot, tmpRoot } from '../support/build';

describe('reservedPage', () => {
  it('names the site page a path would overwrite', () => {
    expect(reservedPage('/luu-tru/2023/')).toContain('trang lưu trữ');
    expect(reservedPage('/chuyen-muc/thong-bao/')).toContain('chuyên mục');
    expect(reservedPage('/the/dao-tao/')).toContain('từ khóa');
    expect(reservedPage('/trang/2/')).toContain('danh sách tin');
    expect(reservedPage('/tim-kiem/')).toContain('tìm kiếm');
    expect(reservedPage('/rss.xml')).toContain('RSS');
    expect(reservedPage('/sitemap-0.xml')).toContain('sơ đồ trang');
    expect(reservedPage('/index.html')).toContain('trang chủ');
    expect(reservedPage('/pagefind/pagefind.js')).toContain('bộ tìm kiếm');
    expect(reservedPage('/rss.xml/x.html')).toContain('RSS');
    expect(reservedPage('/logo.png/')).toContain('logo');
    expect(reservedPage('/quan-tri/index.html')).toContain('trang quản trị');
    expect(reservedPage('/Favicon.svg')).toContain('biểu tượng trang');
  });

  it('leaves old addresses and free article addresses alone', () => {
    expect(reservedPage('/tin-tuc/1234.html')).toBeUndefined();
    expect(reservedPage('/bai-viet/ten-cu-cua-bai/')).toBeUndefined();
    expect(reservedPage('/?tabid=1')).toBeUndefined();
  });

  it('reserves every section of the project’s own routes and public files, read from src/pages/ and public/', () => {
    const routes = readdirSync(join(projectRoot, 'src/pages'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.includes('['))
      .map((entry) => entry.name)
      .filter((name) => name !== 'bai-viet');
    expect(routes.length).toBeGreaterThan(5);
    for (const name of routes) expect(reservedPage(`/${name}/mot-dia-chi-cu/`), name).toBeDefined();
    for (const name of readdirSync(join(projectRoot, 'public'))) expect(reservedPage(`/${name}`), name).toBeDefined();
  });
});

describe('a new page type', () => {
  const root = join(tmpRoot, 'routes-fixture');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages/su-kien/[slug]'), { recursive: true });
  mkdirSync(join(root, 'src/pages/[slug]'), { recursive: true });
  mkdirSync(join(root, 'public'), { recursive: true });
  writeFileSync(join(root, 'src/pages/su-kien/[slug]/index.astro'), '---\n---\n');
  writeFileSync(join(root, 'src/pages/lich-cong-tac.astro'), '---\n---\n');
  writeFileSync(join(root, 'src/pages/du-lieu.json.ts'), 'export const GET = () => new Response("{}");\n');
  writeFileSync(join(root, 'src/pages/_rieng.astro'), '---\n---\n');
  writeFileSync(join(root, 'public/ban-do.pdf'), '%PDF-1.4\n');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has its section refused as an old address as soon as its route exists, with nothing to list by hand', () => {
    expect(reservedPage('/su-kien/2019/hoi-nghi.html', root)).toBe('trang của trang web, /su-kien/');
    expect(reservedPage('/lich-cong-tac/', root)).toBe('trang của trang web, /lich-cong-tac/');
    expect(reservedPage('/du-lieu.json', root)).toBe('trang của trang web, /du-lieu.json');
    expect(reservedPage('/ban-do.pdf', root)).toBe('trang của trang web, /ban-do.pdf');
    // Neither a route parameter nor a file Astro does not route takes an address.
    expect(reservedPage('/rieng/', root)).toBeUndefined();
    expect(reservedPage('/_rieng/', root)).toBeUndefined();
    expect([...ownSegments(root)].sort()).toEqual(
      ['_astro', 'ban-do.pdf', 'du-lieu.json', 'lich-cong-tac', 'pagefind', 'su-kien'].sort(),
    );
    // The alias rules themselves still accept such an address: only the site's routes make it taken.
    expect(aliasProblem('/su-kien/2019/hoi-nghi.html')).toBeUndefined();
  });
});
