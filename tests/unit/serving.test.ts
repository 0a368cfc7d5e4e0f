import { describe, expect, it } from 'vitest';
import { redirectsFile } from '../../src/lib/discovery/redirects';
import { serverDirFor } from '../../src/lib/publishing/server-dir';
import { apacheConfig } from '../../src/lib/publishing/serving/apache';
import { isCompressible } from '../../src/lib/publishing/serving/compress';
import { ecmaLiteral } from '../../src/lib/publishing/serving/iis';
import { nginxConfig } from '../../src/lib/publishing/serving/nginx';
import {
  pagePolicyOf,
  parseRedirectsFile,
  pathVariants,
  pcreLiteral,
  requiredValues,
  siteHeaderPolicy,
  siteRules,
  unionOfPolicies,
} from '../../src/lib/publishing/serving/rules';

const redirects = redirectsFile([
  { from: '/tin-tuc/1234.html', to: '/bai-viet/hoi-nghi/' },
  { from: '/Default.aspx?tabid=53&ItemID=1234', to: '/bai-viet/hoi-nghi/' },
  { from: '/Default.aspx?tabid=53', to: '/bai-viet/le-ky-niem/' },
  { from: '/tin-t%E1%BB%A9c/cu/', to: '/bai-viet/le-ky-niem/' },
]);

describe('serverDirFor', () => {
  it('puts the configurations beside the output folder, never inside it', () => {
    expect(serverDirFor('dist')).toBe('dist-server');
    expect(serverDirFor('/srv/site/dist/')).toBe('/srv/site/dist-server');
    expect(serverDirFor('tests/.tmp/site')).toBe('tests/.tmp/site-server');
  });
});

describe('parseRedirectsFile', () => {
  it('reads back every alias the site’s _redirects lists, query ones first, most parameters first', () => {
    expect(parseRedirectsFile(redirects)).toEqual([
      {
        path: '/Default.aspx',
        params: [
          ['tabid', '53'],
          ['ItemID', '1234'],
        ],
        to: '/bai-viet/hoi-nghi/',
      },
      { path: '/Default.aspx', params: [['tabid', '53']], to: '/bai-viet/le-ky-niem/' },
      { path: '/tin-tuc/1234.html', params: [], to: '/bai-viet/hoi-nghi/' },
      { path: '/tin-tức/cu/', params: [], to: '/bai-viet/le-ky-niem/' },
    ]);
  });

  it('refuses a line it cannot read, quoting it', () => {
    expect(() => parseRedirectsFile('/a /b 302\n')).toThrow('"/a /b 302"');
  });
});

describe('pathVariants', () => {
  it('answers a folder with and without its final slash, a file as written', () => {
    expect(pathVariants('/tin-tuc/cu/')).toEqual(['/tin-tuc/cu', '/tin-tuc/cu/']);
    expect(pathVariants('/tin-tuc/cu')).toEqual(['/tin-tuc/cu', '/tin-tuc/cu/']);
    expect(pathVariants('/Default.aspx')).toEqual(['/Default.aspx']);
    expect(pathVariants('/')).toEqual(['/']);
  });
});

describe('requiredValues', () => {
  it('gives the alias’s value for each parameter the site uses, empty for the others', () => {
    const rules = siteRules(redirects, []);
    expect(rules.parameterNames).toEqual(['itemid', 'tabid']);
    expect(rules.aliases.map((rule) => requiredValues(rule, rules.parameterNames))).toEqual([
      ['1234', '53'],
      ['', '53'],
      ['', ''],
      ['', ''],
    ]);
  });
});

describe('unionOfPolicies', () => {
  it('allows what any page allows, drops a page’s none where another allows something', () => {
    expect(
      unionOfPolicies([
        "default-src 'self'; script-src 'self' 'sha256-a'; style-src 'self'",
        "default-src 'self'; script-src 'none'; style-src 'none'",
        "default-src 'self'; script-src 'self' 'sha256-b'",
      ]),
    ).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'");
  });

  it('adds frame-ancestors none to the site policy', () => {
    expect(siteHeaderPolicy(["default-src 'self'"])).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  it('reads the policy a page declares in its meta tag', () => {
    expect(pagePolicyOf('<meta http-equiv="content-security-policy" content="default-src &#39;self&#39;">')).toBe(
      "default-src 'self'",
    );
  });
});

describe('pcreLiteral and ecmaLiteral', () => {
  it('escape every character that could mean something to a pattern or a config file', () => {
    expect(pcreLiteral('/Default.aspx')).toBe('/Default\\x2easpx');
    expect(pcreLiteral('/tức "x"')).toBe('/t\\xe1\\xbb\\xa9c\\x20\\x22x\\x22');
    expect(ecmaLiteral('tức.html')).toBe('t\\u1ee9c\\u002ehtml');
    expect(new RegExp(`^${ecmaLiteral('a+b(c)')}$`).test('a+b(c)')).toBe(true);
  });
});

describe('nginxConfig', () => {
  const config = nginxConfig(siteRules(redirects, ["default-src 'self'"]), {
    listen: ['80'],
    serverName: 'example.vn',
    root: '/var/www/ban-tin/current/site',
  });

  it('maps each old address, keyed by path and the values of the site’s parameters', () => {
    expect(config).toContain('"/Default.aspx?1234&53" "/bai-viet/hoi-nghi/";');
    expect(config).toContain('"/Default.aspx?&53" "/bai-viet/le-ky-niem/";');
    expect(config).toContain('"/tin-tuc/1234.html" "/bai-viet/hoi-nghi/";');
    expect(config).toContain('"/tin-tức/cu" "/bai-viet/le-ky-niem/";');
    expect(config).toContain('"/tin-tức/cu/" "/bai-viet/le-ky-niem/";');
    expect(config).toContain('map "$uri?$bantin_arg_0&$bantin_arg_1" $bantin_query_alias {');
  });

  it('sends the site policy with frame-ancestors, and the web editor its own', () => {
    expect(config).toContain(`default "default-src 'self'; frame-ancestors 'none'";`);
    expect(config).toContain(`"~^/quan-tri/" "frame-ancestors 'none'";`);
  });
});

describe('apacheConfig', () => {
  it('redirects a query alias only when the site’s other parameters are absent', () => {
    const config = apacheConfig(siteRules(redirects, []));
    expect(config).toContain(
      [
        'RewriteCond %{QUERY_STRING} !(^|&)itemid=[^&] [NC]',
        'RewriteCond %{QUERY_STRING} (^|&)tabid=53(&|$) [NC]',
        'RewriteRule ^Default\\x2easpx$ /bai-viet/le-ky-niem/ [NC,R=301,L,QSD]',
      ].join('\n'),
    );
    expect(config).toContain('RewriteRule ^tin-t\\xe1\\xbb\\xa9c/cu/?$ /bai-viet/le-ky-niem/ [NC,R=301,L,QSD]');
  });
});

describe('isCompressible', () => {
  it('is true for text files only', () => {
    for (const file of ['index.html', 'a/b.css', 'x.js', 'rss.xml', 'pagefind-entry.json', 'favicon.svg']) {
      expect(isCompressible(file), file).toBe(true);
    }
    for (const file of ['logo.png', 'a.webp', 'vi_1.pf_fragment', 'wasm.vi.pagefind', '_redirects', 'index.html.br']) {
      expect(isCompressible(file), file).toBe(false);
    }
  });
});
