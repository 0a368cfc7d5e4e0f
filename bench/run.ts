/**
 * `npm run bench -- [--articles 1000,10000] [--text real|synthetic] [--corpus DIR] [--json FILE] [--no-hugo] [--no-dev] [--keep]`:
 * builds N Vietnamese articles of real text (the shared corpus: news stories and Wikipedia
 * articles, see bench/corpus.ts; `--text synthetic` for the small-vocabulary generator) with the production build (search index included), measures time,
 * CPU, peak memory of the whole process tree and page weight, then a warm rebuild after
 * editing one article. Then `npm run dev` (`astro dev` on 127.0.0.1 and a free port) on the
 * same articles: seconds from spawn until the home page and one article page answer 200,
 * first with no content layer store for them (cold: every story is read and rendered), then
 * started again over the store the cold start saved (warm), and, with the warm server running,
 * seconds from saving a new sentence into that article's Markdown file until its page shows
 * it (`--no-dev` skips this). With `hugo` on PATH, builds the same articles with the equivalent
 * Hugo site in bench/hugo (plus the same Pagefind run) and prints the ratios.
 * Everything happens in bench/.work/ (ignored by git): `content/` is never touched; the dev
 * server's store (`.astro/data-store.json`, one for the project) is put back as it was.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentCacheDir } from '../src/lib/content/content-root';
import { paths } from '../src/lib/discovery/paths';
import { defaultCorpusDir, generateRealArticles } from './corpus';
import { generateArticles, quoted, type GeneratedArticle } from './generate';

const projectRoot = resolve(import.meta.dirname, '..');

/** What one measured command cost. */
interface Run {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Peak resident memory of the largest single process of the tree (Astro's build, or Hugo, without Pagefind beside it). */
  ownPeakRssMb: number;
  status: number | null;
}

const CLOCK_TICKS = 100;

/** User+system time of every child this process has waited for, in seconds. */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After the command name: cutime and cstime are fields 16 and 17 of stat (indices 13 and 14 here).
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** Resident memory of a process with all its descendants, and of the largest of them, in bytes. */
function treeRss(rootPid: number): { tree: number; own: number } {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  let largest = 0;
  for (const [pid, bytes] of rss) {
    let current: number | undefined = pid;
    while (current !== undefined && current > 1) {
      if (current === rootPid) {
        total += bytes;
        largest = Math.max(largest, bytes);
        break;
      }
      current = parents.get(current);
    }
  }
  return { tree: total, own: largest };
}

/** Runs a command, sampling the memory of its process tree every 100 ms. */
async function measure(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): Promise<Run> {
  const cpuBefore = childrenCpu();
  const started = process.hrtime.bigint();
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  child.stderr.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  let peak = 0;
  let ownPeak = 0;
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    const { tree, own } = treeRss(child.pid);
    peak = Math.max(peak, tree);
    ownPeak = Math.max(ownPeak, own);
  }, 100);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearInterval(sampler);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return { wallSeconds, cpuSeconds: childrenCpu() - cpuBefore, peakRssMb: mb(peak), ownPeakRssMb: mb(ownPeak), status };
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function size(path: string): number {
  try {
    return statSync(path).isDirectory()
      ? files(path).reduce((sum, file) => sum + statSync(file).size, 0)
      : statSync(path).size;
  } catch {
    return 0;
  }
}

/** Page weight of a built site, read from its files. */
interface Weight {
  pages: number;
  distMb: number;
  articleKb: number;
  articleGzipKb: number;
  cssBytes: number;
  articleJsBytes: number;
  searchIndexMb: number;
}

