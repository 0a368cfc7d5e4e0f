import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess } from './servers';

/** An OpenSSH server started by a test on 127.0.0.1, that lets one key in as the current user. */
export interface RunningSshd {
  port: number;
  user: string;
  /** The private key that logs in. */
  identityFile: string;
  /** A known_hosts file that knows the server's key, for `ssh -o UserKnownHostsFile=…`. */
  knownHosts: string;
  /** A scratch folder for the test, removed at stop. */
  dir: string;
  stop: () => Promise<void>;
}

/**
 * Debian's sshd with its own configuration, host key and authorized key in a
 * temp folder, in the foreground (`-D`), listening on 127.0.0.1 only.
 */
export async function startSshd(): Promise<RunningSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'ban-tin-sshd-'));
  const port = await freePort();
  const hostKey = join(dir, 'host_ed25519');
  const identityFile = join(dir, 'client_ed25519');
  for (const key of [hostKey, identityFile]) {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ban-tin-test', '-f', key]);
  }
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${identityFile}.pub`));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${readFileSync(`${hostKey}.pub`, 'utf8')}`);
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  // sshd started as root checks for its privilege-separation folder.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const stop = await startProcess('sshd', '/usr/sbin/sshd', ['-D', '-e', '-f', config], port);
  return {
    port,
    user: userInfo().username,
    identityFile,
    knownHosts,
    dir,
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
