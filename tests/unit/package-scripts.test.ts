import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
