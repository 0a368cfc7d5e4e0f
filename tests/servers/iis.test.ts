import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { serverDirFor } from '../../src/lib/publishing/server-dir';
import { tmpRoot } from '../support/build';
import { movedAddresses, serverSiteName, unknownAddresses } from '../support/server-site';

// There is no IIS here: the generated web.config is read as XML and its URL Rewrite rules are
// run the way IIS runs them (patterns are ECMAScript regular expressions, ignoring case).

const outDir = join(tmpRoot, serverSiteName);
const xml = readFileSync(join(serverDirFor(outDir), 'iis/web.config'), 'utf8');
const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['rule', 'add', 'error', 'remove', 'mimeMap'].includes(name),
}).parse(xml) as WebConfig;

interface Condition {
  input: string;
  pattern?: string;
  negate?: string;
  ignoreCase?: string;
  matchType?: string;
}
interface Rule {
  name: string;
  stopProcessing?: string;
  match: { url?: string; ignoreCase?: string; serverVariable?: string; pattern?: string };
  conditions?: { logicalGrouping?: string; add: Condition[] };
  action: {
    type: string;
    url?: string;
    redirectType?: string;
    appendQueryString?: string;
    statusCode?: string;
    value?: string;
  };
}
interface WebConfig {
  configuration: {
    'system.webServer': {
      rewrite: { rules: { rule: Rule[] }; outboundRules: { rule: Rule[] } };
      httpErrors: {
        errorMode: string;
        existingResponse: string;
        error: { statusCode: string; path: string; responseMode: string }[];
      };
      httpProtocol: { customHeaders: { add: { name: string; value: string }[] } };
      defaultDocument: { files: { add: { value: string }[] } };
    };
  };
}

const server = parsed.configuration['system.webServer'];
const inbound = server.rewrite.rules.rule;

/** What IIS's URL Rewrite does with a request, rule by rule, as documented for `stopProcessing` rules. */
function rewrite(request: string, acceptEncoding = ''): Rule['action'] | undefined {
  const [rawPath = '', query = ''] = request.split(/\?(.*)/s);
  // IIS matches the decoded path, without its leading slash.
  const url = decodeURIComponent(rawPath).slice(1);
  for (const rule of inbound) {
    const match = new RegExp(rule.match.url ?? '', rule.match.ignoreCase === 'false' ? '' : 'i').exec(url);
    if (!match) continue;
    const conditions = rule.conditions?.add ?? [];
    const holds = conditions.every((condition) => {
      const filename = join(outDir, rawPath);
      const input = condition.input
        .replace('{QUERY_STRING}', query)
        .replace('{HTTP_ACCEPT_ENCODING}', acceptEncoding)
        .replace('{REQUEST_FILENAME}', rawPath.endsWith('/') ? `${filename}/` : filename);
      const result =
        condition.matchType === 'IsFile'
          ? existsSync(input)
          : new RegExp(condition.pattern ?? '', condition.ignoreCase === 'false' ? '' : 'i').test(input);
      return condition.negate === 'true' ? !result : result;
    });
    if (!holds) continue;
    const action = { ...rule.action };
    if (action.url) action.url = action.url.replace(/\{R:(\d)\}/g, (_, n: string) => match[Number(n)] ?? '');
    return action;
  }
  return undefined;
}

describe('the IIS web.config', () => {
  it('is well-formed XML with URL Rewrite rules', () => {
    expect(inbound.length).toBeGreaterThan(0);
    expect(server.defaultDocument.files.add.map(({ value }) => value)).toEqual(['index.html']);
  });

  it.each(movedAddresses)('sends %s with a permanent redirect to %s, dropping the query', (request, to) => {
    const action = rewrite(request);
    expect(action).toMatchObject({ type: 'Redirect', url: to, redirectType: 'Permanent', appendQueryString: 'false' });
  });

  it.each(unknownAddresses)('leaves %s to the 404 page', (request) => {
    const action = rewrite(request);
    if (action?.type === 'CustomResponse') expect(action.statusCode).toBe('404');
    else expect(action).toBeUndefined();
  });

  it('has one rule per old address of each kind: plain, folder, query string, query string on the home page', () => {
    const redirects = inbound.filter((rule) => rule.action.type === 'Redirect');
    const lines = readFileSync(join(outDir, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('/'));
    expect(redirects).toHaveLength(lines.length);
    const withQuery = redirects.filter((rule) => rule.conditions?.add.some((c) => c.input === '{QUERY_STRING}'));
    expect(withQuery).toHaveLength(lines.filter((line) => line.split(' ').length > 3).length);
    for (const rule of withQuery) {
      expect(rule.conditions?.logicalGrouping).toBe('MatchAll');
      expect(rule.stopProcessing).toBe('true');
    }
    expect(redirects.some((rule) => rule.match.url === '^$')).toBe(true);
    expect(redirects.some((rule) => rule.match.url?.endsWith('/?$'))).toBe(true);
  });

  it('serves the br copy of a page to a browser that takes it, and the gzip copy to one that takes only gzip', () => {
    expect(rewrite('/bai-viet/quoc-khanh-2020/', 'gzip, deflate, br')).toMatchObject({
      type: 'Rewrite',
      url: 'bai-viet/quoc-khanh-2020/index.html.br',
    });
    expect(rewrite('/rss.xml', 'gzip')).toMatchObject({ type: 'Rewrite', url: 'rss.xml.gz' });
    expect(rewrite('/rss.xml', '')).toBeUndefined();
    const outbound = server.rewrite.outboundRules.rule;
    const encodings = outbound.filter((rule) => rule.match.serverVariable === 'RESPONSE_Content_Encoding');
    expect(encodings.map((rule) => rule.action.value).sort()).toEqual(['br', 'gzip']);
    const htmlType = outbound.find((rule) => rule.name === 'type of html copies');
    expect(htmlType?.action.value).toBe('text/html; charset=utf-8');
  });

  it('answers unknown paths with the 404 page and status 404', () => {
    expect(server.httpErrors.existingResponse).toBe('Replace');
    expect(server.httpErrors.error).toEqual([{ statusCode: '404', path: '/404.html', responseMode: 'ExecuteURL' }]);
  });

  it('sends the security headers, the site policy with frame-ancestors, and marks print views and hashed files', () => {
    const headers = new Map(server.httpProtocol.customHeaders.add.map(({ name, value }) => [name, value]));
    expect(headers.get('Strict-Transport-Security')).toBe('max-age=31536000');
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('Permissions-Policy')).toContain('camera=()');
    expect(headers.get('Content-Security-Policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'$/);
    const outbound = server.rewrite.outboundRules.rule;
    const robots = outbound.find((rule) => rule.match.serverVariable === 'RESPONSE_X_Robots_Tag');
    expect(robots?.action.value).toBe('noindex');
    expect(new RegExp(robots?.conditions?.add[0]?.pattern ?? '^$').test('/bai-viet/quoc-khanh-2020/ban-in/')).toBe(
      true,
    );
    const cache = outbound.find((rule) => rule.match.serverVariable === 'RESPONSE_Cache_Control');
    expect(cache?.action.value).toBe('public, max-age=31536000, immutable');
    expect(new RegExp(cache?.conditions?.add[0]?.pattern ?? '^$').test('/_astro/x.css')).toBe(true);
  });
});
