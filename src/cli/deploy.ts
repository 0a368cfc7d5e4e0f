import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DeployConfigError,
  SERVER_FOLDER,
  SITE_FOLDER,
  destination,
  incomingFolder,
  parseSurvey,
  readTarget,
  releaseName,
  releasesToPrune,
  rollbackTarget,
  shellQuote,
  sshArgs,
  surveyScript,
  switchScript,
  type DeployTarget,
} from '../lib/publishing/deploy';
import { serverDirFor } from '../lib/publishing/server-dir';
import { readArguments, runCli, UsageError } from './run';

const USAGE =
  'usage: npm run deploy -- TARGET [--rollback] [--config deploy.config.json] [--dir dist]\n' +
  '       (TARGET: a name under "targets" in deploy.config.json)';

/** Runs a command, its output shown; stops the deployment with the command's error if it fails. */
function run(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw new Error(`${what}: không chạy được ${command} (${result.error.message})`);
  if (result.status !== 0) {
    throw new Error(`${what}: ${command} dừng với mã ${result.status}\n${result.stderr.trim()}`);
  }
  if (result.stderr.trim() !== '') process.stderr.write(result.stderr);
  return result.stdout;
}

function remote(target: DeployTarget, script: string, what: string): string {
  return run('ssh', [...sshArgs(target), destination(target), script], what);
}

/** rsync's `-e`: the ssh command with the target's options, each word quoted for rsync's own splitting. */
function rsyncShell(target: DeployTarget): string {
  return ['ssh', ...sshArgs(target)].map(shellQuote).join(' ');
}

function upload(target: DeployTarget, from: string, to: string, linkDest: string | undefined, what: string): void {
  run(
    'rsync',
    [
      '--recursive',
      '--links',
      // Files are compared by content, not time (every build writes every file again), and take the
      // upload's time: unchanged files are hard-linked to the running release and keep its time.
      '--checksum',
      '--compress',
      '--delete',
      '--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r',
      ...(linkDest === undefined ? [] : [`--link-dest=${linkDest}`]),
      '-e',
      rsyncShell(target),
      `${from.replace(/[\\/]+$/, '')}/`,
      `${destination(target)}:${shellQuote(to)}/`,
    ],
    what,
  );
}

function deploy(name: string, target: DeployTarget, outDir: string): void {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new UsageError(`${outDir}: không có bản dựng (index.html) để đưa lên — chạy npm run build trước`);
  }
  const serverDir = serverDirFor(outDir);
  const release = releaseName(new Date());
  const state = parseSurvey(remote(target, surveyScript(target.path, incomingFolder(release)), 'chuẩn bị máy chủ'));
  const incoming = `${target.path}/${incomingFolder(release)}`;
  console.log(`Đưa ${outDir} lên ${destination(target)}:${target.path}/releases/${release} (đích ${name})`);
  // Unchanged files become hard links to the current release: only what changed travels.
  const previous = state.current === undefined ? undefined : `../../releases/${state.current}`;
  upload(target, outDir, `${incoming}/${SITE_FOLDER}`, previous && `${previous}/${SITE_FOLDER}`, 'tải trang lên');
  if (existsSync(serverDir)) {
    upload(target, serverDir, `${incoming}/${SERVER_FOLDER}`, undefined, 'tải cấu hình máy chủ lên');
    if (target.htaccess) {
      run(
        'rsync',
        [
          '--times',
          '--chmod=Fu=rw,Fgo=r',
          '-e',
          rsyncShell(target),
          join(serverDir, 'apache/.htaccess'),
          `${destination(target)}:${shellQuote(`${incoming}/${SITE_FOLDER}/.htaccess`)}`,
        ],
        'tải .htaccess lên',
      );
    }
  }
  const prune = releasesToPrune([...state.releases, release], release, target.keep);
  remote(
    target,
    switchScript(target.path, release, { fromIncoming: true, prune, reload: target.reload }),
    'chuyển sang bản mới',
  );
  console.log(
    `Bản đang chạy: ${release}${state.current ? ` (bản trước: ${state.current}, quay lại bằng --rollback)` : ''}`,
  );
  if (prune.length > 0) console.log(`Đã xoá bản cũ: ${prune.join(', ')}`);
}

function rollback(target: DeployTarget): void {
  const state = parseSurvey(remote(target, surveyScript(target.path), 'đọc máy chủ'));
  const back = rollbackTarget(state);
  if (back === undefined) {
    throw new UsageError(
      `${target.path}: không có bản nào trước bản đang chạy (${state.current ?? 'chưa có'}) để quay lại`,
    );
  }
  remote(
    target,
    switchScript(target.path, back, { fromIncoming: false, prune: [], reload: target.reload }),
    'quay lại bản trước',
  );
  console.log(`Đã quay lại bản ${back} (thay cho ${state.current})`);
}

function main(): number {
  const { values, positionals } = readArguments({
    rollback: { type: 'boolean', default: false },
    config: { type: 'string', default: 'deploy.config.json' },
    dir: { type: 'string', default: 'dist' },
  });
  if (positionals.length !== 1) throw new UsageError('cần đúng một đích (TARGET)');
  const name = positionals[0] as string;
  const configFile = resolve(values.config);
  if (!existsSync(configFile)) throw new UsageError(`${values.config}: không tìm thấy tệp cấu hình`);
  let target: DeployTarget;
  try {
    target = readTarget(JSON.parse(readFileSync(configFile, 'utf8')), name);
  } catch (error) {
    if (error instanceof DeployConfigError || error instanceof SyntaxError) throw new UsageError(error.message);
    throw error;
  }
  if (values.rollback) rollback(target);
  else deploy(name, target, resolve(values.dir));
  return 0;
}

runCli(USAGE, main);
