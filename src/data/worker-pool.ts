import { availableParallelism } from 'node:os';
import { basename, dirname } from 'node:path';
import { build } from 'esbuild';
import Piscina from 'piscina';

/** Work handed to worker threads, one per core; threads start on first use and end when idle. */
export interface WorkerPool<Request, Result> {
  run(request: Request): Promise<Result>;
  /** Starts a thread and loads the entry on it now, ready for the first `run` (which would otherwise wait for that). */
  start(): Promise<void>;
  /** Ends the worker threads (a later `run` starts them again). */
  close(): Promise<void>;
}

/**
 * A pool of worker threads running the default export of `entry` (a TypeScript file of the
 * project), bundled into `outfile` with the site modules it uses (packages stay imports, resolved
 * from the project's node_modules), so that threads start on plain JavaScript whatever loads the
 * TypeScript of the main one.
 */
export function workerPool<Request, Result>(entry: string, outfile: string): WorkerPool<Request, Result> {
  let pool: Promise<Piscina<Request, Result>> | undefined;
  const start = async () => {
    await build({
      stdin: {
        // The entry's default export, and `ready`: a task that ends once a thread has loaded the entry.
        contents: `export { default } from './${basename(entry)}';\nexport const ready = () => true;\n`,
        resolveDir: dirname(entry),
        sourcefile: 'worker-entry.ts',
        loader: 'ts',
      },
      outfile,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
    return new Piscina<Request, Result>({
      filename: outfile,
      maxThreads: availableParallelism(),
      // Idle threads end on their own but one: `npm run dev` works on one changed story at a time.
      minThreads: 1,
      idleTimeout: 5_000,
    });
  };
  return {
    async run(request) {
      pool ??= start();
      return (await pool).run(request);
    },
    async start() {
      pool ??= start();
      await (await pool).run(undefined as Request, { name: 'ready' });
    },
    async close() {
      const running = pool;
      pool = undefined;
      await (await running)?.destroy();
    },
  };
}
