import { spawn } from 'node:child_process';
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

/** A copy of the fixture site whose cover photo is a JPEG with a good header and broken image data. */
function corruptCoverRoot(): string {
  const root = join(tmpRoot, 'atomic-corrupt-cover');
  rmSync(root, { recursive: true, force: true });
  cpSync(fixtureSiteDir, root, { recursive: true });
  const cover = join(root, 'articles/2024/2024-02-15-le-khai-giang/anh-bia.jpg');
  const jpeg = readFileSync(cover);
  // Keep everything up to the start of the scan (FF DA) and a few bytes after it, then noise.
  const scan = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  writeFileSync(cover, Buffer.concat([jpeg.subarray(0, scan + 20), Buffer.alloc(300, 0x5a)]));
  return root;
}

beforeAll(async () => {
  const result = await buildSiteAsync(fixtureSiteDir, name);
  expect(result.status, result.output).toBe(0);
  published = fileHashes(outDir);
}, 600_000);

describe('a build that fails after it has started writing pages', () => {
  it('leaves the previous site byte-identical and removes its staging folder', async () => {
    const result = await buildSiteAsync(corruptCoverRoot(), name, {}, { keepOutDir: true });
    expect(result.status, result.output).not.toBe(0);
    // The failure came late: the pages had been written (into the staging folder) already.
    expect(result.output).toContain('/bai-viet/le-khai-giang/index.html');
    expect(result.output).toContain('Could not transform image');
    expect(result.output).toContain(`Build failed (exit status 1): tests/.tmp/${name}/ is left as it was.`);
    // The build command's own message comes without a stack trace.
    expect(result.output).not.toContain('src/cli/build.ts');
    expect(fileHashes(outDir)).toEqual(published);
    expect(stagingFolders(outDir)).toEqual([]);
    console.info(
      `failed build: exit status ${result.status}, ${Object.keys(published).length} files of ${name}/ unchanged, no staging folder left`,
    );
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
    expect(output).toContain(`Build interrupted (SIGINT): tests/.tmp/${name}/ is left as it was.`);
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
