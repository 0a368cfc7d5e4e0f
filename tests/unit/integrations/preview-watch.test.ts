import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewIgnored } from '../../../src/integrations/preview-watch';

const project = join('/', 'srv', 'ban-tin');
const at = (...parts: string[]) => join(project, ...parts);

/** Whether the watcher leaves `path` alone. */
const ignored = (path: string, env: NodeJS.ProcessEnv = {}) => previewIgnored(project, env)(path);

/** Expects the watcher to leave each of `paths` alone, or not. */
function expectIgnored(paths: string[], expected: boolean): void {
  for (const path of paths) expect(ignored(path), path).toBe(expected);
}

describe("the preview's file watcher", () => {
  it('watches the site: its code, its public files, and the content root but for its articles', () => {
    expectIgnored(
      [
        at('src/pages/index.astro'),
        at('public/favicon.ico'),
        at('astro.config.mjs'),
        at('content'),
        at('content/pages/gioi-thieu.md'),
        at('content/pages/anh-hoi-truong.jpg'),
      ],
      false,
    );
  });

  it("leaves the articles folder to the loader's own watcher: stories, photos, attachments and folders", () => {
    expectIgnored(
      [
        at('content/articles'),
        at('content/articles/2024'),
        at('content/articles/2024/2024-02-01-khai-giang.md'),
        at('content/articles/2024/khai-giang/index.md'),
        at('content/articles/2024/anh-khai-giang.jpg'),
        at('content/articles/2024/bao-cao.pdf'),
      ],
      true,
    );
    expect(ignored(at('content/articles-cu/a.md'))).toBe(false);
  });

  it('watches a content root outside the project, and one with a folder named like a built site', () => {
    const env = { BANTIN_CONTENT_DIR: join('/', 'data', 'dist', 'noi-dung') };
    expect(ignored(join('/', 'data', 'dist', 'noi-dung', 'pages', 'gioi-thieu.md'), env)).toBe(false);
    expect(ignored(join('/', 'data', 'dist', 'noi-dung', 'articles', '2024', 'a.md'), env)).toBe(true);
    expect(ignored(at('content/dist/gioi-thieu.md'))).toBe(false);
  });

  it('leaves built sites alone: dist/, the server folder, a staging and an old site', () => {
    expectIgnored(
      [
        at('dist'),
        at('dist/bai-viet/a/index.html'),
        at('dist-server/nginx.conf'),
        at('.dist-staging-123/index.html'),
        at('.dist-old-123/index.html'),
      ],
      true,
    );
  });

  it("leaves the benchmark's and the tests' scratch folders alone, but for the content root shown", () => {
    const env = { BANTIN_CONTENT_DIR: 'bench/.work/10000-ab12/content' };
    expect(ignored(at('bench/.work/10000-ab12/hugo/content/posts/a.md'), env)).toBe(true);
    expect(ignored(at('bench/.work/1000-cd34/content/articles/2024/a.md'), env)).toBe(true);
    expect(ignored(at('tests/.tmp/dev-preview/articles/2024/a.md'), env)).toBe(true);
    // The content root shown, all of it but its articles, and the folders that lead to it.
    expect(ignored(at('bench/.work/10000-ab12/content/pages/gioi-thieu.md'), env)).toBe(false);
    expect(ignored(at('bench/.work/10000-ab12/content/articles/2024/a.md'), env)).toBe(true);
    expect(ignored(at('bench/.work/10000-ab12/content'), env)).toBe(false);
    expect(ignored(at('bench/.work/10000-ab12'), env)).toBe(false);
    expect(ignored(at('bench/.work'), env)).toBe(false);
    expect(
      ignored(at('tests/.tmp/dev-preview/pages/gioi-thieu.md'), { BANTIN_CONTENT_DIR: 'tests/.tmp/dev-preview' }),
    ).toBe(false);
  });

  it('watches the articles folder too when it polls, since the loader then follows it', () => {
    const polling = previewIgnored(project, {}, true);
    for (const path of [
      at('content/articles'),
      at('content/articles/2024/2024-02-01-khai-giang.md'),
      at('content/articles/2024/anh.jpg'),
    ])
      expect(polling(path), path).toBe(false);
    expect(polling(at('dist/bai-viet/a/index.html'))).toBe(true);
  });
});
