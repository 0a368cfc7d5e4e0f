import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { site } from '../../src/site.config';
import { projectRoot } from './build';
import { isWebEditorFile, siteFiles, urlPathOf } from './site-files';

const origin = new URL(site.url).origin;

/** The project's html-validate configuration, the one `.htmlvalidate.json` documents. */
export function htmlValidateConfig(): ConfigData {
  return JSON.parse(readFileSync(join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

/** Every html-validate error of every HTML file of a built site, as `path:line:column rule: message`. */
export async function htmlErrors(outDir: string): Promise<{ pages: number; errors: string[] }> {
  const validator = new HtmlValidate(htmlValidateConfig());
  const files = siteFiles(outDir).filter((file) => file.endsWith('.html') && !isWebEditorFile(file));
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(outDir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const message of result.messages) {
        errors.push(`${urlPathOf(file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
  }
  return { pages: files.length, errors };
}

/** A reference from one built file to an address. */
export interface Reference {
  from: string;
  /** Where it was found, e.g. `img[src]`. */
  where: string;
  url: string;
}

/** The candidate URLs of a `srcset` (`a.webp 400w, b.webp 800w`). */
export function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
  ['source[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2]!.trim());
}

/** Every address a built file points at: HTML attributes and `srcset`, CSS `url()`, feed and sitemap links. */
export function references(outDir: string): Reference[] {
  const found: Reference[] = [];
  for (const file of siteFiles(outDir)) {
    const from = file.endsWith('.html') ? urlPathOf(file) : `/${file}`;
    const text = () => readFileSync(join(outDir, file), 'utf8');
    if (file.endsWith('.html')) {
      const root = parse(text());
      for (const [selector, attribute] of URL_ATTRIBUTES) {
        for (const element of root.querySelectorAll(selector)) {
          found.push({
            from,
            where: `${selector.split('[')[0]}[${attribute}]`,
            url: element.getAttribute(attribute) ?? '',
          });
        }
      }
      for (const element of root.querySelectorAll('[srcset]')) {
        for (const url of srcsetUrls(element.getAttribute('srcset') ?? '')) {
          found.push({ from, where: `${element.tagName.toLowerCase()}[srcset]`, url });
        }
      }
      for (const style of root.querySelectorAll('style')) {
        for (const url of cssUrls(style.innerHTML)) found.push({ from, where: 'style url()', url });
      }
    } else if (file.endsWith('.css')) {
      for (const url of cssUrls(text())) found.push({ from, where: 'css url()', url });
    } else if (file.endsWith('.xml')) {
      for (const match of text().matchAll(/<(loc|link)>\s*([^<\s]+)\s*<\/\1>|\shref="([^"]+)"/g)) {
        found.push({
          from,
          where: match[1] ? `<${match[1]}>` : 'xml href',
          url: (match[2] ?? match[3])!.replace(/&amp;/g, '&'),
        });
      }
    }
  }
  return found;
}

/** The file under `outDir` that serves a same-site URL path, or undefined when none does. */
export function fileFor(outDir: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidate = decoded.endsWith('/') ? join(outDir, decoded, 'index.html') : join(outDir, decoded);
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

const idCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const root: HTMLElement = parse(readFileSync(file, 'utf8'));
    ids = new Set(root.querySelectorAll('[id]').map((element) => element.getAttribute('id') ?? ''));
    idCache.set(file, ids);
  }
  return ids;
}

/** The outcome of checking every internal reference of a built site. */
export interface LinkReport {
  internal: number;
  external: number;
  broken: string[];
}

/**
 * Resolves every reference of a built site: an internal one (relative, or on
 * the site's own URL) must name a file in `outDir`, and its `#fragment` an
 * element id of that page. External ones are counted, not fetched.
 */
export function checkLinks(outDir: string): LinkReport {
  idCache.clear();
  const report: LinkReport = { internal: 0, external: 0, broken: [] };
  for (const reference of references(outDir)) {
    const { from, where, url } = reference;
    if (url === '' || /^(mailto|tel):/i.test(url)) continue;
    let target: URL;
    try {
      target = new URL(url, `${origin}${from}`);
    } catch {
      report.broken.push(`${from} ${where}="${url}": not a URL`);
      continue;
    }
    if (target.origin !== origin) {
      report.external += 1;
      continue;
    }
    report.internal += 1;
    const file = fileFor(outDir, target.pathname);
    if (!file) {
      report.broken.push(`${from} ${where}="${url}": no file for ${target.pathname}`);
      continue;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
      report.broken.push(`${from} ${where}="${url}": no element with id "${fragment}" on ${target.pathname}`);
    }
  }
  return report;
}
