/**
 * `npm run bench -- [--articles 1000,10000] [--text real|synthetic] [--corpus DIR] [--json FILE] [--no-hugo] [--keep]`:
 * builds N Vietnamese articles of real text (the shared corpus: news stories and Wikipedia
 * articles, see bench/corpus.ts; `--text synthetic` for the small-vocabulary generator) with the production build (search index included), measures time,
 * CPU, peak memory of the whole process tree and page weight, then a warm rebuild after
 * editing one article; with `hugo` on PATH, builds the same articles with the equivalent
 * Hugo site in bench/hugo (plus the same Pagefind run) and prints the ratios.
 * Everything happens in bench/.work/ (ignored by git): `content/` is never touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
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

interface Result {
  articles: number;
  ours: Run & Weight;
  rebuild: Run;
  hugo?: {
    hugo: Run;
    pagefind: Run;
    total: { wallSeconds: number; cpuSeconds: number; peakRssMb: number };
    weight: Weight;
  };
}

/** Where a built article page lies in an output folder. */
const articleFile = (slug: string) => join(paths.article(slug), 'index.html');

/** Writes the benchmark's articles: real text from the corpus, or the synthetic generator's. */
type Generator = (root: string, count: number) => GeneratedArticle[];

async function benchOne(count: number, generate: Generator, withHugo: boolean, work: string): Promise<Result> {
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
  const { ours, rebuild, hugo } = result;
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
  const results: Result[] = [];
  for (const count of counts) {
    // Inside the project: Astro misplaces its generated modules when outDir lies outside the root.
    mkdirSync(join(projectRoot, 'bench/.work'), { recursive: true });
    const work = mkdtempSync(join(projectRoot, 'bench/.work', `${count}-`));
    console.log(`Generating and building ${count} articles in ${work} …`);
    const result = await benchOne(count, generate, withHugo, work).catch((error: unknown) => {
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
