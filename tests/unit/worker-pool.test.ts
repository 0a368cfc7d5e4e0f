import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPool, type WorkerPool } from '../../src/data/worker-pool';
import { tmpRoot } from '../support/build';

// A worker module that notes each thread that loads it, as the body renderer loads the Markdown pipeline.
const dir = join(tmpRoot, 'unit-worker-pool');
const loads = join(dir, 'loads.txt');
const entry = join(dir, 'worker.ts');

const loadedThreads = () => (existsSync(loads) ? readFileSync(loads, 'utf8').trim().split('\n') : []);

describe('worker pool', () => {
  let pool: WorkerPool<number, { threadId: number; doubled: number }>;

  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      entry,
      [
        "import { appendFileSync } from 'node:fs';",
        "import { threadId } from 'node:worker_threads';",
        `appendFileSync(${JSON.stringify(loads)}, \`\${threadId}\\n\`);`,
        'export default (n: number): { threadId: number; doubled: number } => ({ threadId, doubled: n * 2 });',
      ].join('\n'),
    );
    pool = workerPool(entry, join(dir, 'worker.mjs'));
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a thread with its module loaded once started, before any work is given', async () => {
    expect(loadedThreads()).toEqual([]);
    await pool.start();
    expect(loadedThreads()).toHaveLength(1);
  });

  it('does the work on the thread it started, and keeps that one thread after it has been idle', async () => {
    const [started] = loadedThreads();
    const first = await pool.run(21);
    expect(first).toEqual({ threadId: Number(started), doubled: 42 });
    // Longer than an idle thread is kept beyond the first (5 s).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const later = await pool.run(4);
    expect(later).toEqual({ threadId: Number(started), doubled: 8 });
    expect(loadedThreads()).toEqual([started]);
  }, 20_000);
});
