import { t } from '../i18n/vi';
import { escapeMarkup } from '../lib/text/escape';
import type { CmsSettings, GitBackend } from './cms-config';

/** The public host of each Git service, when `apiRoot` is left empty. */
const DEFAULT_API: Record<GitBackend, string> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com',
  gitea: 'https://gitea.com',
};

/** Other addresses of the Git host the editor reads: avatars, and GitHub's service status. */
const HOST_EXTRAS: Record<GitBackend, { img: string[]; connect: string[] }> = {
  github: { img: ['https://avatars.githubusercontent.com'], connect: ['https://www.githubstatus.com'] },
  gitlab: { img: [], connect: [] },
  gitea: { img: [], connect: [] },
};

function apiOrigins(cms: CmsSettings): string[] {
  const urls = [cms.apiRoot || DEFAULT_API[cms.backend], cms.authUrl].filter((url) => url !== '');
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

function hostExtras(cms: CmsSettings) {
  return cms.apiRoot ? { img: [], connect: [] } : HOST_EXTRAS[cms.backend];
}

/** Every origin the editor may reach besides its own: the configured Git host's API, sign-in and avatars. */
export function gitOrigins(cms: CmsSettings): string[] {
  const extras = hostExtras(cms);
  return [...new Set([...apiOrigins(cms), ...extras.img, ...extras.connect])];
}

/**
 * The web editor's own Content-Security-Policy: its scripts, styles, fonts and
 * WebAssembly image encoders come from this site; it talks only to the Git host.
 * Sveltia CMS writes `<style>` elements and style attributes as it runs, hence
 * 'unsafe-inline' for styles (scripts stay 'self' only); photos being uploaded are `blob:` URLs.
 */
export function adminCsp(cms: CmsSettings): string {
  const git = apiOrigins(cms);
  const extras = hostExtras(cms);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'blob:', 'data:', ...git, ...extras.img]],
    ['media-src', ["'self'", 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", 'blob:', 'data:', ...git, ...extras.connect]],
    ['worker-src', ["'self'", 'blob:']],
    ['frame-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The HTML of `/quan-tri/`: no index, its own policy, the bundled editor and its generated configuration. */
export function adminPage(options: { siteName: string; lang: string; cms: CmsSettings }): string {
  const title = escapeMarkup(t('admin.title', { name: options.siteName }));
  return `<!doctype html>
<html lang="${escapeMarkup(options.lang)}">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeMarkup(adminCsp(options.cms))}">
    <meta name="robots" content="noindex, nofollow">
    <meta name="referrer" content="same-origin">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <link rel="cms-config-url" type="application/json" href="config.json">
    <script type="module" src="cms.js"></script>
  </head>
  <body>
    <noscript><p>${escapeMarkup(t('admin.noscript'))}</p></noscript>
  </body>
</html>
`;
}
