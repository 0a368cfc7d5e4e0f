import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build';

const doc = readFileSync(join(projectRoot, 'docs/architecture.md'), 'utf8');

/** Every project path the page names: in `code` or in the diagram, starting at a top-level folder. */
const named = [
  ...new Set(
    [...doc.matchAll(/(?:^|[\s`(|])((?:src|tests|content|bench|deploy|docs)\/[\w./[\]-]*)/gm)]
      .map((match) => (match[1] ?? '').replace(/[.,:)]+$/, ''))
      .filter((path) => !path.includes('<') && !path.includes('…')),
  ),
];

describe('docs/architecture.md', () => {
  it('names files and folders that exist', () => {
    expect(named.length).toBeGreaterThan(40);
    // Paths of the recipes' examples (a new route, a new fixture story) are to be created.
    const examples = ['src/pages/su-kien/index.astro', 'src/pages/su-kien/', 'src/pages/su-kien'];
    const missing = named.filter((path) => !examples.includes(path) && !existsSync(join(projectRoot, path)));
    expect(missing).toEqual([]);
  });

  it('says the job of every folder of src/lib/', () => {
    const folders = readdirSync(join(projectRoot, 'src/lib'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/lib/${entry.name}/`);
    for (const folder of folders) expect(doc, folder).toContain(`| \`${folder}\` |`);
    // And src/lib/ holds folders only: every module sits with the others of its concern.
    expect(
      readdirSync(join(projectRoot, 'src/lib'), { withFileTypes: true }).filter((entry) => entry.isFile()),
    ).toEqual([]);
  });
});
