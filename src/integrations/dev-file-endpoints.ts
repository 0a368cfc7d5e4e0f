import type { AstroIntegration } from 'astro';
import { sections } from '../lib/discovery/paths';

/** A story's file address: `/bai-viet/<slug>/<name>.<extension>`, without a trailing slash. */
const STORY_FILE = new RegExp(`^/${sections.article}/[^/?#]+/[^/?#]+\\.[A-Za-z0-9]+(?=[?#]|$)`);

/**
 * Workaround for withastro/astro#17001 (checked against Astro 5.18.2; fixed in Astro 6 by
 * withastro/astro#17224): with `trailingSlash: 'always'`, `npm run dev` answers a dynamic file
 * endpoint (`[file].ts`, the share image) only with a slash after its name, `/x.png/`, and 404
 * at the address pages link to, `/x.png`; a build writes the file at its address. In the preview
 * only, such an address of a story's files is passed on with the slash Astro's router expects.
 * Remove when the site moves to an Astro with the fix.
 */
export function devFileEndpoints(): AstroIntegration {
  return {
    name: 'ban-tin-dev-file-endpoints',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, _response, next) => {
          const url = request.url ?? '';
          const file = STORY_FILE.exec(url);
          if (file) request.url = `${file[0]}/${url.slice(file[0].length)}`;
          next();
        });
      },
    },
  };
}
