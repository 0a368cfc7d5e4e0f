import type { LoaderContext } from 'astro/loaders';

/**
 * Workaround for withastro/astro#15453 (checked against Astro 5.18.2): Astro
 * saves its data store 500 ms after the last change, and a save still running
 * when the content sync ends is not waited for. When loading pauses for more
 * than 500 ms (at 50,000 articles, while files are listed), a save starts
 * early and the page build can read a store with no article in it. Touching
 * the loader's meta every 200 ms keeps that timer from firing while articles
 * load; Astro then saves once, after the loader returns, and waits for it.
 * Remove when the upstream issue is fixed.
 */
export async function holdingStoreSave<T>(context: LoaderContext, work: () => Promise<T>): Promise<T> {
  const key = 'ban-tin-loading';
  const hold = setInterval(() => context.meta.set(key, 'yes'), 200);
  try {
    return await work();
  } finally {
    clearInterval(hold);
    context.meta.delete(key);
  }
}
