import { join } from 'node:path';
import { buildSite, fixtureSiteDir, projectRoot } from './build';
import { buildDiscovery } from './discovery';

/** The sites the browser tests open, by name under `tests/.tmp/`. */
export const e2eSites = {
  /** The real content (`content/`): the seed story. */
  content: 'e2e-site',
  /** The fixture site: every page type, paginated lists, a story with photos. */
  fixture: 'e2e-fixture-site',
  /** The attack article and the allowed-HTML article. */
  attacks: 'e2e-attacks-site',
} as const;

/** Builds the real content and the fixture roots once for the browser tests. */
export default function setup(): void {
  const roots: [string, string][] = [
    [join(projectRoot, 'content'), e2eSites.content],
    [fixtureSiteDir, e2eSites.fixture],
    [join(projectRoot, 'tests/fixtures/attacks'), e2eSites.attacks],
  ];
  for (const [contentDir, name] of roots) {
    const result = buildSite(contentDir, name);
    if (result.status !== 0) throw new Error(`${contentDir} did not build:\n${result.output}`);
  }
  const discovery = buildDiscovery('e2e-discovery');
  if (discovery.status !== 0) throw new Error(`The discovery fixture did not build:\n${discovery.output}`);
}
