import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's module holding its content store (`astro/dist/content/consts.js`, resolved). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * The JavaScript module whose default export is the store in `storeFile`, read and parsed as it
 * runs: nothing of the store passes through Vite or Rollup.
 */
export function storeReadingModule(storeFile: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`;
}

/**
 * Workaround for the cost of withastro/astro#17220 (checked against Astro 5.18.2): Astro 5 hands
 * Vite its whole content store, 7 MB at 10,000 stories, as one object literal, which Vite parses,
 * transforms and maps again on every start of `npm run dev` and after every saved story (about two
 * seconds of each on this project's test machine), and Rollup again in every build. Astro 6 emits
 * it as one JSON string since withastro/astro#17430; even that string costs Vite half a second at
 * 10,000 stories. This module reads the store file Astro made when it runs, and parses it with
 * `JSON.parse`: the module's value is the same, its code two lines.
 *
 * `storeFile` is where Astro keeps the store it makes the module from (`.astro/` in the preview,
 * the cache folder in a build); Astro invalidates the module when it writes that file again.
 * `tests/unit/integrations/data-store-module.test.ts` fails when the installed Astro names the
 * module or the file otherwise, or makes the module of something else. Remove when the site moves
 * to Astro 6.
 */
export function dataStoreReadAtRunTime(storeFile: () => string): Plugin {
  return {
    name: 'ban-tin-data-store-read-at-run-time',
    // Before Astro's own loading of the module, which would make the object literal first.
    load: {
      order: 'pre',
      handler(id) {
        if (id !== DATA_STORE_MODULE) return undefined;
        const file = storeFile();
        // No store yet: Astro's own module (an empty one).
        if (!existsSync(file)) return undefined;
        return { code: storeReadingModule(file), map: { mappings: '' } };
      },
    },
  };
}

/** The integration that adds `dataStoreReadAtRunTime` over the store of the command being run. */
export function dataStoreModule(): AstroIntegration {
  return {
    name: 'ban-tin-data-store-module',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const dir = command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir;
        const storeFile = () => fileURLToPath(new URL('data-store.json', dir));
        updateConfig({ vite: { plugins: [dataStoreReadAtRunTime(storeFile)] } });
      },
    },
  };
}
