import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leftovers, outputFolders, serverBundleFiles, swapIn } from '../../src/lib/publishing/output-swap';

let parent = '';
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'output-swap-'));
});
afterEach(() => {
  rmSync(parent, { recursive: true, force: true });
});

/** Writes files (path → text) under `dir`. */
function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('outputFolders', () => {
  it('puts the staging and old folders beside the output folder, hidden and named by process', () => {
    const folders = outputFolders(join(parent, 'dist'), 4242);
    expect(folders).toEqual({
      outDir: join(parent, 'dist'),
      serverDir: join(parent, 'dist-server'),
      staging: join(parent, '.dist-staging-4242'),
      stagingServer: join(parent, '.dist-staging-4242-server'),
      old: join(parent, '.dist-old-4242'),
      oldServer: join(parent, '.dist-old-4242-server'),
    });
  });
});

describe('leftovers', () => {
  it('names every old copy and the staging folders of builds no longer running, of this output folder only', () => {
    for (const name of [
      '.dist-old-1',
      '.dist-old-1-server',
      '.dist-staging-2',
      '.dist-staging-2-server',
      '.dist-staging-3',
      '.site-old-4',
      'dist',
    ]) {
      mkdirSync(join(parent, name));
    }
    const running = (pid: number) => pid === 3;
    expect(leftovers(join(parent, 'dist'), running)).toEqual(
      ['.dist-old-1', '.dist-old-1-server', '.dist-staging-2', '.dist-staging-2-server'].map((name) =>
        join(parent, name),
      ),
    );
  });
});

describe('serverBundleFiles', () => {
  it('finds Astro’s server bundle: chunks, page modules, manifests, any .mjs outside _astro/ and pagefind/', () => {
    expect(
      serverBundleFiles([
        'index.html',
        'chunks/_astro_data-layer-content_BdQ1.mjs',
        'pages/index.astro.mjs',
        'manifest_Dx3.mjs',
        'renderers.mjs',
        'bai-viet/x/entry.mjs',
        '_astro/print.Bx1.mjs',
        'pagefind/pagefind-worker.mjs',
        'pagefind/pagefind.js',
        '_astro/anh-bia.webp',
      ]),
    ).toEqual([
      'bai-viet/x/entry.mjs',
      'chunks/_astro_data-layer-content_BdQ1.mjs',
      'manifest_Dx3.mjs',
      'pages/index.astro.mjs',
      'renderers.mjs',
    ]);
  });

  it('finds nothing in a static site', () => {
    expect(serverBundleFiles(['index.html', 'bai-viet/x/index.html', '_astro/a.css', 'rss.xml'])).toEqual([]);
  });
});

describe('swapIn', () => {
  it('puts the staged site in place of the previous one, which waits in the old folder', () => {
    const folders = outputFolders(join(parent, 'dist'), 7);
    write(folders.outDir, { 'index.html': 'cũ', '.git/HEAD': 'ref' });
    write(folders.staging, { 'index.html': 'mới' });
    swapIn(folders);
    expect(read(folders.outDir, 'index.html')).toBe('mới');
    expect(read(folders.outDir, '.git/HEAD')).toBe('ref');
    expect(read(folders.old, 'index.html')).toBe('cũ');
    expect(existsSync(folders.staging)).toBe(false);
  });

  it('publishes a first build, where there was no site', () => {
    const folders = outputFolders(join(parent, 'dist'), 7);
    write(folders.staging, { 'index.html': 'mới' });
    swapIn(folders);
    expect(read(folders.outDir, 'index.html')).toBe('mới');
    expect(existsSync(folders.old)).toBe(false);
  });

  it('replaces the -server folder in the same swap when the build wrote one', () => {
    const folders = outputFolders(join(parent, 'dist'), 7);
    write(folders.outDir, { 'index.html': 'cũ' });
    write(folders.serverDir, { 'nginx.conf': 'cũ' });
    write(folders.staging, { 'index.html': 'mới' });
    write(folders.stagingServer, { 'nginx.conf': 'mới' });
    swapIn(folders);
    expect(read(folders.serverDir, 'nginx.conf')).toBe('mới');
    expect(read(folders.oldServer, 'nginx.conf')).toBe('cũ');
    expect(existsSync(folders.stagingServer)).toBe(false);
  });

  it('leaves the -server folder alone when the build wrote none', () => {
    const folders = outputFolders(join(parent, 'dist'), 7);
    write(folders.serverDir, { 'nginx.conf': 'cũ' });
    write(folders.staging, { 'index.html': 'mới' });
    swapIn(folders);
    expect(read(folders.serverDir, 'nginx.conf')).toBe('cũ');
  });

  it('undoes every rename and throws when one fails, leaving the previous site in place', () => {
    const folders = outputFolders(join(parent, 'dist'), 7);
    write(folders.outDir, { 'index.html': 'cũ', '.git/HEAD': 'ref' });
    write(folders.serverDir, { 'nginx.conf': 'cũ' });
    write(folders.staging, { 'index.html': 'mới' });
    write(folders.stagingServer, { 'nginx.conf': 'mới' });
    // Something already sits where the previous server files should wait: the third rename fails.
    write(folders.oldServer, { 'khac.txt': 'khác' });
    expect(() => swapIn(folders)).toThrow();
    expect(read(folders.outDir, 'index.html')).toBe('cũ');
    expect(read(folders.outDir, '.git/HEAD')).toBe('ref');
    expect(read(folders.serverDir, 'nginx.conf')).toBe('cũ');
    expect(read(folders.staging, 'index.html')).toBe('mới');
    expect(existsSync(join(folders.staging, '.git'))).toBe(false);
    expect(existsSync(folders.old)).toBe(false);
  });
});
