/**
 * Deployment of a finished build over SSH with rsync. Layout on the server,
 * under the target's `path`:
 *
 *     releases/<name>/site/     the built site (what the web server serves)
 *     releases/<name>/server/   its nginx, Apache and IIS configurations
 *     current -> releases/<name>
 *
 * A release is uploaded into `.incoming-<name>/` (unchanged files hard-linked
 * to the current release), moved into `releases/` once complete, and `current`
 * is switched by renaming a new link over it: readers get the old site or the
 * new one, never a mix. `--rollback` points `current` at the release before it.
 */

/** One place the site is deployed to, as written in `deploy.config.json`. */
export interface DeployTarget {
  host: string;
  user?: string | undefined;
  port?: number | undefined;
  /** The deployment folder on the server (absolute, or relative to the user's home). */
  path: string;
  /** How many releases to keep, the current one included (at least 2, so that rollback works). */
  keep: number;
  identityFile?: string | undefined;
  /** More `ssh` options, e.g. `["-o", "UserKnownHostsFile=deploy/known_hosts"]`. */
  sshOptions: string[];
  /** Also copy the Apache `.htaccess` into the site folder. */
  htaccess: boolean;
  /** A command run on the server after the switch, e.g. `sudo systemctl reload nginx`. */
  reload?: string | undefined;
}

/** The folder a release keeps the site in, below `releases/<name>/`. */
export const SITE_FOLDER = 'site';
/** The folder a release keeps its server configurations in. */
export const SERVER_FOLDER = 'server';

const DEFAULT_KEEP = 5;

/** A problem in deploy.config.json, in Vietnamese, naming the field. */
export class DeployConfigError extends Error {}

function fail(message: string): never {
  throw new DeployConfigError(`deploy.config.json: ${message}`);
}

/** Reads one target of the parsed `deploy.config.json`, checking every field. */
export function readTarget(config: unknown, name: string): DeployTarget {
  const targets = (config as { targets?: unknown } | null)?.targets;
  if (targets === null || typeof targets !== 'object')
    fail('thiếu mục "targets" (cần { "targets": { "tên": { … } } })');
  const known = Object.keys(targets);
  const raw = (targets as Record<string, unknown>)[name];
  if (raw === null || typeof raw !== 'object') {
    fail(`không có đích "${name}" (các đích có: ${known.join(', ') || 'không có'})`);
  }
  const field = (key: string) => (raw as Record<string, unknown>)[key];
  const text = (key: string, required: boolean): string | undefined => {
    const value = field(key);
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') fail(`${name}.${key}: cần một chuỗi không rỗng`);
    return value;
  };
  const port = field('port');
  if (port !== undefined && (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535)) {
    fail(`${name}.port: cần một số cổng từ 1 đến 65535`);
  }
  const keep = field('keep') ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || (keep as number) < 2) fail(`${name}.keep: cần một số nguyên từ 2 trở lên`);
  const sshOptions = field('sshOptions') ?? [];
  if (!Array.isArray(sshOptions) || sshOptions.some((option) => typeof option !== 'string')) {
    fail(`${name}.sshOptions: cần một danh sách chuỗi`);
  }
  const htaccess = field('htaccess') ?? false;
  if (typeof htaccess !== 'boolean') fail(`${name}.htaccess: cần true hoặc false`);
  const path = text('path', true) as string;
  if (path === '/' || /(^|\/)\.\.?(\/|$)/.test(path))
    fail(`${name}.path: cần một thư mục riêng cho trang, không phải "${path}"`);
  return {
    host: text('host', true) as string,
    user: text('user', false),
    port: port as number | undefined,
    path: path.replace(/\/+$/, ''),
    keep: keep as number,
    identityFile: text('identityFile', false),
    sshOptions: sshOptions as string[],
    htaccess,
    reload: text('reload', false),
  };
}

/** A release's name: the UTC time of the deployment, sortable (`20261201T080000123Z`). */
export function releaseName(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/** A word for a POSIX shell, quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `user@host`, or `host`. */
export function destination(target: DeployTarget): string {
  return target.user ? `${target.user}@${target.host}` : target.host;
}

/** The `ssh` options of a target, before the destination. */
export function sshArgs(target: DeployTarget): string[] {
  return [
    '-o',
    'BatchMode=yes',
    ...(target.port === undefined ? [] : ['-p', String(target.port)]),
    ...(target.identityFile === undefined ? [] : ['-i', target.identityFile]),
    ...target.sshOptions,
  ];
}

const RELEASE = /^\d{8}T\d{9}Z$/;

/** The state of the server, as the survey script prints it. */
export interface ServerState {
  releases: string[];
  current?: string | undefined;
}

/**
 * A script that creates the layout (and the incoming folder of a new release,
 * if named) and prints `release NAME` lines and `current NAME`.
 */
export function surveyScript(path: string, incoming?: string): string {
  const base = shellQuote(path);
  return [
    'set -e',
    `mkdir -p ${base}/releases`,
    `cd ${base}`,
    ...(incoming === undefined ? [] : [`mkdir -p ${shellQuote(incoming)}`]),
    'for release in releases/*; do [ -d "$release" ] && echo "release ${release#releases/}"; done',
    'if [ -L current ]; then target=$(readlink current); echo "current ${target#releases/}"; fi',
    'true',
  ].join('\n');
}

/** Reads what `surveyScript` printed. */
export function parseSurvey(output: string): ServerState {
  const releases: string[] = [];
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const [kind, name] = line.trim().split(' ');
    if (kind === 'release' && name && RELEASE.test(name)) releases.push(name);
    if (kind === 'current' && name) current = name.replace(/\/+$/, '');
  }
  return { releases: releases.sort(), current };
}

/** The folder a release is uploaded into before it is complete. */
export function incomingFolder(name: string): string {
  return `.incoming-${name}`;
}

/** The releases to delete after `current` became `kept`: the oldest beyond `keep`, never the newest two. */
export function releasesToPrune(releases: readonly string[], current: string, keep: number): string[] {
  const sorted = [...releases].sort();
  const at = sorted.indexOf(current);
  const protectedNames = new Set([current, at > 0 ? sorted[at - 1] : undefined]);
  const excess = sorted.length - keep;
  return sorted.filter((name) => !protectedNames.has(name)).slice(0, Math.max(0, excess));
}

/**
 * A script that makes `name` the current release: the incoming folder (if any)
 * moved into `releases/`, a new link renamed over `current` (one atomic
 * `rename`), old releases deleted, then the reload command.
 */
export function switchScript(
  path: string,
  name: string,
  { fromIncoming, prune, reload }: { fromIncoming: boolean; prune: readonly string[]; reload?: string | undefined },
): string {
  const base = shellQuote(path);
  return [
    'set -e',
    `cd ${base}`,
    ...(fromIncoming ? [`mv ${shellQuote(incomingFolder(name))} releases/${name}`] : []),
    `test -d releases/${name}/${SITE_FOLDER}`,
    `ln -sfn releases/${name} current.next`,
    'mv -T current.next current',
    ...prune.map((old) => `rm -rf releases/${old}`),
    ...(reload === undefined ? [] : [reload]),
  ].join('\n');
}

/** The release `--rollback` returns to: the newest one older than the current one. */
export function rollbackTarget(state: ServerState): string | undefined {
  if (state.current === undefined) return undefined;
  return state.releases.filter((name) => name < (state.current as string)).at(-1);
}
