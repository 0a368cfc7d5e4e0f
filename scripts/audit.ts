/**
 * `npm run audit`: Lighthouse against `astro preview` on 127.0.0.1, in Debian's
 * Chromium, for the home page, the seed story and its Bản in. Prints the four
 * category scores of each and exits non-zero when one misses its target.
 * Builds `content/` first; `--no-build` audits the `dist/` already there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { paths } from '../src/lib/discovery/paths';

const projectRoot = resolve(import.meta.dirname, '..');
const astro = join(projectRoot, 'node_modules/astro/astro.js');
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEED = 'hoc-vien-can-bo-bang-khen-2022';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };

const pages: {
  name: string;
  path: string;
  /** Categories whose target does not apply, and why. */ exempt?: Partial<Record<Category, string>>;
}[] = [
  { name: 'Trang chủ', path: paths.home() },
  { name: 'Bài viết (seed)', path: paths.article(SEED) },
  {
    name: 'Bản in (seed)',
    path: paths.print(SEED),
    exempt: { seo: 'the print view is noindex on purpose: search engines get the article page' },
  },
];

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForServer(url: string, preview: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (preview.exitCode !== null) throw new Error(`astro preview stopped (exit ${preview.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`astro preview did not answer at ${url}`);
}

async function main(): Promise<number> {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  if (!process.argv.includes('--no-build')) {
    console.log('Building content/ into dist/ …');
    const build = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/build.ts')], {
      cwd: projectRoot,
      env,
      stdio: 'inherit',
    });
    if (build.status !== 0) return build.status ?? 1;
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const preview = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env,
    stdio: 'ignore',
  });
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    await waitForServer(`${origin}/`, preview);
    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });

    const rows: string[][] = [];
    const misses: string[] = [];
    let version = '';
    for (const page of pages) {
      const result = await lighthouse(`${origin}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      version = result.lhr.lighthouseVersion;
      const scores = CATEGORIES.map((category) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
      rows.push([page.name, ...scores.map(String), page.path]);
      CATEGORIES.forEach((category, index) => {
        const score = scores[index]!;
        const exempt = page.exempt?.[category];
        if (score >= TARGETS[category]) return;
        const failing = Object.values(result.lhr.audits)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
          .filter((audit) =>
            result.lhr.categories[category]?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0),
          )
          .map((audit) => audit.id);
        const line = `${page.name} ${category} ${score} < ${TARGETS[category]} (${failing.join(', ') || 'no single audit'})`;
        if (exempt) console.log(`note: ${line}: ${exempt}`);
        else misses.push(line);
      });
    }

    const header = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'path'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
    console.log(`\nLighthouse ${version} (mobile, simulated throttling), ${chromePath}\n`);
    console.log(format(header));
    for (const row of rows) console.log(format(row));
    console.log(
      `\ntargets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ${TARGETS['best-practices']}, SEO ${TARGETS.seo}`,
    );
    for (const miss of misses) console.log(`below target: ${miss}`);
    return misses.length === 0 ? 0 : 1;
  } finally {
    chrome?.kill();
    preview.kill();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
