import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixtureOutDir, fixtureSiteDir, textOf, page } from '../support/build';

/** Every file of a built site, relative to it, sorted. */
function files(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? files(full, root) : [relative(root, full)];
    })
    .sort();
}

describe('the build machine’s time zone', () => {
  it('changes nothing: a build under TZ=America/Los_Angeles is byte-identical', () => {
    const result = buildSite(fixtureSiteDir, 'site-los-angeles', { TZ: 'America/Los_Angeles' });
    expect(result.status, result.output).toBe(0);
    // 08:00 on 1 January 2023 in Vietnam is still 31 December 2022 in Los Angeles.
    expect(textOf(page(result.outDir, '/bai-viet/dem-giao-thua/').querySelector('.date-line'))).toBe(
      'Cập nhật ngày: 01/01/2023',
    );
    const expected = files(fixtureOutDir);
    expect(files(result.outDir)).toEqual(expected);
    for (const file of expected) {
      const same = readFileSync(join(result.outDir, file)).equals(readFileSync(join(fixtureOutDir, file)));
      expect(same, file).toBe(true);
    }
  });
});