function weigh(dist: string, articles: GeneratedArticle[], articlePath: (slug: string) => string): Weight {
  const all = files(dist);
  const sample = articles.filter((_, index) => index % Math.max(1, Math.floor(articles.length / 200)) === 0);
  let raw = 0;
  let gzip = 0;
  let css = 0;
  let js = 0;
  for (const article of sample) {
    const html = readFileSync(join(dist, articlePath(article.slug)));
    const text = html.toString('utf8');
    // CSS the page needs: its stylesheets plus inline <style>.
    const stylesheets = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? '');
    const linked = stylesheets.map((href) => readFileSync(join(dist, href.split('?')[0] ?? '')));
    const inline = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce(
      (sum, m) => sum + Buffer.byteLength(m[1] ?? ''),
      0,
    );
    const cssBytes = linked.reduce((sum, buffer) => sum + buffer.length, 0) + inline;
    raw += html.length;
    gzip += gzipSync(Buffer.concat([html, ...linked]), { level: 9 }).length;
    css = Math.max(css, cssBytes);
    // JavaScript the browser runs: JSON-LD blocks are data and do not count.
    const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/application\/ld\+json/.test(m[1] ?? ''),
    );
    js = Math.max(
      js,
      scripts.reduce((sum, m) => sum + (m[0]?.length ?? 0), 0),
    );
  }
  return {
    pages: all.filter((file) => file.endsWith('.html')).length,
    distMb: size(dist) / 1024 / 1024,
    articleKb: raw / sample.length / 1024,
    articleGzipKb: gzip / sample.length / 1024,
    cssBytes: css,
    articleJsBytes: js,
    searchIndexMb: size(join(dist, 'pagefind')) / 1024 / 1024,
  };
}

/** Writes the generated articles as a Hugo content folder with the same fields. */
function writeHugoContent(hugoRoot: string, contentRoot: string, articles: GeneratedArticle[]): void {
  cpSync(join(projectRoot, 'bench/hugo'), hugoRoot, { recursive: true });
  for (const article of articles) {
    const frontmatter = [
      '---',
      `title: ${quoted(article.title)}`,
      `date: ${article.date}`,
      `slug: ${article.slug}`,
      `author: Phòng Truyền thông`,
      `chuyen-muc: [${article.category}]`,
      `the: [${article.tags.map(quoted).join(', ')}]`,
      `luu-tru: ['${article.year}']`,
      '---',
    ].join('\n');
    const file = article.folder
      ? join(hugoRoot, 'content/bai-viet', article.slug, 'index.md')
      : join(hugoRoot, 'content/bai-viet', `${article.slug}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${frontmatter}\n\n${article.body}\n`);
    if (article.folder) cpSync(join(contentRoot, dirname(article.file), 'anh-1.jpg'), join(dirname(file), 'anh-1.jpg'));
  }
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const pagefindBin = join(projectRoot, 'node_modules/.bin/pagefind');

/** What `npm run dev` cost on the same articles. */
interface DevRun {
  /** From spawn until the home page and one article page answer 200, with no content layer store for the articles. */
  coldStartSeconds: number;
  /** The same, started again over the store the cold start saved. */
  warmStartSeconds: number;
  /** From saving a new sentence into the article's Markdown file until the warm server's page for it shows it. */
  editVisibleSeconds: number;
  /** Answers other than 200 the page gave meanwhile (an editor reloading then sees an error). */
  editFailedAnswers: number;
  /** Article bodies rendered (written into the content cache) during each start: none on a warm one that reuses the store. */
  bodiesRendered: { cold: number; warm: number };
}

interface Result {
  articles: number;
  ours: Run & Weight;
  rebuild: Run;
  dev?: DevRun;
  hugo?: {
    hugo: Run;
    pagefind: Run;
    total: { wallSeconds: number; cpuSeconds: number; peakRssMb: number };
    weight: Weight;
  };
}

/** Longest wait for a dev server to serve its first pages: a cold start reads and renders every story. */
const DEV_READY_TIMEOUT_MS = 20 * 60_000;
/** Longest wait for a saved edit to show on the dev server's page. */
const DEV_EDIT_TIMEOUT_MS = 120_000;

/** Astro's content layer store for `astro dev`: in the project's `.astro/`, one whatever the content root (a build's is in the cache dir). */
const devStoreFile = join(projectRoot, '.astro', 'data-store.json');

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Seconds elapsed since a `process.hrtime.bigint()` reading. */
const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** A TCP port of 127.0.0.1 that nothing listens on, as the system hands one out for port 0. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** A running `astro dev`, leader of its own process group. */
interface DevServer {
  child: ChildProcess;
  origin: string;
  /** When it was spawned (`process.hrtime.bigint()`). */
  started: bigint;
  /** Settles once the process has ended and its output is closed. */
  closed: Promise<void>;
}

/** Process groups of dev servers still running: killed if the bench ends or is interrupted first. */
const liveDevGroups = new Set<number>();

/** Puts the project's own dev store back while the bench's is in its place (see `benchDev`). */
let putBackDevStore: (() => void) | undefined;

/** Sends a signal to a process group; a group already gone is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let devExitGuarded = false;

/**
 * Kills every dev server still running when the bench exits, also on Ctrl-C or a kill (they run in
 * groups of their own, which a terminal's signals miss), then puts the project's dev store back.
 */
function guardDevExit(): void {
  if (devExitGuarded) return;
  devExitGuarded = true;
  process.on('exit', () => {
    for (const pid of liveDevGroups) signalGroup(pid, 'SIGKILL');
    putBackDevStore?.();
  });
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const)
    process.on(signal, () => process.exit(128 + number));
}

