import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build';

/** The npm scripts, which editors run in Windows cmd and PowerShell as well as in POSIX shells. */
const scripts = (
  JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

/** What cmd.exe or PowerShell cannot run, with why. */
const POSIX_ONLY: [RegExp, string][] = [
  [/(^|&&\s*|;\s*|\|\|\s*)[A-Za-z_][A-Za-z0-9_]*=\S/, 'VAR=value before a command'],
  [/\$[A-Za-z_{(]/, 'a $VARIABLE or $(command)'],
  [/'/, 'single quotes (cmd does not treat them as quotes)'],
  [/(^|\s)(rm|cp|mv|export|cat|grep|sed|test|\[)\s/, 'a POSIX command'],
  [/;/, 'a ; between commands (PowerShell 5 and cmd differ)'],
  [/\\\n/, 'a line continuation'],
];

describe('npm scripts', () => {
  it.each(Object.entries(scripts))('"%s" runs unchanged in Windows cmd and PowerShell', (_name, command) => {
    for (const [pattern, what] of POSIX_ONLY) expect(command, what).not.toMatch(pattern);
  });
});

describe('the Node.js versions the project states', () => {
  const { engines } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } }>;
  };
  /** The oldest version of each line `engines` allows (20.19.0, 22.16.0). */
  const oldest = new semver.Range(engines.node).set.map((comparators) =>
    semver.minVersion(comparators.map((comparator) => comparator.value).join(' ')),
  );

  it('start at a version of each line', () => {
    expect(oldest.map((version) => version?.version)).toEqual(['20.19.0', '22.16.0']);
  });

  it('are enough for every locked package, so no install warns or fails on a stated version', () => {
    const needsMore = Object.entries(lock.packages).flatMap(([name, entry]) => {
      const wanted = entry.engines?.node;
      if (!wanted || !semver.validRange(wanted)) return [];
      return oldest
        .filter((version) => version && !semver.satisfies(version, wanted))
        .map((version) => `${name} needs Node ${wanted}, not ${version?.version}`);
    });
    expect(needsMore).toEqual([]);
  });
});
