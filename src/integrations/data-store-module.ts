import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's module holding its content store (`astro/dist/content/consts.js`, resolved). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The JavaScript module that gives the stored JSON as its default export, parsed at run time. */
export function jsonModule(json: string): string {
  return `export default JSON.parse(${JSON.stringify(json)});`;
}

/**
 * Workaround for the cost of withastro/astro#17220 (checked against Astro 5.18.2; Astro 6 emits
 * the store as a JSON string since withastro/astro#17430): Astro 5 hands Vite its whole content
 * store, 7 MB at 10,000 stories, as one object literal, which Vite parses and walks again on every
 * start of `npm run dev` and after every saved story (about two seconds of each on this project's
 * test machine), and Rollup again in every build. This hands the same store to Vite as one string,
 * given to `JSON.parse`, as Astro 6 does: the module's value is the same, its syntax tree one node.
 *
 * `storeFile` is where Astro keeps the store it makes the module from (`.astro/` in the preview,
 * the cache folder in a build). `tests/unit/integrations/data-store-module.test.ts` fails when the
 * installed Astro names the module or the file otherwise, or makes the module of something else.
 * Remove when the site moves to Astro 6.
 */
export function dataStoreAsJson(storeFile: () => string): Plugin {
  return {
    name: 'ban-tin-data-store-as-json',
    // Before Astro's own loading of the module, which would make the object literal first.
    load: {
      order: 'pre',
      handler(id) {
        if (id !== DATA_STORE_MODULE) return undefined;
        let json: string;
        try {
          json = readFileSync(storeFile(), 'utf8');
        } catch {
          // No store yet: Astro's own module (an empty one).
          return undefined;
        }
        return { code: jsonModule(json), map: { mappings: '' } };
      },
    },
  };
}

/** The integration that adds `dataStoreAsJson` over the store of the command being run. */
export function dataStoreModule(): AstroIntegration {
  return {
    name: 'ban-tin-data-store-module',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const dir = command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir;
        const storeFile = () => fileURLToPath(new URL('data-store.json', dir));
        updateConfig({ vite: { plugins: [dataStoreAsJson(storeFile)] } });
      },
    },
  };
}