/** Starts `astro dev` on `port` of 127.0.0.1 in a process group of its own, over the build's content root. */
function startDev(contentRoot: string, port: number, log: string): DevServer {
  const started = process.hrtime.bigint();
  const child = spawn(
    join(projectRoot, 'node_modules/.bin/astro'),
    ['dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: projectRoot,
      // The build's content root; no look-up of Astro's latest version, which is no part of a start.
      env: {
        ...process.env,
        BANTIN_CONTENT_DIR: contentRoot,
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_DISABLE_UPDATE_CHECK: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  if (child.pid !== undefined) liveDevGroups.add(child.pid);
  child.stdout?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  child.stderr?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  const closed = new Promise<void>((done) => {
    child.on('close', () => done());
    child.on('error', (error) => {
      appendFileSync(log, `\nastro dev could not start: ${error.message}\n`);
      done();
    });
  });
  return { child, origin: `http://127.0.0.1:${port}`, started, closed };
}

/** Stops a dev server and everything it started: SIGTERM to its group, SIGKILL after 10 s, until none of it is left. */
async function stopDev(server: DevServer): Promise<void> {
  const pid = server.child.pid;
  if (pid === undefined) return;
  signalGroup(pid, 'SIGTERM');
  for (let waited = 0; waited < 15_000 && signalGroup(pid, 0); waited += 50) {
    if (waited >= 10_000) signalGroup(pid, 'SIGKILL');
    await sleep(50);
  }
  if (signalGroup(pid, 0)) throw new Error(`astro dev (process group ${pid}) is still running 15 s after SIGKILL`);
  liveDevGroups.delete(pid);
  await server.closed;
}

/** Whether a dev server's process has ended. */
const ended = (server: DevServer) => server.child.exitCode !== null || server.child.signalCode !== null;

/** GETs a page of a dev server: its status and text, or status 0 and the reason when nothing answered. */
async function fetchPage(url: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, timeoutMs)) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: String((error as Error).cause ?? error) };
  }
}

/** Seconds from a dev server's spawn until each of `pages` has answered 200, asking every 100 ms. */
async function untilServed(server: DevServer, pages: string[], log: string): Promise<number> {
  const deadline = Date.now() + DEV_READY_TIMEOUT_MS;
  for (const page of pages) {
    for (;;) {
      const { status, text } = await fetchPage(server.origin + page, deadline - Date.now());
      if (status === 200) break;
      if (ended(server)) throw new Error(`astro dev ended before serving ${page}; see ${log}`);
      if (Date.now() >= deadline) {
        throw new Error(
          `astro dev did not serve ${page} within ${DEV_READY_TIMEOUT_MS / 1000} s (last answer: ${status || text}); see ${log}`,
        );
      }
      await sleep(100);
    }
  }
  return secondsSince(server.started);
}

/**
 * Seconds from appending a new sentence to an article's Markdown file until the dev server's page
 * for it has it, asking every 100 ms, and how many answers meanwhile were not 200.
 */
async function untilEditShown(
  server: DevServer,
  file: string,
  page: string,
  log: string,
): Promise<{ seconds: number; failed: number }> {
  const sentence = `Câu kiểm tra máy chủ phát triển ${Date.now()}.`;
  appendFileSync(file, `\n\n${sentence}\n`);
  const written = process.hrtime.bigint();
  const deadline = Date.now() + DEV_EDIT_TIMEOUT_MS;
  let failed = 0;
  for (;;) {
    const { status, text } = await fetchPage(server.origin + page, deadline - Date.now());
    if (status === 200 && text.includes(sentence)) return { seconds: secondsSince(written), failed };
    if (status !== 200) failed += 1;
    if (ended(server)) throw new Error(`astro dev ended while waiting for the edit of ${file} to show; see ${log}`);
    if (Date.now() >= deadline) {
      throw new Error(
        `The sentence saved into ${file} did not show on ${page} within ${DEV_EDIT_TIMEOUT_MS / 1000} s (last answer: ${status || text}); see ${log}`,
      );
    }
    await sleep(100);
  }
}

