import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureOutDir, tmpRoot } from '../support/build';
import { checkLinks } from '../support/site-checks';

describe('links in the built fixture site', () => {
  it('resolve every internal href, src, srcset and CSS url() to a file in dist/, fragments included', () => {
    const report = checkLinks(fixtureOutDir);
    expect(report.broken).toEqual([]);
    // Every page links its header, footer and stylesheet: thousands of internal links.
    expect(report.internal).toBeGreaterThan(2000);
    console.info(`links: ${report.internal} internal, ${report.external} external, ${report.broken.length} broken`);
  });
});

describe('the link check', () => {
  it('reports a missing page, a missing image, a missing srcset candidate and a missing fragment', () => {
    const outDir = join(tmpRoot, 'links-self-check');
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(join(outDir, 'bai-viet/co-that'), { recursive: true });
    writeFileSync(
      join(outDir, 'bai-viet/co-that/index.html'),
      '<!doctype html><title>Có thật</title><h1 id="dau">Có</h1>',
    );
    writeFileSync(join(outDir, 'anh.webp'), '');
    writeFileSync(
      join(outDir, 'index.html'),
      `<!doctype html><title>Trang chủ</title>
      <a href="/bai-viet/co-that/">có</a> <a href="bai-viet/co-that/#dau">có, có đoạn</a>
      <a href="https://hocviencanbo.hochiminhcity.gov.vn/bai-viet/co-that/">tuyệt đối</a>
      <a href="https://example.org/">bên ngoài</a> <a href="mailto:a@b.vn">thư</a>
      <a href="/bai-viet/khong-co/">không có</a> <a href="/bai-viet/co-that">thiếu gạch chéo</a>
      <a href="/bai-viet/co-that/#khong-co">đoạn không có</a>
      <img src="/anh-thieu.webp" alt="" srcset="/anh.webp 400w, /anh-800.webp 800w">`,
    );
    const report = checkLinks(outDir);
    expect(report.external).toBe(1);
    expect(report.internal).toBe(9);
    expect(report.broken).toEqual([
      '/ a[href]="/bai-viet/khong-co/": no file for /bai-viet/khong-co/',
      '/ a[href]="/bai-viet/co-that": no file for /bai-viet/co-that',
      '/ a[href]="/bai-viet/co-that/#khong-co": no element with id "khong-co" on /bai-viet/co-that/',
      '/ img[src]="/anh-thieu.webp": no file for /anh-thieu.webp',
      '/ img[srcset]="/anh-800.webp": no file for /anh-800.webp',
    ]);
  });
});
