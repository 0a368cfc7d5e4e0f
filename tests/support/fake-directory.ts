import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Page } from 'playwright-core';

type Operation = 'kind' | 'list' | 'read' | 'write' | 'mkdir' | 'remove' | 'move';

/**
 * Gives the page a `showDirectoryPicker()` that "picks" `root`, a real folder on disk.
 * Headless Chromium cannot click its native folder picker, so the handle it returns
 * is a stand-in with the File System Access API's shape whose every read and write
 * goes to Node's `fs` through `page.exposeFunction`: what the editor saves is on disk.
 */
export async function pickDirectoryOnDisk(page: Page, root: string): Promise<void> {
  const base = resolve(root);
  const inside = (path: string) => {
    const full = resolve(base, path);
    if (full !== base && !full.startsWith(base + sep)) throw new Error(`outside the folder: ${path}`);
    return full;
  };
  await page.exposeFunction('__banTinFs', (operation: Operation, path: string, data?: string | boolean) => {
    const full = inside(path);
    switch (operation) {
      case 'kind':
        return existsSync(full) ? (statSync(full).isDirectory() ? 'directory' : 'file') : null;
      case 'list':
        return readdirSync(full, { withFileTypes: true })
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? 'directory' : 'file' }));
      case 'read':
        return { data: readFileSync(full).toString('base64'), lastModified: statSync(full).mtimeMs };
      case 'write':
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, Buffer.from(String(data ?? ''), 'base64'));
        return null;
      case 'mkdir':
        mkdirSync(full, { recursive: true });
        return null;
      case 'remove':
        rmSync(full, { recursive: data === true });
        return null;
      case 'move': {
        const target = inside(String(data));
        mkdirSync(dirname(target), { recursive: true });
        renameSync(full, target);
        return relative(base, target).split(sep).join('/');
      }
    }
  });
  // A plain script file: the page runs it as written, before any of its own scripts.
  await page.addInitScript({ path: join(import.meta.dirname, 'fake-directory-browser.js') });
}
