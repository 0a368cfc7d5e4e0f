/**
 * The Content-Security-Policy every page carries. Astro adds the hashes of the
 * scripts and styles it bundles; pages written outside Astro's renderer (the
 * redirect pages of old addresses) carry `pagePolicy`, which allows none.
 */
export const cspDirectives = [
  "default-src 'self'",
  // Photos are built beside the site; remote https photos in an article stay visible.
  "img-src 'self' https:",
  "font-src 'self'",
  // The only embeds the article allow-list keeps.
  'frame-src https://www.youtube-nocookie.com',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** The policy of a page that runs no script and has no style of its own. */
export const pagePolicy = [...cspDirectives, "script-src 'none'", "style-src 'none'"].join('; ');
