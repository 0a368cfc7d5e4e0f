import { buildSite, projectRoot } from './build';
import { join } from 'node:path';

/** Builds the real content (`content/`) once for the browser tests. */
export default function setup(): void {
  const result = buildSite(join(projectRoot, 'content'), 'e2e-site');
  if (result.status !== 0) throw new Error(`The site did not build:\n${result.output}`);
}
