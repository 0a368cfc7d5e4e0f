import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataToEsm } from '@rollup/pluginutils';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DATA_STORE_MODULE,
  dataStoreReadAtRunTime,
  storeReadingModule,
} from '../../../src/integrations/data-store-module';
import { projectRoot } from '../../support/build';

/** A store as Astro writes it: devalue's flat array, Vietnamese text, quotes, a line break and a `</script>`. */
const STORE = JSON.stringify([
  ['Map', 1, 2],
  'articles',
  { id: 3, data: 4 },
  '2024/2024-02-01-khai-giang.md',
  { title: 'Khai giảng lớp "Bồi dưỡng" \u2028 khóa 1\n</script>', date: ['Date', '2024-01-31T17:00:00.000Z'] },
]);

/** The value a module's code exports, by running it. */
async function exported(code: string): Promise<unknown> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    default: unknown;
  };
  return module.default;
}

const dir = mkdtempSync(join(tmpdir(), 'ban-tin-store-'));
const storeFile = join(dir, 'data-store.json');
writeFileSync(storeFile, STORE);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Load = (id: string) => { code: string } | undefined;
const loadWith = (file: string) => (dataStoreReadAtRunTime(() => file).load as unknown as { handler: Load }).handler;
const load = loadWith(storeFile);

describe("Astro's content store read by its module as it runs", () => {
  it('exports the same value as the object literal Astro makes of the store', async () => {
    // What Astro 5.18 loads the module as (vite-plugin-content-virtual-mod.js).
    const astros = dataToEsm(JSON.parse(STORE) as unknown[], { compact: true });
    const ours = load(DATA_STORE_MODULE);
    expect(ours?.code).toBe(storeReadingModule(storeFile));
    expect(ours?.code).not.toContain('Khai giảng');
    expect(await exported(ours?.code ?? '')).toEqual(await exported(astros));
  });

  it('gives the store as it is when the module runs again, as after Astro saves it and invalidates the module', async () => {
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, STORE);
    const code = loadWith(changed)(DATA_STORE_MODULE)?.code ?? '';
    expect(await exported(code)).toEqual(JSON.parse(STORE));
    const saved = JSON.stringify([['Map', 1, 2], 'articles', { id: 3 }, 'moi.md']);
    writeFileSync(changed, saved);
    // Different code text makes a new module, run anew as Vite's runner does after an invalidation.
    expect(await exported(`${code}// ${Date.now()}`)).toEqual(JSON.parse(saved));
  });

  it('leaves every other module to Astro and Vite, and the store module too while there is no store', () => {
    expect(load('src/data/articles.ts')).toBeUndefined();
    expect(load('astro:data-layer-content')).toBeUndefined();
    expect(loadWith(join(dir, 'absent.json'))(DATA_STORE_MODULE)).toBeUndefined();
  });

  it('names the module and the files as the installed Astro does (fails when Astro changes them)', () => {
    const astro = (path: string) => readFileSync(join(projectRoot, 'node_modules/astro/dist/content', path), 'utf8');
    expect(astro('consts.js')).toContain(`const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;`);
    expect(astro('consts.js')).toContain(`const DATA_STORE_VIRTUAL_ID = "${DATA_STORE_MODULE.slice(1)}";`);
    expect(astro('consts.js')).toContain('const DATA_STORE_FILE = "data-store.json";');
    expect(astro('content-layer.js')).toContain(
      'return new URL(DATA_STORE_FILE, isDev ? settings.dotAstroDir : settings.config.cacheDir);',
    );
    expect(astro('vite-plugin-content-virtual-mod.js')).toContain(
      'code: dataToEsm(parsed, {\n              compact: true',
    );
  });
});
