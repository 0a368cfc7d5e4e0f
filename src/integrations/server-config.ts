import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { paths } from '../lib/discovery/paths';
import { serverDirFor } from '../lib/publishing/server-dir';
import { apacheConfig } from '../lib/publishing/serving/apache';
import { precompress } from '../lib/publishing/serving/compress';
import { iisConfig } from '../lib/publishing/serving/iis';
import { nginxConfig } from '../lib/publishing/serving/nginx';
import { pagesHeaders } from '../lib/publishing/serving/pages';
import { EDITOR_PATH, pagePolicyOf, siteRules } from '../lib/publishing/serving/rules';
import { site } from '../site.config';

/**
 * Every HTML file below a folder whose policy the site's header policy covers, sorted, so that
 * the policies' union comes out in one order. The web editor's page is left out: it has a policy
 * of its own (`EDITOR_PATH`), which must not loosen every other page's.
 */
function htmlFiles(root: string): string[] {
  const editor = EDITOR_PATH.replace(/^\//, '');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(sep).join('/'))
    .filter((name) => name.endsWith('.html') && !name.startsWith(editor))
    .map((name) => join(root, name))
    .sort();
}

/**
 * The distinct policies of the pages below a folder, in the order of their first page. A page's
 * policy is a slice of the page's text and keeps all of it in memory: one policy kept per page held
 * every page of the site at once, and a build of 50,000 stories ran out of heap here.
 */
function distinctPolicies(root: string): string[] {
  const policies = new Set<string>();
  for (const file of htmlFiles(root)) {
    const policy = pagePolicyOf(readFileSync(file, 'utf8'));
    if (policy !== undefined) policies.add(policy);
  }
  return [...policies];
}

/** The folder a deployment serves: the site of the `current` release of `npm run deploy`'s layout. */
const DEFAULT_ROOT = '/var/www/ban-tin/current/site';

/**
 * Writes the server configurations of each build from what the build made: the
 * old addresses of `_redirects`, the policies of the pages. `_headers` (Pages
 * hosts) goes into the output folder beside `_redirects`; nginx, Apache and IIS
 * configurations go beside it (`serverDirFor`), never published. Then every text
 * file gets its `.br` and `.gz` copy. Runs after the search index is written.
 */
export function serverConfig(): AstroIntegration {
  return {
    name: 'ban-tin-server-config',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const redirects = readFileSync(join(outDir, paths.redirects()), 'utf8');
        const rules = siteRules(redirects, distinctPolicies(outDir));
        writeFileSync(join(outDir, '_headers'), pagesHeaders(rules));

        const serverDir = serverDirFor(outDir);
        rmSync(serverDir, { recursive: true, force: true });
        const files: Record<string, string> = {
          'nginx/ban-tin.conf': nginxConfig(rules, {
            listen: ['80', '[::]:80'],
            serverName: new URL(site.url).hostname,
            root: DEFAULT_ROOT,
          }),
          'apache/.htaccess': apacheConfig(rules),
          'iis/web.config': iisConfig(rules),
        };
        for (const [name, text] of Object.entries(files)) {
          mkdirSync(join(serverDir, name, '..'), { recursive: true });
          writeFileSync(join(serverDir, name), text);
        }

        const totals = await precompress(outDir);
        const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
        logger.info(
          `Server configurations in ${serverDir} (${rules.aliases.length} old address(es)); ` +
            `${totals.files} text files precompressed: ${kib(totals.raw)} → gzip ${kib(totals.gzip)}, brotli ${kib(totals.brotli)}`,
        );
      },
    },
  };
}
