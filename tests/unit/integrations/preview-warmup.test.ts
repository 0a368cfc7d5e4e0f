import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { PREVIEW_WARMUP, previewWarmup } from '../../../src/integrations/preview-warmup';
import { projectRoot } from '../../support/build';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

/** The Vite settings the integration gives Astro for a command, if any. */
function viteSettingsFor(command: 'dev' | 'build' | 'preview'): unknown {
  const given: unknown[] = [];
  const setup = previewWarmup().hooks['astro:config:setup'] as Setup;
  void setup({
    command,
    updateConfig: (config: { vite?: unknown }) => given.push(config.vite),
  } as unknown as Parameters<Setup>[0]);
  return given[0];
}

describe('the preview’s warm-up', () => {
  it('is given to `npm run dev` only: a build transforms everything anyway', () => {
    expect(viteSettingsFor('build')).toBeUndefined();
    expect(viteSettingsFor('preview')).toBeUndefined();
    expect(viteSettingsFor('dev')).toEqual({
      server: { preTransformRequests: true, warmup: { ssrFiles: [...PREVIEW_WARMUP.warmup.ssrFiles] } },
    });
  });

  it('warms every route of the site', () => {
    const [routes] = PREVIEW_WARMUP.warmup.ssrFiles;
    const warmed = globSync(routes, { cwd: projectRoot });
    expect(warmed).toContain('src/pages/index.astro');
    expect(warmed).toContain('src/pages/bai-viet/[slug]/index.astro');
    expect(warmed).toHaveLength(globSync('src/pages/**/*', { cwd: projectRoot }).length);
  });

  it('names the photos’ module as the installed Astro does (fails when Astro changes it)', () => {
    const astro = (path: string) => readFileSync(join(projectRoot, 'node_modules/astro/dist/content', path), 'utf8');
    expect(PREVIEW_WARMUP.warmup.ssrFiles).toContain('./.astro/content-assets.mjs');
    expect(astro('consts.js')).toContain('const ASSET_IMPORTS_FILE = "content-assets.mjs";');
    expect(astro('vite-plugin-content-virtual-mod.js')).toContain(
      'const assetImportsFile = new URL(ASSET_IMPORTS_FILE, settings.dotAstroDir);',
    );
  });
});
