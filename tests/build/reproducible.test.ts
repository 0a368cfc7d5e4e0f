import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, fixtureOutDir, fixtureSiteDir, page, textOf, tmpRoot } from '../support/build';
import { siteFiles } from '../support/site-files';

/** The files that differ between two built sites (missing on either side, or other bytes). */
function differences(expectedDir: string, actualDir: string): string[] {
  const expected = siteFiles(expectedDir);
  const actual = siteFiles(actualDir);
  const missing = expected.filter((file) => !actual.includes(file)).map((file) => `missing: ${file}`);
  const extra = actual.filter((file) => !expected.includes(file)).map((file) => `extra: ${file}`);
  const changed = expected
    .filter((file) => actual.includes(file))
    .filter((file) => !readFileSync(join(expectedDir, file)).equals(readFileSync(join(actualDir, file))))
    .map((file) => `different bytes: ${file}`);
  return [...missing, ...extra, ...changed];
}

// The shared fixture build (global setup) ran under the machine's own TZ; in CI it is also the
// first build of a fresh clone, with an empty content cache, so every comparison below is also
// a cold-cache build against warm-cache ones.
const builds: Record<string, string> = {};

beforeAll(async () => {
  // A copy of the content in another folder: where the checkout lives must not show in dist/.
  const copy = join(tmpRoot, 'repro-content');
  rmSync(copy, { recursive: true, force: true });
  cpSync(fixtureSiteDir, copy, { recursive: true });
  const runs: [name: string, contentDir: string, tz: string][] = [
    ['site-ho-chi-minh', copy, 'Asia/Ho_Chi_Minh'],
    ['site-los-angeles', fixtureSiteDir, 'America/Los_Angeles'],
    ['site-tokyo', fixtureSiteDir, 'Asia/Tokyo'],
  ];
  for (const [name, contentDir, tz] of runs) {
    const result = await buildSiteAsync(contentDir, name, { TZ: tz });
    expect(result.status, result.output).toBe(0);
    builds[tz] = result.outDir;
  }
});

describe('building the fixture site again', () => {
  it('gives a byte-identical dist/, from another folder and another time zone', () => {
    const fileCount = siteFiles(fixtureOutDir).length;
    expect(fileCount).toBeGreaterThan(100);
    expect(differences(fixtureOutDir, builds['Asia/Ho_Chi_Minh']!)).toEqual([]);
    console.info(`reproducible: ${fileCount} files, machine TZ vs TZ=Asia/Ho_Chi_Minh: 0 differences`);
  });
});

describe('the build machine’s time zone', () => {
  it.each(['America/Los_Angeles', 'Asia/Tokyo'])(
    'changes nothing: TZ=%s gives the same bytes as TZ=Asia/Ho_Chi_Minh',
    (tz) => {
      expect(differences(builds['Asia/Ho_Chi_Minh']!, builds[tz]!)).toEqual([]);
      console.info(`time zones: TZ=${tz} vs TZ=Asia/Ho_Chi_Minh: 0 differences`);
    },
  );

  it('still shows Vietnam’s date for a story published just after midnight there', () => {
    // 08:00 on 1 January 2023 in Vietnam is still 31 December 2022 in Los Angeles.
    for (const outDir of Object.values(builds)) {
      expect(textOf(page(outDir, '/bai-viet/dem-giao-thua/').querySelector('.date-line'))).toBe(
        'Cập nhật ngày: 01/01/2023',
      );
    }
  });
});
