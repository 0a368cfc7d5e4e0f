import { t } from '../i18n/vi';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  filesBelow,
  leftovers,
  outputFolders,
  serverBundleFiles,
  swapIn,
  type OutputFolders,
} from '../lib/publishing/output-swap';

/**
 * `npm run build`: runs `astro build` into a fresh folder beside the output
 * folder and publishes it only once the whole build has succeeded. A failed or
 * interrupted build leaves the previous site exactly as it was.
 *
 * usage: npm run build [-- --outDir DIR] [other astro build options]
 */

const ASTRO = fileURLToPath(new URL('../../node_modules/astro/astro.js', import.meta.url));
/** The signals that stop a build, with their numbers (the exit status is 128 + the number, as a shell gives). */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof SIGNALS;
/** On Windows a child cannot lead a process group; elsewhere the build and its helpers (Pagefind) form one. */
const GROUPS = process.platform !== 'win32';

/** A reason to stop, printed without a stack trace. */
class BuildStop extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The output folder (`--outDir X` or `--outDir=X`, default `dist`) and every other argument, for Astro. */
function parseArgs(args: readonly string[]): { outDir: string; passed: string[] } {
  let outDir = 'dist';
  const passed: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--outDir') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new BuildStop('--outDir: give a folder', 2);
      outDir = value;
      i += 1;
    } else if (arg.startsWith('--outDir=')) {
      outDir = arg.slice('--outDir='.length);
    } else {
      passed.push(arg);
    }
  }
  if (outDir.trim() === '') throw new BuildStop('--outDir: give a folder', 2);
  const inside = relative(process.cwd(), resolve(outDir));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    // Astro 5 puts its server bundle for an output folder outside the project in
    // `.astro/`, then copies that whole folder into the site (getOutDirWithinCwd).
    throw new BuildStop(
      `--outDir: "${outDir}" must be a folder inside the project (build there, then copy the folder)`,
      2,
    );
  }
  return { outDir: resolve(outDir), passed };
}

/** Deletes folders in a detached process, so that nobody waits for it. */
function removeInBackground(folders: string[]): void {
  if (folders.length === 0) return;
  const remover = spawn(
    process.execPath,
    [
      '-e',
      'for (const dir of process.argv.slice(1)) require("fs").rmSync(dir, { recursive: true, force: true, maxRetries: 3 })',
      ...folders,
    ],
    { detached: true, stdio: 'ignore', windowsHide: true },
  );
  remover.on('error', () => undefined);
  remover.unref();
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Sends a signal to the build and, where there is one, its process group; a build already gone is fine. */
function signalBuild(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (GROUPS && child.pid !== undefined) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already exited.
  }
}

/**
 * Waits until no process of the build's group is left (Pagefind's indexer can
 * outlive Astro by a moment), so that none still writes into the staging
 * folder; one still there after 10 s is killed, and after 15 s it is left.
 */
async function groupGone(child: ChildProcess): Promise<void> {
  if (!GROUPS || child.pid === undefined) return;
  for (let waited = 0; waited < 15_000 && isRunning(-child.pid); waited += 50) {
    if (waited >= 10_000) signalBuild(child, 'SIGKILL');
    await sleep(50);
  }
}

/** Runs `astro build --outDir <staging>`; resolves with its exit status, or the signal that stopped it. */
function runAstro(
  passed: string[],
  staging: string,
  onSignal: (listener: (signal: NodeJS.Signals) => void) => void,
): Promise<{ child: ChildProcess; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ASTRO, 'build', ...passed, '--outDir', staging], {
      // In a process group of its own the build must not read the terminal (it would be stopped).
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: GROUPS,
    });
    onSignal((signal) => signalBuild(child, signal));
    child.on('error', (error) => fail(new BuildStop(t('build.cannotStart', { reason: error.message }), 1)));
    child.on('exit', (code, signal) => done({ child, code, signal }));
  });
}

/** Removes the staging folders, unless a failed swap could not give the site's `.git` back. */
function removeStaging(folders: OutputFolders): void {
  if (existsSync(join(folders.staging, '.git'))) {
    throw new BuildStop(`${folders.staging} holds the site's .git folder: move it back into place by hand`, 1);
  }
  for (const dir of [folders.staging, folders.stagingServer]) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

async function main(): Promise<number> {
  const { outDir, passed } = parseArgs(process.argv.slice(2));
  const folders = outputFolders(outDir, process.pid);
  const outLabel = relative(process.cwd(), outDir) || '.';

  let interrupted: StopSignal | undefined;
  let forward: ((signal: NodeJS.Signals) => void) | undefined;
  for (const signal of Object.keys(SIGNALS) as StopSignal[]) {
    process.on(signal, () => {
      interrupted ??= signal;
      forward?.(signal);
    });
  }

  // What an interrupted or killed build left beside the output folder.
  removeInBackground(leftovers(outDir, isRunning));
  removeStaging(folders);

  const run = await runAstro(passed, folders.staging, (listener) => {
    forward = listener;
    if (interrupted) listener(interrupted);
  });
  await groupGone(run.child);
  forward = undefined;

  const kept = existsSync(outDir) ? t('build.kept', { dir: outLabel }) : t('build.noneWritten', { dir: outLabel });
  try {
    if (interrupted) {
      throw new BuildStop(t('build.interrupted', { signal: interrupted, kept }), 128 + SIGNALS[interrupted]);
    }
    if (run.code !== 0) {
      const how = run.signal
        ? t('build.stoppedBy', { signal: run.signal })
        : t('build.exitStatus', { code: String(run.code) });
      throw new BuildStop(t('build.failedRun', { how, kept }), run.code || 1);
    }
    const leaked = serverBundleFiles(filesBelow(folders.staging));
    if (leaked.length > 0) {
      const list = leaked.slice(0, 10).map((file) => `  ${file}`);
      if (leaked.length > 10) list.push(`  … ${t('build.more', { count: leaked.length - 10 })}`);
      throw new BuildStop(`${t('build.leaked', { kept })}\n${list.join('\n')}`, 1);
    }
    try {
      swapIn(folders);
    } catch (error) {
      throw new BuildStop(t('build.swapFailed', { reason: (error as Error).message, kept }), 1);
    }
  } catch (error) {
    removeStaging(folders);
    throw error;
  }
  removeInBackground([folders.old, folders.oldServer].filter((dir) => existsSync(dir)));
  console.log(t('build.published', { dir: outLabel }));
  return 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof BuildStop) {
      console.error(error.message);
      process.exitCode = error.status;
    } else {
      console.error(t('build.crashed', { reason: String((error as Error).message ?? error) }));
      process.exitCode = 1;
    }
  },
);
