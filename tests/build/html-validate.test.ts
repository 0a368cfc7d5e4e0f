import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { fixtureOutDir } from '../support/build';
import { htmlErrors, htmlValidateConfig } from '../support/site-checks';
import { sitePages } from '../support/site-files';

describe('html-validate over the built fixture site', () => {
  it('finds no error on any page (recommended preset, rule changes listed in the README)', async () => {
    const { pages, errors } = await htmlErrors(fixtureOutDir);
    expect(pages).toBe(sitePages(fixtureOutDir).length);
    expect(pages).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    console.info(`html-validate: ${pages} pages, ${errors.length} errors`);
  });
});

describe('the project’s html-validate configuration', () => {
  it('still reports what the recommended preset reports: a missing alt, a duplicate id, an unclosed element', async () => {
    const report = await new HtmlValidate(htmlValidateConfig()).validateString(
      '<!doctype html><html lang="vi"><head><title>Thử</title></head><body><p id="a">Một</p><p id="a">Hai<img src="a.webp"><div></body></html>',
      'thu.html',
    );
    const rules = new Set(report.results.flatMap((result) => result.messages.map((message) => message.ruleId)));
    expect([...rules]).toEqual(expect.arrayContaining(['wcag/h37', 'no-dup-id', 'close-order']));
  });
});
