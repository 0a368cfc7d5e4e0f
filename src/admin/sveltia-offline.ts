/**
 * Workaround, checked against @sveltia/cms 0.221.1: besides loading its fonts from the
 * files it ships (npm/assets/), the npm build injects a stylesheet whose @font-face
 * rules point at cdn.jsdelivr.net, so every visit asks a CDN for three fonts (refused by
 * the editor's Content-Security-Policy, but still attempted). This points those rules at
 * the shipped files instead. Remove once the npm build stops naming the CDN; the bundle
 * test (tests/unit/admin-bundle.test.ts) fails if a CDN font address comes back.
 */
import { readdirSync } from 'node:fs';

const CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([\w-]+)(?::vf)?@[\d.]+\/([\w-]+)\.woff2/g;

/** Sveltia's code with its CDN font addresses replaced by `assets/<shipped file>` (relative to /quan-tri/). */
export function localFonts(code: string, assetsDir: string): string {
  const shipped = readdirSync(assetsDir);
  return code.replace(CDN_FONT, (url, family: string, subset: string) => {
    const file = shipped.find((name) => name.startsWith(`${family}-${subset}-`) && name.endsWith('.woff2'));
    if (file === undefined) throw new Error(`@sveltia/cms: no shipped font for ${url} in ${assetsDir}`);
    return `assets/${file}`;
  });
}
