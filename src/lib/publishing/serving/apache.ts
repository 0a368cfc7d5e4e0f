import * as serving from './rules';

/** A double-quoted Apache argument. */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** The RewriteRule pattern of an alias's path (per-directory: no leading slash), any case. */
function pathPattern(path: string): string {
  if (path === '/') return '^$';
  const bare = path.replace(/^\//, '');
  return serving.isFolderPath(path)
    ? `^${serving.pcreLiteral(bare.replace(/\/+$/, ''))}/?$`
    : `^${serving.pcreLiteral(bare)}$`;
}

/** Conditions that hold when the query carries the alias's values and none of the site's other parameters. */
function queryConditions(rule: serving.AliasRule, names: readonly string[]): string[] {
  return names.map((name) => {
    const value = rule.params.find(([given]) => given.toLowerCase() === name)?.[1];
    return value === undefined || value === ''
      ? `RewriteCond %{QUERY_STRING} !(^|&)${serving.pcreLiteral(name)}=[^&] [NC]`
      : `RewriteCond %{QUERY_STRING} (^|&)${serving.pcreLiteral(name)}=${serving.pcreLiteral(value)}(&|$) [NC]`;
  });
}

/** A `Header` line applied only where `expr` holds (Apache 2.4.10+). */
function headerWhere(name: string, value: string, expr: string): string {
  return `    Header always set ${name} ${quoted(value)} ${quoted(`expr=${expr}`)}`;
}

/**
 * The Apache configuration of the site, as an `.htaccess` file for the site's
 * folder (or to `Include` inside its `<Directory>` block). Needs mod_rewrite,
 * mod_headers, mod_mime and mod_dir, and `AllowOverride All` when used as
 * `.htaccess`. Old addresses answer 301 (path in any case, query parameters
 * matched); `.br` and `.gz` copies are served to browsers that accept them.
 */
export function apacheConfig(rules: serving.SiteRules): string {
  const compressible = serving.COMPRESSIBLE.join('|');
  const lines: string[] = [
    '# Bản tin: the site on Apache 2.4. Written by `npm run build`; do not edit, build again.',
    '# Copy to the site folder as .htaccess (AllowOverride All), or Include it in its <Directory> block.',
    '',
    'Options -MultiViews -Indexes',
    'DirectoryIndex index.html',
    'DirectorySlash On',
    'ErrorDocument 404 /404.html',
    'AddDefaultCharset utf-8',
    '<IfModule mod_mime.c>',
    `    AddCharset utf-8 ${serving.COMPRESSIBLE.map((extension) => `.${extension}`).join(' ')}`,
    '    # .br and .gz are encodings of the file they copy, not types of their own.',
    '    RemoveType .br .gz',
    '    RemoveEncoding .br .gz',
    "    # Pagefind's index files (already compressed by Pagefind).",
    '    AddType application/octet-stream .pf_fragment .pf_index .pf_meta .pf_filter .pagefind',
    '</IfModule>',
    '',
    'RewriteEngine On',
    'RewriteBase /',
    '',
    '# Old addresses: each answers 301 to its story, whatever the case of its path;',
    '# with a query string, only when the parameters the old site used carry the same values.',
  ];
  for (const rule of rules.aliases) {
    if (rule.params.length > 0) lines.push(...queryConditions(rule, rules.parameterNames));
    lines.push(`RewriteRule ${pathPattern(rule.path)} ${rule.to} [NC,R=301,L,QSD]`);
  }
  lines.push(
    '',
    '# Files for Pages hosts only.',
    `RewriteRule ^(${serving.HOST_FILES.join('|')})$ - [R=404,L]`,
    '',
    '# A folder is its index.html, so that the rules below find its compressed copies.',
    'RewriteCond %{REQUEST_FILENAME} -d',
    'RewriteRule ^(.*/)?$ $1index.html [L]',
    '',
    '# The Brotli copy, else the gzip copy, of a text file, when the browser takes it.',
    'RewriteCond %{HTTP:Accept-Encoding} (^|[,\\s])br([,;\\s]|$) [NC]',
    'RewriteCond %{REQUEST_FILENAME}.br -f',
    `RewriteRule ^(.+\\.(${compressible}))$ $1.br [L]`,
    'RewriteCond %{HTTP:Accept-Encoding} (^|[,\\s])gzip([,;\\s]|$) [NC]',
    'RewriteCond %{REQUEST_FILENAME}.gz -f',
    `RewriteRule ^(.+\\.(${compressible}))$ $1.gz [L]`,
    '',
    '# Compressed copies keep the type of the file they copy; mod_deflate leaves them alone.',
  );
  for (const extension of serving.COMPRESSIBLE) {
    lines.push(
      `RewriteRule \\.${extension}\\.(br|gz)$ - [T=${serving.CONTENT_TYPES[extension].replace(/ /g, '')},E=no-gzip:1,E=no-brotli:1]`,
    );
  }
  lines.push(
    '',
    '<IfModule mod_headers.c>',
    ...serving.SECURITY_HEADERS.map(([name, value]) => `    Header always set ${name} ${quoted(value)}`),
    headerWhere('Content-Security-Policy', rules.csp, `%{REQUEST_URI} !~ m#^${serving.EDITOR_PATH}#`),
    headerWhere('Content-Security-Policy', serving.EDITOR_CSP, `%{REQUEST_URI} =~ m#^${serving.EDITOR_PATH}#`),
    headerWhere('Cache-Control', serving.CACHE_IMMUTABLE, `%{REQUEST_URI} =~ m#${serving.IMMUTABLE_PATH}#`),
    headerWhere('Cache-Control', serving.CACHE_REVALIDATE, `%{REQUEST_URI} !~ m#${serving.IMMUTABLE_PATH}#`),
    headerWhere('X-Robots-Tag', 'noindex', `%{REQUEST_URI} =~ m#${serving.PRINT_PATH}#`),
    headerWhere('Content-Encoding', 'br', '%{REQUEST_URI} =~ m#\\.br$#'),
    headerWhere('Content-Encoding', 'gzip', '%{REQUEST_URI} =~ m#\\.gz$#'),
    `    Header always merge Vary Accept-Encoding ${quoted(`expr=%{REQUEST_URI} =~ m#(/|\\.(${compressible})(\\.br|\\.gz)?)$#`)}`,
    '</IfModule>',
    '',
  );
  return lines.join('\n');
}
