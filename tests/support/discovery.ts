import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, buildSiteAsync, projectRoot, tmpRoot, type BuildResult } from './build';

/** The hand-written stories of the discovery fixture. */
export const discoveryFixtureDir = join(projectRoot, 'tests/fixtures/discovery');

/** How many short, older notices are added to the hand-written stories (enough to fill a 50-item feed). */
export const NOTICES = 50;

/** Slug of the n-th added notice (1-based). */
export const noticeSlug = (n: number) => `thong-bao-ngan-${n}`;

/**
 * A content root holding the discovery fixture plus `NOTICES` short notices
 * dated 2015–2016 (category "Thông báo", no tags, no "đ"), written under tests/.tmp.
 */
export function discoveryRoot(): string {
  const root = join(tmpRoot, 'discovery-root');
  rmSync(root, { recursive: true, force: true });
  cpSync(discoveryFixtureDir, root, { recursive: true });
  for (let n = 1; n <= NOTICES; n += 1) {
    const day = new Date(Date.UTC(2015, 0, 1 + n * 7));
    const iso = day.toISOString().slice(0, 10);
    const dir = join(root, 'articles', iso.slice(0, 4));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${iso}-${noticeSlug(n)}.md`),
      `---\ntitle: 'Thông báo ngắn số ${n}'\ndate: '${iso}'\ncategory: thong-bao\n---\n\nThông báo ngắn số ${n} về lịch làm việc trong tuần.\n`,
    );
  }
  return root;
}

/** Builds the discovery content root into tests/.tmp/<name>. */
export function buildDiscovery(name: string): BuildResult {
  return buildSite(discoveryRoot(), name);
}

/** `buildDiscovery` without blocking the test runner (for test files; the global setups may block). */
export function buildDiscoveryAsync(name: string): Promise<BuildResult> {
  return buildSiteAsync(discoveryRoot(), name);
}
