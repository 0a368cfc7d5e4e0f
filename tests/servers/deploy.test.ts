import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDirFor } from '../../src/lib/publishing/server-dir';
import { projectRoot, tmpRoot } from '../support/build';
import { serverSiteName } from '../support/server-site';
import { siteFiles } from '../support/site-files';
import { startSshd, type RunningSshd } from '../support/sshd';

const built = join(tmpRoot, serverSiteName);
let sshd: RunningSshd;
let www = '';
let config = '';

/** What a finished deploy command printed and returned. */
interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

/** Runs `src/cli/deploy.ts` as `npm run deploy` does (tsx), without blocking the test runner. */
async function runDeploy(args: string[]): Promise<CliResult> {
  const { NODE_ENV: _testMode, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/deploy.ts', ...args],
    {
      cwd: projectRoot,
      env: { ...inherited, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { status, stdout, stderr, lines };
}

/** `npm run deploy -- thu-nghiem …` against the test's SSH server. */
async function deploy(...args: string[]): Promise<CliResult> {
  const result = await runDeploy(['thu-nghiem', '--config', config, ...args]);
  console.info(`$ npm run deploy -- thu-nghiem ${args.join(' ')}\n${result.lines.join('\n')}`);
  return result;
}

const current = () => readlinkSync(join(www, 'current'));
const releases = () => readdirSync(join(www, 'releases')).sort();

/** A copy of the build with one page changed, standing for the next build. */
function nextBuild(name: string, text: string): string {
  const dir = join(tmpRoot, name);
  rmSync(dir, { recursive: true, force: true });
  rmSync(serverDirFor(dir), { recursive: true, force: true });
  cpSync(built, dir, { recursive: true });
  cpSync(serverDirFor(built), serverDirFor(dir), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    readFileSync(join(dir, 'index.html'), 'utf8').replace('</body>', `${text}</body>`),
  );
  return dir;
}

beforeAll(async () => {
  sshd = await startSshd();
  www = join(sshd.dir, 'www', 'ban-tin');
  config = join(sshd.dir, 'deploy.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      targets: {
        'thu-nghiem': {
          host: '127.0.0.1',
          user: sshd.user,
          port: sshd.port,
          path: www,
          keep: 3,
          identityFile: sshd.identityFile,
          sshOptions: ['-o', `UserKnownHostsFile=${sshd.knownHosts}`, '-o', 'StrictHostKeyChecking=yes'],
          htaccess: true,
          reload: `date +%s%N >> ${www}/reloaded`,
        },
      },
    }),
  );
});

afterAll(async () => {
  await sshd?.stop();
});

describe('npm run deploy', () => {
  let first = '';

  it('uploads the build into a new release and points current at it', async () => {
    const result = await deploy('--dir', built);
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(releases()).toHaveLength(1);
    first = releases()[0] as string;
    expect(lstatSync(join(www, 'current')).isSymbolicLink()).toBe(true);
    expect(current()).toBe(`releases/${first}`);
    const site = join(www, 'current/site');
    const uploaded = siteFiles(site).filter((file) => file !== '.htaccess');
    expect(uploaded).toEqual(siteFiles(built));
    for (const file of uploaded)
      expect(readFileSync(join(site, file)).equals(readFileSync(join(built, file))), file).toBe(true);
    expect(readFileSync(join(site, '.htaccess'), 'utf8')).toBe(
      readFileSync(join(serverDirFor(built), 'apache/.htaccess'), 'utf8'),
    );
    expect(existsSync(join(www, 'current/server/nginx/ban-tin.conf'))).toBe(true);
    expect(readdirSync(www).filter((name) => name.startsWith('.incoming') || name === 'current.next')).toEqual([]);
    expect(readFileSync(join(www, 'reloaded'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('switches to the next build, hard-linking the files that did not change', async () => {
    const next = nextBuild('deploy-next', '<!-- lần 2 -->');
    const result = await deploy('--dir', next);
    expect(result.status, result.lines.join('\n')).toBe(0);
    const [, second] = releases();
    expect(current()).toBe(`releases/${second}`);
    expect(readFileSync(join(www, 'current/site/index.html'), 'utf8')).toContain('<!-- lần 2 -->');
    expect(readFileSync(join(www, `releases/${first}/site/index.html`), 'utf8')).not.toContain('<!-- lần 2 -->');
    const unchanged = 'rss.xml';
    expect(statSync(join(www, `releases/${first}/site`, unchanged)).ino).toBe(
      statSync(join(www, 'current/site', unchanged)).ino,
    );
    expect(result.stdout).toContain(`bản trước: ${first}`);
  });

  it('--rollback points current back at the previous release', async () => {
    const result = await deploy('--rollback');
    expect(result.status, result.lines.join('\n')).toBe(0);
    expect(current()).toBe(`releases/${first}`);
    expect(readFileSync(join(www, 'current/site/index.html'), 'utf8')).not.toContain('<!-- lần 2 -->');
    expect(result.stdout).toContain(`Đã quay lại bản ${first}`);
  });

  it('refuses a rollback when no release is older than the current one, changing nothing', async () => {
    const result = await deploy('--rollback');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('không có bản nào trước bản đang chạy');
    expect(current()).toBe(`releases/${first}`);
  });

  it('keeps only the newest releases, as many as `keep` says', async () => {
    for (const n of [3, 4]) {
      const result = await deploy('--dir', nextBuild(`deploy-next-${n}`, `<!-- lần ${n} -->`));
      expect(result.status, result.lines.join('\n')).toBe(0);
    }
    expect(releases()).toHaveLength(3);
    expect(releases()).not.toContain(first);
    expect(current()).toBe(`releases/${releases().at(-1)}`);
    expect(readFileSync(join(www, 'current/site/index.html'), 'utf8')).toContain('<!-- lần 4 -->');
  });

  it('refuses to deploy a folder that holds no build, changing nothing', async () => {
    const before = current();
    const result = await deploy('--dir', join(tmpRoot, 'khong-co-ban-dung'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('không có bản dựng');
    expect(current()).toBe(before);
  });

  it('names an unknown target and the known ones', async () => {
    const result = await runDeploy(['khong-co', '--config', config]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('không có đích "khong-co" (các đích có: thu-nghiem)');
  });
});
