import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCacheDir } from '../../src/lib/content/content-root';
import { buildSiteAsync, fixtureOutDir, fixtureSiteDir, page, projectRoot, textOf, tmpRoot } from '../support/build';
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

/** Differences between two builds: the site, and the server files beside it when either build wrote some. */
function buildDifferences(expectedDir: string, actualDir: string): string[] {
  const server = (dir: string) => `${dir}-server`;
  const withServer = existsSync(server(expectedDir)) || existsSync(server(actualDir));
  const serverDiff = () =>
    existsSync(server(expectedDir)) && existsSync(server(actualDir))
      ? differences(server(expectedDir), server(actualDir)).map((line) => `-server ${line}`)
      : ['-server folder on one side only'];
  return [...differences(expectedDir, actualDir), ...(withServer ? serverDiff() : [])];
}

/**
 * Copies the fixture content into a fresh folder one file at a time, in the
 * given order, then stamps every file and folder with `mtime`. Its own folder
 * also gives it its own, cold, content cache.
 */
function copyContent(name: string, order: 'forward' | 'reverse', mtime: Date, change?: (root: string) => void): string {
  const root = join(tmpRoot, name);
  rmSync(root, { recursive: true, force: true });
  rmSync(join(projectRoot, contentCacheDir(projectRoot, { BANTIN_CONTENT_DIR: root })), {
    recursive: true,
    force: true,
  });
  const files = siteFiles(fixtureSiteDir);
  if (order === 'reverse') files.reverse();
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), readFileSync(join(fixtureSiteDir, file)));
  }
  change?.(root);
  const folders = new Set(
    files.flatMap((file) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  for (const path of [...files, ...[...folders].sort().reverse(), '']) utimesSync(join(root, path), mtime, mtime);
  return root;
}

/** One editor's correction: a story's title and a sentence of its body. */
const EDITED_STORY = 'articles/2023/2023-05-20-hoi-nghi-tong-ket.md';
const EDITED_TITLE = 'Hội nghị tổng kết năm học 2022 – 2023';
const EDITED_SENTENCE = 'Biên tập viên bổ sung: hội nghị kết thúc lúc 11 giờ 30.';
function correctStory(root: string): void {
  const file = join(root, EDITED_STORY);
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    `${text.replace('title: Hội nghị tổng kết năm học\n', `title: ${EDITED_TITLE}\n`)}\n${EDITED_SENTENCE}\n`,
  );
}

// The shared fixture build (global setup) ran under the machine's own TZ from tests/fixtures/site;
// in CI it is also the first build of a fresh clone, with an empty content cache. Each build below
// differs from it, and from the others, in what could leak into the output: the folder and the
// order the content files were written in, their modification times, the time zone, and whether
// the content cache was cold. Each is also a new run of Astro's worker threads and of Pagefind.
const builds: Record<string, string> = {};
const runs: { name: string; what: string; contentDir: () => string; tz: string }[] = [
  {
    name: 'repro-forward',
    what: 'files written in order, dated 2001, TZ=Asia/Ho_Chi_Minh, cold cache',
    contentDir: () => copyContent('repro-content-forward', 'forward', new Date('2001-02-03T04:05:06Z')),
    tz: 'Asia/Ho_Chi_Minh',
  },
  {
    name: 'repro-tokyo',
    what: 'the fixture folder again, TZ=Asia/Tokyo, warm cache',
    contentDir: () => fixtureSiteDir,
    tz: 'Asia/Tokyo',
  },
];

// A one-story correction built over the caches of the build before it, against a cold build of
// the corrected content: whatever the caches keep must give the same site as building afresh.
const corrected: typeof runs = [
  {
    name: 'repro-corrected-warm',
    what: 'the first folder with one story corrected, rebuilt over its warm caches',
    contentDir: () => {
      const root = join(tmpRoot, 'repro-content-forward');
      correctStory(root);
      return root;
    },
    tz: 'Asia/Ho_Chi_Minh',
  },
  {
    name: 'repro-corrected-cold',
    what: 'the corrected content written in reverse order, dated 2029, TZ=America/Los_Angeles, cold cache',
    contentDir: () => copyContent('repro-content-reverse', 'reverse', new Date('2029-10-11T12:13:14Z'), correctStory),
    tz: 'America/Los_Angeles',
  },
];

beforeAll(async () => {
  for (const run of [...runs, ...corrected]) {
    const result = await buildSiteAsync(run.contentDir(), run.name, { TZ: run.tz });
    expect(result.status, result.output).toBe(0);
    builds[run.name] = result.outDir;
  }
}, 900_000);

describe('building the fixture site again', () => {
  it.each(runs)('gives byte-identical output: $what', ({ name, what }) => {
    const fileCount = siteFiles(fixtureOutDir).length;
    expect(fileCount).toBeGreaterThan(100);
    expect(buildDifferences(fixtureOutDir, builds[name]!)).toEqual([]);
    console.info(`reproducible: ${fileCount} files, first build vs ${what}: 0 differences`);
  });

  it('gives the same search index, whatever order the content files were written in', () => {
    const index = (outDir: string) => siteFiles(join(outDir, 'pagefind'));
    expect(index(fixtureOutDir).some((file) => file.endsWith('.pf_meta'))).toBe(true);
    for (const run of runs) {
      expect(index(builds[run.name]!)).toEqual(index(fixtureOutDir));
      expect(differences(join(fixtureOutDir, 'pagefind'), join(builds[run.name]!, 'pagefind'))).toEqual([]);
    }
  });
});

describe('rebuilding after one story is corrected', () => {
  it('gives the site a cold build of the corrected content gives, byte for byte, search index included', () => {
    const [warm, cold] = corrected.map((run) => builds[run.name]!) as [string, string];
    const story = page(warm, '/bai-viet/hoi-nghi-tong-ket/');
    expect(textOf(story.querySelector('h1'))).toBe(EDITED_TITLE);
    expect(textOf(story.querySelector('.prose'))).toContain(EDITED_SENTENCE);
    expect(differences(fixtureOutDir, warm).length).toBeGreaterThan(0);
    expect(buildDifferences(cold, warm)).toEqual([]);
    console.info(`reproducible: ${siteFiles(warm).length} files, corrected story rebuilt warm vs cold: 0 differences`);
  });
});

describe('the build machine’s time zone', () => {
  it('still shows Vietnam’s date for a story published just after midnight there', () => {
    // 08:00 on 1 January 2023 in Vietnam is still 31 December 2022 in Los Angeles.
    for (const outDir of [fixtureOutDir, ...Object.values(builds)]) {
      expect(textOf(page(outDir, '/bai-viet/dem-giao-thua/').querySelector('.date-line'))).toBe(
        'Cập nhật ngày: 01/01/2023',
      );
    }
  });
});
