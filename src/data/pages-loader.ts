import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { PAGE_PATTERN, pageProblems } from '../lib/content/pages';
import { normaliseNfc } from '../lib/text/clean';
import { devProblemsFile } from '../content/loader';
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
      // The preview (`npm run dev`, the only run with a watcher) leaves a bad page out and lists its
      // problems on every page, like a bad story's, instead of stopping.
      const preview = context.watcher !== undefined;
      const byPage = new Map<string, string[]>();
      const report = () => {
        const file = devProblemsFile(root, 'pages');
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify([...byPage.values()].flat().sort()));
      };
      const parseData: LoaderContext['parseData'] = async (props) => {
        const data = normaliseNfc(props.data);
        const found = pageProblems(displayPath(root, props.filePath ?? props.id), data);
        if (found.length > 0) {
          problems.push(...found);
          failed.add(props.id);
          if (preview) {
            byPage.set(props.id, found);
            report();
            for (const line of found) context.logger.warn(line);
          }
          return data;
        }
        failed.delete(props.id);
        if (byPage.delete(props.id)) report();
        return context.parseData({ ...props, data });
      };
      // A page that failed its checks is never stored (also when the preview reloads one file).
      const store: LoaderContext['store'] = {
        ...context.store,
        set: (entry) => {
          if (!failed.has(entry.id)) return context.store.set(entry);
          context.store.delete(entry.id);
          return false;
        },
      };
      await inner.load({ ...context, parseData, store });
      if (preview) {
        report();
        return;
      }
      if (problems.length > 0) {
        // Never leave a bad page in the content cache, where the next build would take it as checked.
        for (const id of failed) context.store.delete(id);
        // As for stories: the editor's lines, without the stack trace Astro prints after a thrown error.
        context.logger.error(`${problems.length} lỗi trong các trang:\n${[...problems].sort().join('\n')}`);
        process.exit(1);
      }
    },
  };
}