/** Files of a folder written since a time (ms since the epoch). */
function writtenSince(dir: string, since: number): number {
  return existsSync(dir) ? files(dir).filter((file) => statSync(file).mtimeMs >= since).length : 0;
}

/** One start of `astro dev` until `pages` are served; `then` runs with the server still up; the server is stopped in any case. */
async function devStart<T>(
  contentRoot: string,
  port: number,
  pages: string[],
  log: string,
  then: (server: DevServer) => Promise<T>,
): Promise<{ seconds: number; then: T }> {
  const server = startDev(contentRoot, port, log);
  try {
    const seconds = await untilServed(server, pages, log);
    return { seconds, then: await then(server) };
  } finally {
    await stopDev(server);
  }
}

/**
 * `npm run dev` over the bench's articles: a cold start with no store for them, which must save
 * one, a warm start over it and, on the warm server, one saved edit of `article`. The project's
 * own dev store is set aside meanwhile and put back after.
 */
async function benchDev(contentRoot: string, article: GeneratedArticle, work: string): Promise<DevRun> {
  const log = join(work, 'dev.log');
  const pages = [paths.home(), paths.article(article.slug)];
  const bodies = join(projectRoot, contentCacheDir(projectRoot, { BANTIN_CONTENT_DIR: contentRoot }), 'article-html');
  const setAside = join(work, 'project-dev-data-store.json');
  guardDevExit();
  const hadStore = existsSync(devStoreFile);
  if (hadStore) renameSync(devStoreFile, setAside);
  putBackDevStore = () => {
    putBackDevStore = undefined;
    if (hadStore) renameSync(setAside, devStoreFile);
    else rmSync(devStoreFile, { force: true });
  };
  try {
    // One port for both starts: Astro clears its content store when any setting, the port included, differs from the last start's.
    const port = await freePort();
    const coldSince = Date.now();
    const cold = await devStart(contentRoot, port, pages, log, async () => writtenSince(bodies, coldSince));
    if (!existsSync(devStoreFile))
      throw new Error(`astro dev saved no content layer store at ${devStoreFile}; see ${log}`);
    const warmSince = Date.now();
    const warm = await devStart(contentRoot, port, pages, log, async (server) => ({
      rendered: writtenSince(bodies, warmSince),
      edit: await untilEditShown(server, join(contentRoot, article.file), paths.article(article.slug), log),
    }));
    return {
      coldStartSeconds: cold.seconds,
      warmStartSeconds: warm.seconds,
      editVisibleSeconds: warm.then.edit.seconds,
      editFailedAnswers: warm.then.edit.failed,
      bodiesRendered: { cold: cold.then, warm: warm.then.rendered },
    };
  } finally {
    putBackDevStore?.();
  }
}

/** Where a built article page lies in an output folder. */
const articleFile = (slug: string) => join(paths.article(slug), 'index.html');

/** Writes the benchmark's articles: real text from the corpus, or the synthetic generator's. */
type Generator = (root: string, count: number) => GeneratedArticle[];

