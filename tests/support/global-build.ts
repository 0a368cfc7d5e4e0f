import { buildSite, fixtureOutDir, fixtureSiteDir } from './build';

/** Builds the fixture site once for every build test. */
export default function setup(): void {
  const result = buildSite(fixtureSiteDir, 'site');
  if (result.status !== 0 || result.outDir !== fixtureOutDir) {
    throw new Error(`The fixture site did not build:\n${result.output}`);
  }
}
