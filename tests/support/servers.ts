import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverDirFor } from '../../src/lib/publishing/server-dir';

/** A web server started by a test over a built site, on 127.0.0.1. */
export interface RunningServer {
  name: string;
  url: string;
  stop: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Started processes, stopped when the test process ends even if a test forgot to. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts a server in the foreground and waits until it accepts connections;
 * fails with its output if it exits first.
 */
export async function startProcess(
  name: string,
  command: string,
  args: string[],
  port: number,
  stopSignal: NodeJS.Signals = 'SIGTERM',
): Promise<() => Promise<void>> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (let attempt = 0; !(await canConnect(port)); attempt += 1) {
    if (exitCode !== undefined || attempt > 200) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start (exit ${exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return async () => {
    if (exitCode === undefined) {
      child.kill(stopSignal);
      await exited;
    }
    running.delete(child);
  };
}

/** The generated nginx file with its `listen` and `root` lines pointed at a test port and folder. */
export function nginxSiteConfig(outDir: string, port: number): string {
  const generated = readFileSync(join(serverDirFor(outDir), 'nginx/ban-tin.conf'), 'utf8');
  let listened = false;
  return generated
    .split('\n')
    .flatMap((line) => {
      if (/^ {4}listen /.test(line)) {
        if (listened) return [];
        listened = true;
        return [`    listen 127.0.0.1:${port};`];
      }
      if (/^ {4}root /.test(line)) return [`    root "${outDir}";`];
      return [line];
    })
    .join('\n');
}

/** The user a root-started server's workers run as: they only read the site. */
const UNPRIVILEGED = process.getuid?.() === 0;

/** Debian's nginx over a built site, with the build's own configuration, in a temp folder. */
export async function startNginx(outDir: string): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ban-tin-nginx-'));
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  writeFileSync(join(dir, 'site.conf'), nginxSiteConfig(outDir, port));
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      UNPRIVILEGED ? 'user nobody nogroup;' : '',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    default_type application/octet-stream;',
      '    access_log off;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (temp) => `    ${temp === 'body' ? 'client_body' : temp}_temp_path ${dir}/${temp};`,
      ),
      `    include ${dir}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const stop = await startProcess(
    'nginx',
    '/usr/sbin/nginx',
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    port,
    'SIGQUIT',
  );
  return {
    name: 'nginx',
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const APACHE_MODULES = ['mpm_event', 'authz_core', 'dir', 'mime', 'rewrite', 'headers', 'filter', 'deflate'];

/**
 * Debian's Apache over a built site: the generated `.htaccess` included in the
 * site's `<Directory>` block (as a webmaster may do instead of copying it into
 * the folder), mod_deflate on as Debian has it, in a temp folder.
 */
export async function startApache(outDir: string): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ban-tin-apache-'));
  const modules = '/usr/lib/apache2/modules';
  writeFileSync(
    join(dir, 'httpd.conf'),
    [
      `ServerRoot ${dir}`,
      `PidFile ${dir}/httpd.pid`,
      `ErrorLog ${dir}/error.log`,
      'LogLevel warn',
      `Listen 127.0.0.1:${port}`,
      'ServerName 127.0.0.1',
      ...(UNPRIVILEGED ? ['User nobody', 'Group nogroup'] : []),
      ...APACHE_MODULES.map((name) => `LoadModule ${name}_module ${modules}/mod_${name}.so`),
      'TypesConfig /etc/mime.types',
      'AddOutputFilterByType DEFLATE text/html text/css text/javascript application/javascript application/json',
      `DocumentRoot "${outDir}"`,
      '<Directory />',
      '    AllowOverride None',
      '    Require all denied',
      '</Directory>',
      `<Directory "${outDir}">`,
      '    AllowOverride None',
      '    Require all granted',
      `    Include ${join(serverDirFor(outDir), 'apache/.htaccess')}`,
      '</Directory>',
      '',
    ].join('\n'),
  );
  const stop = await startProcess(
    'apache2',
    '/usr/sbin/apache2',
    ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'],
    port,
    'SIGTERM',
  );
  return {
    name: 'Apache',
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An HTTP answer as the server sent it: no redirect followed, the body not decompressed. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One GET request, the path sent exactly as given. */
export function get(base: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
