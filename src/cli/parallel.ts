/**
 * `--jobs N`: linting a batch of files on worker threads. Workers cannot be sent the rules (functions),
 * so each one rebuilds them from the run's settings (plain data, src/cli/worker.ts), then lints the
 * files it is sent in batches and returns plain FileResults. Outcomes come back in the files' order.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintSettings, Outcome } from './run.js';

export interface Task {
  file: string;
  /** the previous year's file of the same department, when the run paired one */
  earlier?: string;
}

/** main → worker */
export type ToWorker = { batch: number; tasks: Task[] };
/** worker → main: a batch's outcomes, in its tasks' order (cut after the first failure) */
export type FromWorker = { batch: number; outcomes: Outcome[] };

/**
 * The worker's entry: dist/worker.js beside the bundle's entry (this module may be in dist/chunks/).
 * From source (jest, tsx) it is src/cli/worker.ts, which a thread can load only through tsx's loader:
 * a thread does not inherit the loader registered in the main thread, so a small shim registers it.
 */
export function workerEntry(): { code: string; eval: boolean } {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) {
    const target = pathToFileURL(path.join(dir, 'worker.ts')).href;
    const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const api = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
    return { code: `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(target)}); });`, eval: true };
  }
  const bundled = path.join(path.basename(dir) === 'chunks' ? path.dirname(dir) : dir, 'worker.js');
  if (!existsSync(bundled)) throw new Error(`the worker entry is missing: ${bundled}`);
  return { code: bundled, eval: false };
}

/**
 * How many files a worker is sent at a time: a file takes milliseconds, a message far less, so batches
 * stay small and the last ones do not leave a thread idle while another finishes a long batch.
 */
function batchSize(tasks: number, workers: number): number {
  return Math.max(1, Math.min(4, Math.floor(tasks / (workers * 16))));
}

/** A worker's young generation (V8's default is 16–32 MiB): lint garbage dies young, and scavenges were a tenth of the time. */
const YOUNG_MB = Number(process.env.BUDGETLINT_YOUNG_MB ?? 48);

/** Batches each worker holds at once: the next is already queued when one is done, so a thread never waits for the main one. */
const AHEAD = 2;

export async function lintInWorkers(tasks: readonly Task[], settings: LintSettings, jobs: number): Promise<Outcome[]> {
  const entry = workerEntry();
  const size = batchSize(tasks.length, jobs);
  const batches: Task[][] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
  const done: (Outcome[] | undefined)[] = new Array(batches.length);
  const workers: Worker[] = [];
  let next = 0;
  /** the first batch that ended in a failure: no batch after it needs linting */
  let stopAt = Infinity;

  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      /** each worker's batches in flight, oldest first */
      const inFlight = new Map<Worker, number[]>();
      const send = (w: Worker): boolean => {
        if (next >= batches.length || next > stopAt) return false;
        const msg: ToWorker = { batch: next, tasks: batches[next]! };
        inFlight.get(w)!.push(next++);
        w.postMessage(msg);
        return true;
      };
      const fail = (w: Worker, why: string) => {
        const b = inFlight.get(w)?.[0];
        const first = b !== undefined ? batches[b]![0]?.file : undefined;
        const where = first ? ` (linting ${path.relative(settings.cwd, first) || first}…)` : '';
        reject(new Error(`a worker thread stopped${where}: ${why}`));
      };
      for (let i = 0; i < Math.min(jobs, batches.length); i++) {
        const w = new Worker(entry.code, {
          workerData: settings,
          eval: entry.eval,
          // none of the process's flags: a thread refuses V8 and per-process ones (--max-old-space-size,
          // --input-type…), and the bundle needs none (V8's heap flags apply to the whole process anyway)
          execArgv: [],
          // a larger young generation: a file's model and findings are short-lived, fewer scavenges
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
        });
        workers.push(w);
        inFlight.set(w, []);
        running++;
        w.on('message', (m: FromWorker) => {
          done[m.batch] = m.outcomes;
          const mine = inFlight.get(w)!;
          mine.splice(mine.indexOf(m.batch), 1);
          if (m.outcomes.some((o) => 'error' in o)) stopAt = Math.min(stopAt, m.batch);
          send(w);
          if (mine.length === 0 && --running === 0) resolve();
        });
        w.on('error', (e) => fail(w, e.message));
        w.on('exit', (code) => {
          if (inFlight.get(w)!.length) fail(w, `exit code ${code}`);
        });
      }
      // round by round, so that every worker has a batch before any has two
      for (let k = 0; k < AHEAD; k++) for (const w of workers) send(w);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }

  const out: Outcome[] = [];
  for (const b of done) {
    if (!b) break;
    out.push(...b);
    if (b.length === 0 || 'error' in b[b.length - 1]!) break;
  }
  return out;
}
