import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundleAdmin } from '../admin/bundle';
import { paths } from '../lib/discovery/paths';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The web editor's script, styles and fonts (src/admin/bundle.ts) in `dist/quan-tri/`
 * after each build; its page and configuration are routes (src/pages/quan-tri/).
 * `npm run dev` bundles them once, on the first visit to /quan-tri/.
 */
export function adminEditor(): AstroIntegration {
  return {
    name: 'ban-tin-admin',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { files, bytes } = await bundleAdmin(join(fileURLToPath(dir), paths.admin().slice(1)));
        logger.info(`${paths.admin()}: ${files.length} files, ${Math.round(bytes / 1024)} KB`);
      },
      'astro:server:setup': ({ server }) => {
        let bundled: Promise<string> | undefined;
        server.middlewares.use((request, response, next) => {
          const url = new URL(request.url ?? '/', 'http://localhost');
          if (!url.pathname.startsWith(paths.admin())) return next();
          if (url.pathname === paths.admin()) {
            response.writeHead(302, { location: paths.admin('index.html') });
            response.end();
            return;
          }
          const file = normalize(url.pathname.slice(paths.admin().length));
          if (!(extname(file) in TYPES) || file.startsWith('..')) return next();
          bundled ??= (async () => {
            const dir = mkdtempSync(join(tmpdir(), 'ban-tin-admin-'));
            await bundleAdmin(dir);
            return dir;
          })();
          bundled
            .then((dir) => {
              const path = join(dir, file);
              if (!existsSync(path)) return next();
              response.writeHead(200, { 'content-type': TYPES[extname(file)] as string });
              response.end(readFileSync(path));
            })
            .catch(next);
        });
      },
    },
  };
}
