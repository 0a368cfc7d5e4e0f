import { join } from 'node:path';
import { buildSite, projectRoot } from './build';
import { buildDiscovery } from './discovery';

/** Builds the real content (`content/`) and the discovery fixture once for the browser tests. */
export default function setup(): void {
  const result = buildSite(join(projectRoot, 'content'), 'e2e-site');
  if (result.status !== 0) throw new Error(`The site did not build:\n${result.output}`);
  const discovery = buildDiscovery('e2e-discovery');
  if (discovery.status !== 0) throw new Error(`The discovery fixture did not build:\n${discovery.output}`);
}
