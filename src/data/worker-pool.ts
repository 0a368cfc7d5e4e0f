import { availableParallelism } from 'node:os';
import { build } from 'esbuild';
import Piscina from 'piscina';

/** Work handed to worker threads, one per core; threads start on first use and end when idle. */
export interface WorkerPool<Request, Result> {
  run(request: Request): Promise<Result>;
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
      entryPoints: [entry],
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
      // Idle threads end on their own: `npm run dev` works on one changed story at a time.
      idleTimeout: 5_000,
    });
  };
  return {
    async run(request) {
      pool ??= start();
      return (await pool).run(request);
    },
    async close() {
      const running = pool;
      pool = undefined;
      await (await running)?.destroy();
    },
  };
}
