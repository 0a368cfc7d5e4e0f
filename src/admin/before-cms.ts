// Runs before Sveltia CMS is evaluated (imported first by cms.ts).

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
  }
}

// The editor starts itself in src/admin/cms.ts, once the site's format and preview are registered.
window.CMS_MANUAL_INIT = true;

// A Vietnamese interface whatever the browser's language, until the editor picks another in the settings.
const PREFS = 'sveltia-cms.prefs';
try {
  const prefs = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as Record<string, unknown>;
  if (typeof prefs.locale !== 'string') localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'vi' }));
} catch {
  // Storage refused (private mode): the browser's language decides.
}

export {};