async function benchOne(
  count: number,
  generate: Generator,
  withHugo: boolean,
  withDev: boolean,
  work: string,
): Promise<Result> {
  const contentRoot = join(work, 'content');
  const dist = join(work, 'dist');
  const log = join(work, 'build.log');
  const articles = generate(contentRoot, count);
  const build = () =>
    measure(
      process.execPath,
      // npm run build's own command: the staged build and the swap are part of what is measured.
      ['--import', 'tsx', join(projectRoot, 'src/cli/build.ts'), '--outDir', dist],
      {
        BANTIN_CONTENT_DIR: contentRoot,
        ASTRO_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
      },
      log,
    );
  const cold = await build();
  if (cold.status !== 0) throw new Error(`Build of ${count} articles failed; see ${log}`);
  const missing = articles.filter((article) => !existsSync(join(dist, articleFile(article.slug))));
  if (missing.length > 0) {
    throw new Error(
      `The build of ${count} articles exited 0 but ${missing.length} article pages are missing; see ${log}`,
    );
  }
  const weight = weigh(dist, articles, articleFile);

  // One editor's change: a sentence added to one article, then the same build again.
  const edited = join(contentRoot, articles[Math.floor(count / 2)]?.file ?? '');
  appendFileSync(edited, '\nMột câu được biên tập viên thêm vào.\n');
  const rebuild = await build();
  if (rebuild.status !== 0) throw new Error(`Rebuild of ${count} articles failed; see ${log}`);

  const result: Result = { articles: count, ours: { ...cold, ...weight }, rebuild };
  // The dev server's article is another than the rebuild's: the sentence it waits for is new either way.
  if (withDev) result.dev = await benchDev(contentRoot, articles[Math.floor(count / 4)] as GeneratedArticle, work);
  if (withHugo) {
    const hugoRoot = join(work, 'hugo');
    writeHugoContent(hugoRoot, contentRoot, articles);
    const hugo = await measure(
      'hugo',
      ['--source', hugoRoot, '--destination', join(hugoRoot, 'public'), '--quiet'],
      {},
      log,
    );
    if (hugo.status !== 0) throw new Error(`Hugo build failed; see ${log}`);
    const pagefind = await measure(pagefindBin, ['--site', join(hugoRoot, 'public')], {}, log);
    if (pagefind.status !== 0) throw new Error(`Pagefind over the Hugo site failed; see ${log}`);
    result.hugo = {
      hugo,
      pagefind,
      total: {
        wallSeconds: hugo.wallSeconds + pagefind.wallSeconds,
        cpuSeconds: hugo.cpuSeconds + pagefind.cpuSeconds,
        peakRssMb: Math.max(hugo.peakRssMb, pagefind.peakRssMb),
      },
      weight: weigh(join(hugoRoot, 'public'), articles, articleFile),
    };
  }
  return result;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

function print(result: Result): void {
  const { ours, rebuild, dev, hugo } = result;
  const rows: [string, string, string][] = [
    ['wall s', fixed(ours.wallSeconds), hugo ? fixed(hugo.total.wallSeconds) : '–'],
    ['CPU s', fixed(ours.cpuSeconds), hugo ? fixed(hugo.total.cpuSeconds) : '–'],
    ['peak RSS MB (process tree)', fixed(ours.peakRssMb, 0), hugo ? fixed(hugo.total.peakRssMb, 0) : '–'],
    ['peak RSS MB (largest process)', fixed(ours.ownPeakRssMb, 0), hugo ? fixed(hugo.hugo.ownPeakRssMb, 0) : '–'],
    [
      'ms per article',
      fixed((ours.wallSeconds * 1000) / result.articles, 2),
      hugo ? fixed((hugo.total.wallSeconds * 1000) / result.articles, 2) : '–',
    ],
    ['pages written', String(ours.pages), hugo ? String(hugo.weight.pages) : '–'],
    ['dist MB', fixed(ours.distMb), hugo ? fixed(hugo.weight.distMb) : '–'],
    ['article page KB raw', fixed(ours.articleKb), hugo ? fixed(hugo.weight.articleKb) : '–'],
    ['article HTML+CSS KB gzip', fixed(ours.articleGzipKb), hugo ? fixed(hugo.weight.articleGzipKb) : '–'],
    ['CSS bytes (article page)', String(ours.cssBytes), hugo ? String(hugo.weight.cssBytes) : '–'],
    ['JS bytes (article page)', String(ours.articleJsBytes), hugo ? String(hugo.weight.articleJsBytes) : '–'],
    ['search index MB', fixed(ours.searchIndexMb), hugo ? fixed(hugo.weight.searchIndexMb) : '–'],
    ['rebuild after 1 edit: wall s', fixed(rebuild.wallSeconds), '–'],
    ['rebuild: peak RSS MB', fixed(rebuild.peakRssMb, 0), '–'],
  ];
  if (dev) {
    rows.push(['dev ready: cold start s', fixed(dev.coldStartSeconds), '–']);
    rows.push(['dev ready: warm cache s', fixed(dev.warmStartSeconds), '–']);
    rows.push(['dev: saved edit visible s', fixed(dev.editVisibleSeconds), '–']);
  }
  if (hugo) {
    rows.push([
      '  hugo alone: wall s / peak MB',
      '',
      `${fixed(hugo.hugo.wallSeconds)} / ${fixed(hugo.hugo.peakRssMb, 0)}`,
    ]);
    rows.push([
      '  pagefind alone: wall s / peak MB',
      '',
      `${fixed(hugo.pagefind.wallSeconds)} / ${fixed(hugo.pagefind.peakRssMb, 0)}`,
    ]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${result.articles} articles`);
  console.log(`${'measure'.padEnd(width)}  ${'Bản tin'.padStart(10)}  ${'Hugo+Pagefind'.padStart(14)}`);
  for (const [label, ours, theirs] of rows)
    console.log(`${label.padEnd(width)}  ${ours.padStart(10)}  ${theirs.padStart(14)}`);
  if (hugo) {
    console.log(`time ratio (ours / Hugo+Pagefind): ${fixed(ours.wallSeconds / hugo.total.wallSeconds, 2)}`);
    console.log(`rebuild / Hugo+Pagefind cold: ${fixed(rebuild.wallSeconds / hugo.total.wallSeconds, 2)}`);
  }
  if (dev && dev.bodiesRendered.warm > 0)
    console.log(
      `dev: the warm start rendered ${dev.bodiesRendered.warm} article bodies again (the store was not reused)`,
    );
  if (dev && dev.editFailedAnswers > 0)
    console.log(
      `dev: the edited article's page answered with an error ${dev.editFailedAnswers} times before the edit showed`,
    );
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const counts = (option('articles') ?? '1000').split(',').map(Number);
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error('--articles: expected a comma-separated list of positive whole numbers, e.g. 1000,10000');
  }
  const jsonFile = option('json');
  const text = option('text') ?? 'real';
  if (text !== 'real' && text !== 'synthetic') throw new Error('--text: expected real or synthetic');
  const corpusDir = resolve(option('corpus') ?? defaultCorpusDir(projectRoot));
  const generate: Generator =
    text === 'real' ? (root, count) => generateRealArticles(root, count, corpusDir) : generateArticles;
  console.log(text === 'real' ? `Real text from ${corpusDir}.` : 'Synthetic text (--text synthetic).');
  let withHugo = !process.argv.includes('--no-hugo') && onPath('hugo');
  if (!withHugo)
    console.log(
      process.argv.includes('--no-hugo')
        ? 'Hugo comparison off (--no-hugo).'
        : 'hugo is not on PATH (apt-get install hugo): measuring Bản tin alone.',
    );
  if (withHugo && !onPath(pagefindBin)) {
    console.log('Pagefind is not installed in node_modules: measuring Bản tin alone.');
    withHugo = false;
  }
  const withDev = !process.argv.includes('--no-dev');
  if (!withDev) console.log('Dev server measurement off (--no-dev).');
  const results: Result[] = [];
  for (const count of counts) {
    // Inside the project: Astro misplaces its generated modules when outDir lies outside the root.
    mkdirSync(join(projectRoot, 'bench/.work'), { recursive: true });
    const work = mkdtempSync(join(projectRoot, 'bench/.work', `${count}-`));
    console.log(`Generating and building ${count} articles in ${work} …`);
    const result = await benchOne(count, generate, withHugo, withDev, work).catch((error: unknown) => {
      // Keep the evidence: the generated articles and the build log stay for a look.
      console.error(`Kept ${work} for inspection.`);
      throw error;
    });
    results.push(result);
    print(result);
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  }
  if (results.length >= 2) {
    const [small, large] = [results[0], results.at(-1)] as [Result, Result];
    console.log(
      `\ngrowth: ${large.articles} / ${small.articles} articles took ${fixed(large.ours.wallSeconds / small.ours.wallSeconds, 2)}× the time (${fixed(large.articles / small.articles, 0)}× the articles)`,
    );
  }
  if (jsonFile) {
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, text, results }, null, 2)}\n`,
    );
    console.log(`\nJSON written to ${jsonFile}`);
  }
}

await main();
