import * as serving from './rules';

/** What the nginx file is for: where it listens, its name and the folder it serves. */
export interface NginxSite {
  /** Lines of the `listen` directive (`80`, `443 ssl`, `127.0.0.1:8080`). */
  listen: string[];
  serverName: string;
  /** The folder holding the built site (the `current` link of a deployment). */
  root: string;
}

/** A double-quoted nginx string. */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** The smallest power of two that holds `size`, at least `min`. */
function powerOfTwo(size: number, min: number): number {
  let value = min;
  while (value < size) value *= 2;
  return value;
}

/** Map keys of the aliases with a query string: the path in lowercase, `?`, the required values. */
function queryKeys(rules: serving.SiteRules): [string, string][] {
  return rules.aliases
    .filter((rule) => rule.params.length > 0)
    .flatMap((rule) =>
      serving
        .pathVariants(rule.path)
        .map((path): [string, string] => [
          `${path}?${serving.requiredValues(rule, rules.parameterNames).join('&')}`,
          rule.to,
        ]),
    );
}

function plainKeys(rules: serving.SiteRules): [string, string][] {
  return rules.aliases
    .filter((rule) => rule.params.length === 0)
    .flatMap((rule) => serving.pathVariants(rule.path).map((path): [string, string] => [path, rule.to]));
}

/** Header lines every location repeats (nginx drops inherited `add_header` lines where a location sets its own). */
function headerLines(indent: string): string[] {
  return [
    ...serving.SECURITY_HEADERS.map(([name, value]) => `add_header ${name} ${quoted(value)} always;`),
    'add_header Content-Security-Policy $bantin_csp always;',
    'add_header Cache-Control $bantin_cache always;',
    'add_header X-Robots-Tag $bantin_robots always;',
    'add_header Vary $bantin_vary always;',
  ].map((line) => `${indent}${line}`);
}

/**
 * The nginx configuration of the site: `map` blocks and one `server` block, to
 * include in the `http` block (Debian: a file in /etc/nginx/sites-enabled/).
 * Old addresses answer 301 through two hashed maps (the path in any case; with
 * the query parameters' values), precompressed `.gz` files are served by
 * `gzip_static`, `.br` files by a rewrite when the browser accepts Brotli (no
 * module needed), and unknown paths get the 404 page with status 404.
 */
export function nginxConfig(rules: serving.SiteRules, site: NginxSite): string {
  const names = rules.parameterNames;
  const queries = queryKeys(rules);
  const plains = plainKeys(rules);
  const longestKey = Math.max(0, ...[...queries, ...plains].map(([key]) => Buffer.byteLength(key) + 2));
  const compressible = serving.COMPRESSIBLE.join('|');
  const lines: string[] = [
    '# Bản tin: the site on nginx. Written by `npm run build`; do not edit, build again.',
    '# Include this file in the http block (Debian: /etc/nginx/sites-enabled/).',
    '',
    // Every key must fit one bucket; a map per thousand aliases stays fast.
    `map_hash_bucket_size ${powerOfTwo(longestKey + 32, 64)};`,
    `map_hash_max_size ${powerOfTwo(2 * (queries.length + plains.length), 2048)};`,
    '',
  ];
  if (names.length > 0) {
    lines.push('# The value of each query parameter the old addresses use, whatever the case of its name.');
    names.forEach((name, index) => {
      lines.push(
        `map $args $bantin_arg_${index} {`,
        '    default "";',
        `    "~*(?:^|&)${serving.pcreLiteral(name)}=([^&]*)" $1;`,
        '}',
      );
    });
    const source = `$uri?${names.map((_, index) => `$bantin_arg_${index}`).join('&')}`;
    lines.push(
      '',
      '# Old addresses with a query string (path in any case, then the parameters above) → the story.',
      `map "${source}" $bantin_query_alias {`,
      '    default "";',
      ...queries.map(([key, to]) => `    ${quoted(key)} ${quoted(to)};`),
      '}',
    );
  }
  lines.push(
    '',
    '# Old addresses without a query string (path in any case) → the story.',
    'map $uri $bantin_plain_alias {',
    '    default "";',
    ...plains.map(([key, to]) => `    ${quoted(key)} ${quoted(to)};`),
    '}',
    '',
    '# ".br" when the browser accepts Brotli; otherwise a suffix no file has.',
    'map $http_accept_encoding $bantin_br {',
    '    default ".no-br";',
    '    "~*(^|[,\\s])br([,;\\s]|$)" ".br";',
    '}',
    '',
    'map $uri $bantin_csp {',
    `    default ${quoted(rules.csp)};`,
    `    "~^${serving.pcreLiteral(serving.EDITOR_PATH)}" ${quoted(serving.EDITOR_CSP)};`,
    '}',
    '',
    'map $uri $bantin_cache {',
    `    default ${quoted(serving.CACHE_REVALIDATE)};`,
    `    "~${serving.IMMUTABLE_PATH}" ${quoted(serving.CACHE_IMMUTABLE)};`,
    '}',
    '',
    'map $uri $bantin_robots {',
    '    default "";',
    `    "~${serving.PRINT_PATH}" "noindex";`,
    '}',
    '',
    '# Answers that exist in several encodings.',
    'map $uri $bantin_vary {',
    '    default "";',
    `    "~(/|\\.(${compressible})(\\.br)?)$" "Accept-Encoding";`,
    '}',
    '',
    'server {',
    ...site.listen.map((listen) => `    listen ${listen};`),
    `    server_name ${site.serverName};`,
    `    root ${quoted(site.root)};`,
    '    index index.html;',
    '    # Redirects name the path only, so they work behind any proxy and port.',
    '    absolute_redirect off;',
    '    server_tokens off;',
    '    charset utf-8;',
    '    charset_types text/css text/plain text/xml application/javascript application/json application/xml image/svg+xml;',
    '    error_page 404 /404.html;',
    '    gzip_static on;',
    '',
  );
  if (names.length > 0) lines.push('    if ($bantin_query_alias) { return 301 $bantin_query_alias; }');
  lines.push(
    '    if ($bantin_plain_alias) { return 301 $bantin_plain_alias; }',
    '',
    ...headerLines('    '),
    '',
    '    location / {',
    '        # The Brotli copy of the file, when the browser takes it.',
    '        if (-f $request_filename$bantin_br) { rewrite ^ $uri$bantin_br last; }',
    '        try_files $uri $uri/ =404;',
    '    }',
    '',
    `    location ~ ^/(${serving.HOST_FILES.join('|')})$ { return 404; }`,
    '',
  );
  for (const extension of serving.COMPRESSIBLE) {
    lines.push(
      `    location ~ \\.${extension}\\.br$ {`,
      '        internal;',
      '        types { }',
      `        default_type ${quoted(serving.CONTENT_TYPES[extension])};`,
      '        charset off;',
      '        gzip_static off;',
      '        add_header Content-Encoding br always;',
      ...headerLines('        '),
      '    }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}
