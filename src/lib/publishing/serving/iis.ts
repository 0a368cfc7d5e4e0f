import * as serving from './rules';

/** Escapes text for an XML attribute. */
function attr(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Escapes text for a URL Rewrite pattern (ECMAScript syntax): letters, digits,
 * `/`, `_` and `-` stay, everything else becomes `\uHHHH`.
 */
export function ecmaLiteral(text: string): string {
  let out = '';
  for (const char of text) {
    if (/[A-Za-z0-9/_-]/.test(char)) out += char;
    else for (const unit of char.split('')) out += `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** The `<match url>` pattern of an alias's path (IIS matches the path without its leading slash). */
export function iisPathPattern(path: string): string {
  if (path === '/') return '^$';
  const bare = path.replace(/^\//, '');
  return serving.isFolderPath(path) ? `^${ecmaLiteral(bare.replace(/\/+$/, ''))}/?$` : `^${ecmaLiteral(bare)}$`;
}

/** The `{QUERY_STRING}` conditions of an alias: its values present, the site's other parameters absent or empty. */
export function iisQueryConditions(
  rule: serving.AliasRule,
  names: readonly string[],
): { pattern: string; negate: boolean }[] {
  return names.map((name) => {
    const value = rule.params.find(([given]) => given.toLowerCase() === name)?.[1];
    return value === undefined || value === ''
      ? { pattern: `(^|&)${ecmaLiteral(name)}=[^&]`, negate: true }
      : { pattern: `(^|&)${ecmaLiteral(name)}=${ecmaLiteral(value)}(&|$)`, negate: false };
  });
}

function headerList(headers: readonly [string, string][], indent: string): string[] {
  return headers.map(([name, value]) => `${indent}<add name="${attr(name)}" value="${attr(value)}" />`);
}

/**
 * The IIS configuration of the site: a `web.config` for the site's folder,
 * using the URL Rewrite module (installed separately on IIS). Old addresses
 * answer 301 (IIS matches paths and conditions ignoring case by default);
 * `.br`/`.gz` copies are served by a rewrite plus outbound rules that set their
 * encoding and type; the 404 page answers unknown paths with status 404.
 */
export function iisConfig(rules: serving.SiteRules): string {
  const compressible = serving.COMPRESSIBLE.join('|');
  const rewrite: string[] = [];
  rules.aliases.forEach((rule, index) => {
    const conditions = rule.params.length > 0 ? iisQueryConditions(rule, rules.parameterNames) : [];
    rewrite.push(
      `        <rule name="old address ${index + 1}" stopProcessing="true">`,
      `          <match url="${attr(iisPathPattern(rule.path))}" ignoreCase="true" />`,
      ...(conditions.length > 0
        ? [
            '          <conditions logicalGrouping="MatchAll">',
            ...conditions.map(
              ({ pattern, negate }) =>
                `            <add input="{QUERY_STRING}" pattern="${attr(pattern)}" ignoreCase="true"${negate ? ' negate="true"' : ''} />`,
            ),
            '          </conditions>',
          ]
        : []),
      `          <action type="Redirect" url="${attr(rule.to)}" redirectType="Permanent" appendQueryString="false" />`,
      '        </rule>',
    );
  });
  rewrite.push(
    '        <rule name="files for Pages hosts" stopProcessing="true">',
    `          <match url="^(${serving.HOST_FILES.join('|')})$" />`,
    '          <action type="CustomResponse" statusCode="404" />',
    '        </rule>',
  );
  for (const [encoding, suffix] of [
    ['br', 'br'],
    ['gzip', 'gz'],
  ] as const) {
    rewrite.push(
      `        <rule name="${encoding} copy of a folder's page" stopProcessing="true">`,
      '          <match url="^(.*/)?$" />',
      '          <conditions logicalGrouping="MatchAll">',
      `            <add input="{HTTP_ACCEPT_ENCODING}" pattern="(^|[,\\s])${encoding}([,;\\s]|$)" />`,
      `            <add input="{REQUEST_FILENAME}index.html.${suffix}" matchType="IsFile" />`,
      '          </conditions>',
      `          <action type="Rewrite" url="{R:1}index.html.${suffix}" />`,
      '        </rule>',
      `        <rule name="${encoding} copy of a file" stopProcessing="true">`,
      `          <match url="^(.+\\.(${compressible}))$" />`,
      '          <conditions logicalGrouping="MatchAll">',
      `            <add input="{HTTP_ACCEPT_ENCODING}" pattern="(^|[,\\s])${encoding}([,;\\s]|$)" />`,
      `            <add input="{REQUEST_FILENAME}.${suffix}" matchType="IsFile" />`,
      '          </conditions>',
      `          <action type="Rewrite" url="{R:1}.${suffix}" />`,
      '        </rule>',
    );
  }
  const outbound: string[] = [
    '        <rule name="encoding of br copies">',
    '          <match serverVariable="RESPONSE_Content_Encoding" pattern=".*" />',
    '          <conditions><add input="{URL}" pattern="\\.br$" /></conditions>',
    '          <action type="Rewrite" value="br" />',
    '        </rule>',
    '        <rule name="encoding of gzip copies">',
    '          <match serverVariable="RESPONSE_Content_Encoding" pattern=".*" />',
    '          <conditions><add input="{URL}" pattern="\\.gz$" /></conditions>',
    '          <action type="Rewrite" value="gzip" />',
    '        </rule>',
    ...serving.COMPRESSIBLE.flatMap((extension) => [
      `        <rule name="type of ${extension} copies">`,
      '          <match serverVariable="RESPONSE_Content_Type" pattern=".*" />',
      `          <conditions><add input="{URL}" pattern="\\.${extension}\\.(br|gz)$" /></conditions>`,
      `          <action type="Rewrite" value="${attr(serving.CONTENT_TYPES[extension])}" />`,
      '        </rule>',
    ]),
    '        <rule name="Vary of compressible answers">',
    '          <match serverVariable="RESPONSE_Vary" pattern=".*" />',
    `          <conditions><add input="{URL}" pattern="(/|\\.(${compressible})(\\.br|\\.gz)?)$" /></conditions>`,
    '          <action type="Rewrite" value="Accept-Encoding" />',
    '        </rule>',
    '        <rule name="hashed files are immutable">',
    '          <match serverVariable="RESPONSE_Cache_Control" pattern=".*" />',
    `          <conditions><add input="{URL}" pattern="${attr(serving.IMMUTABLE_PATH)}" /></conditions>`,
    `          <action type="Rewrite" value="${attr(serving.CACHE_IMMUTABLE)}" />`,
    '        </rule>',
    '        <rule name="print views stay out of search engines">',
    '          <match serverVariable="RESPONSE_X_Robots_Tag" pattern=".*" />',
    `          <conditions><add input="{URL}" pattern="${attr(serving.PRINT_PATH)}" /></conditions>`,
    '          <action type="Rewrite" value="noindex" />',
    '        </rule>',
    '        <rule name="the web editor brings its own policy">',
    '          <match serverVariable="RESPONSE_Content_Security_Policy" pattern=".*" />',
    `          <conditions><add input="{URL}" pattern="^${attr(serving.EDITOR_PATH)}" /></conditions>`,
    `          <action type="Rewrite" value="${attr(serving.EDITOR_CSP)}" />`,
    '        </rule>',
  ];
  const mimeMaps = ['br', 'gz'].map(
    (suffix) =>
      `      <remove fileExtension=".${suffix}" />\n      <mimeMap fileExtension=".${suffix}" mimeType="application/octet-stream" />`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Bản tin: the site on IIS with the URL Rewrite module. Written by `npm run build`; do not edit, build again. -->',
    '<configuration>',
    '  <system.webServer>',
    '    <defaultDocument enabled="true">',
    '      <files>',
    '        <clear />',
    '        <add value="index.html" />',
    '      </files>',
    '    </defaultDocument>',
    '    <directoryBrowse enabled="false" />',
    '    <!-- The compressed copies are already compressed: IIS must not compress them again. -->',
    '    <urlCompression doStaticCompression="false" doDynamicCompression="false" />',
    '    <staticContent>',
    ...mimeMaps,
    `      <clientCache cacheControlMode="NoControl" />`,
    '    </staticContent>',
    '    <httpErrors errorMode="Custom" existingResponse="Replace">',
    '      <remove statusCode="404" subStatusCode="-1" />',
    '      <error statusCode="404" path="/404.html" responseMode="ExecuteURL" />',
    '    </httpErrors>',
    '    <httpProtocol>',
    '      <customHeaders>',
    '        <remove name="X-Powered-By" />',
    ...headerList(
      [
        ...serving.SECURITY_HEADERS,
        ['Content-Security-Policy', rules.csp],
        ['Cache-Control', serving.CACHE_REVALIDATE],
      ],
      '        ',
    ),
    '      </customHeaders>',
    '    </httpProtocol>',
    '    <rewrite>',
    '      <rules>',
    ...rewrite,
    '      </rules>',
    '      <outboundRules>',
    ...outbound,
    '      </outboundRules>',
    '    </rewrite>',
    '  </system.webServer>',
    '</configuration>',
    '',
  ].join('\n');
}
