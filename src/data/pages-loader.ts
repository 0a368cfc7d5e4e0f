import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { PAGE_PATTERN, pageProblems } from '../lib/pages';
import { normaliseNfc } from '../lib/text';
import { displayPath } from '../content/validate';

/**
 * Standing pages: Astro's glob loader over `<contentRoot>/pages`, each page's
 * frontmatter checked first, so that a bad page fails the build with
 * `path: field: problem (cần …)` lines in Vietnamese for every page at once.
 */
export function pagesLoader(pagesDir: string): Loader {
  const inner = glob({ pattern: PAGE_PATTERN, base: pagesDir, generateId: ({ entry }) => entry.normalize('NFC') });
  return {
    name: 'ban-tin-pages',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const problems: string[] = [];
      const failed = new Set<string>();
      const parseData: LoaderContext['parseData'] = async (props) => {
        const data = normaliseNfc(props.data);
        const found = pageProblems(displayPath(root, props.filePath ?? props.id), data);
        if (found.length > 0) {
          problems.push(...found);
          failed.add(props.id);
          return data;
        }
        return context.parseData({ ...props, data });
      };
      await inner.load({ ...context, parseData });
      if (problems.length > 0) {
        // Never leave a bad page in the content cache, where the next build would take it as checked.
        for (const id of failed) context.store.delete(id);
        throw new Error(`${problems.length} lỗi trong các trang:\n${[...problems].sort().join('\n')}`);
      }
    },
  };
}
