import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCommand,
  buildEnv,
  buildSiteAsync,
  fixtureSiteDir,
  pageExists,
  plainOutput,
  projectRoot,
  tmpRoot,
} from '../support/build';
import { fileHashes, stagingFolders } from '../support/site-hashes';
import { siteFiles } from '../support/site-files';

// A site is built once; every later build here fails or is stopped, and must leave it untouched.
const name = 'atomic-site';
const outDir = join(tmpRoot, name);
let published: Record<string, string> = {};

beforeAll(async () => {
  const result = await buildSiteAsync(fixtureSiteDir, name);
  expect(result.status, result.output).toBe(0);
  published = fileHashes(outDir);
}, 600_000);

describe('a build that fails after it has started writing pages', () => {
  it('leaves the previous site byte-identical and removes its staging folder', async () => {
    // Astro's own process dies while it writes pages, as when the system runs out of memory and
    // kills it: the build command survives it and must keep the published site.
    const [command, args] = buildCommand(outDir);
    const build = spawn(command, args, { cwd: projectRoot, env: buildEnv(fixtureSiteDir) });
    let stdout = '';
    let stderr = '';
    let killed = '';
    build.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killed || !/[└├]─ \/bai-viet\//.test(stdout) || !build.pid) return;
      const astro = execFileSync('pgrep', ['-P', String(build.pid)], { encoding: 'utf8' })
        .trim()
        .split('\n')[0];
      if (astro) {
        killed = astro;
        process.kill(Number(astro), 'SIGKILL');
      }
    });
    build.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => build.on('close', (code) => done(code)));
    const output = plainOutput(stdout, stderr);
    expect(killed, output).not.toBe('');
    expect(status, output).toBe(1);
    expect(output).toContain(
      `Dựng trang không thành (bị dừng bởi SIGKILL): trang đang có trong tests/.tmp/${name}/ được giữ nguyên.`,
    );
    // The build command's own message comes without a stack trace.
    expect(output).not.toContain('src/cli/build.ts');
    expect(fileHashes(outDir)).toEqual(published);
    expect(stagingFolders(outDir)).toEqual([]);
    console.info(
      `failed build (Astro killed while writing pages): exit status ${status}, ${Object.keys(published).length} files of ${name}/ unchanged, no staging folder left`,
    );
  });

  it('leaves the previous site byte-identical when a story is refused', async () => {
    const root = join(tmpRoot, 'atomic-bad-story');
    rmSync(root, { recursive: true, force: true });
    cpSync(fixtureSiteDir, root, { recursive: true });
    writeFileSync(
      join(root, 'articles/2024/2024-04-01-hong.md'),
      "---\ntitle: Hỏng\ndate: '31/04/2024'\n---\n\nNội dung.\n",
    );
    const result = await buildSiteAsync(root, name, {}, { keepOutDir: true });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('2024-04-01-hong.md: date: không đọc được "31/04/2024"');
    expect(fileHashes(outDir)).toEqual(published);
    expect(stagingFolders(outDir)).toEqual([]);
  });
});

describe('a build interrupted with SIGINT while it writes pages', () => {
  it('exits non-zero, leaves the previous site byte-identical and removes its staging folder', async () => {
    const [command, args] = buildCommand(outDir);
    const build = spawn(command, args, { cwd: projectRoot, env: buildEnv(fixtureSiteDir) });
    let stdout = '';
    let stderr = '';
    let interruptedAt = '';
    const watch = () => {
      // Astro lists each page as it writes it: "└─ /404.html (+385ms)".
      const page = /[└├]─ (\/\S*)/.exec(stdout);
      if (page && !interruptedAt) {
        interruptedAt = page[1]!;
        build.kill('SIGINT');
      }
    };
    build.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      watch();
    });
    build.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const status = await new Promise<number | null>((done) => build.on('close', (code) => done(code)));
    const output = plainOutput(stdout, stderr);

    expect(interruptedAt, output).not.toBe('');
    expect(output).toContain('generating static routes');
    expect(status, output).toBe(130);
    expect(output).toContain(`Đã dừng dựng trang (SIGINT): trang đang có trong tests/.tmp/${name}/ được giữ nguyên.`);
    expect(fileHashes(outDir)).toEqual(published);
    expect(stagingFolders(outDir)).toEqual([]);
    console.info(
      `SIGINT after ${interruptedAt} was written: exit status ${status}, ${Object.keys(published).length} files of ${name}/ unchanged, no staging folder left`,
    );
  });
});

describe('a successful build', () => {
  it('replaces the previous site whole', async () => {
    writeFileSync(join(outDir, 'con-sot-lai.html'), 'left over from an earlier build');
    const result = await buildSiteAsync(fixtureSiteDir, name, {}, { keepOutDir: true });
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(outDir, 'con-sot-lai.html'))).toBe(false);
    expect(pageExists(outDir, '/bai-viet/le-khai-giang/')).toBe(true);
    expect(fileHashes(outDir)).toEqual(published);
    expect(stagingFolders(outDir)).toEqual([]);
  });
});

/** Titles of the draft stories in every fixture content root. */
function draftTitles(): string[] {
  const fixtures = join(projectRoot, 'tests/fixtures');
  return siteFiles(fixtures)
    .filter((file) => file.endsWith('.md'))
    .map((file) => readFileSync(join(fixtures, file), 'utf8'))
    .filter((text) => /^draft:\s*true\s*$/m.test(text))
    .map((text) => /^title:\s*['"]?(.+?)['"]?\s*$/m.exec(text)![1]!.normalize('NFC'));
}

/** Every built site under tests/.tmp: folders with an index.html at their top (temporary `.` folders skipped). */
function builtSites(dir = tmpRoot): string[] {
  if (existsSync(join(dir, 'index.html'))) return [dir];
  return readdirSync(dir)
    .filter((entry) => !entry.startsWith('.') && statSync(join(dir, entry)).isDirectory())
    .flatMap((entry) => builtSites(join(dir, entry)));
}

/** What no published site may hold: Astro's server bundle, which carries every draft. */
function serverBundle(files: string[]): string[] {
  return files.filter(
    (file) => /^chunks\//.test(file) || /^pages\/.*\.mjs$/.test(file) || /(^|\/)manifest_/.test(file),
  );
}

describe('every site built by the tests', () => {
  it('holds no draft title and nothing of Astro’s server bundle', () => {
    const drafts = draftTitles();
    expect(drafts).toContain('Bản nháp chưa duyệt');
    const sites = builtSites();
    expect(sites.map((site) => relative(tmpRoot, site).split(sep).join('/'))).toContain(name);
    const found: string[] = [];
    let fileCount = 0;
    for (const site of sites) {
      const files = siteFiles(site);
      fileCount += files.length;
      found.push(...serverBundle(files).map((file) => `${relative(tmpRoot, site)}/${file}`));
      for (const file of files) {
        const text = readFileSync(join(site, file), 'utf8').normalize('NFC');
        for (const title of drafts)
          if (text.includes(title)) found.push(`${relative(tmpRoot, site)}/${file}: ${title}`);
      }
    }
    expect(found).toEqual([]);
    console.info(
      `draft leak check: ${sites.length} built sites, ${fileCount} files, ${drafts.length} draft titles (${drafts.join(' | ')}): 0 found; no chunks/, pages/*.mjs or manifest_*`,
    );
  });
});
