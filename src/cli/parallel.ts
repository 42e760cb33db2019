/**
 * `--jobs N`: linting a batch of files on N threads, this one and N-1 workers. Workers cannot be sent the
 * rules (functions), so each one rebuilds them from the run's settings (plain data, src/cli/worker.ts), then
 * lints the files it is sent in batches and returns plain FileResults. Outcomes are given on in the files'
 * order as they come, and let go: the report is written as they arrive (src/cli/run.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addTimes, type Times } from '../engine/timing.js';
import type { LintSettings, Outcome } from './run.js';

export interface Task {
  file: string;
  /** the previous year's file of the same department, when the run paired one */
  earlier?: string;
}

/** main → worker */
export type ToWorker = { batch: number; tasks: Task[] };
/** worker → main: a batch's outcomes, in its tasks' order (cut after the first failure); with TIMING, the times it took */
export type FromWorker = { batch: number; outcomes: Outcome[]; times?: Times };

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

/**
 * A worker's young generation (V8's default is 16–32 MiB): lint garbage dies young. The scavenges run on V8's
 * helper threads, which take a quarter of the CPU of a run (measured per thread in /proc): on two cores they
 * compete with the linting threads. 96 MiB (against 48) cut a 1,000-document run's CPU by 7% for ~30 MB more
 * memory; 128 saved nothing more.
 */
const YOUNG_MB = Number(process.env.BUDGETLINT_YOUNG_MB ?? 96);

/** Batches each worker holds at once: the next is already queued when one is done, so a thread never waits for the main one. */
const AHEAD = 2;

/**
 * Lints `tasks` on `jobs` threads taking batches from one queue: `jobs` - 1 workers, and this thread too when
 * `here` is given (it lints one task in this thread: the rules are already built here, so one thread fewer
 * starts, loads the bundle, rebuilds the rules and warms up its compiler). Each outcome is given to
 * `arrived` with its task's index, in the tasks' order, as soon as the batches before it are in; none after
 * the first failure. Nothing is kept once given: a batch come early waits only for the ones before it.
 */
export async function lintInWorkers(
  tasks: readonly Task[],
  settings: LintSettings,
  jobs: number,
  arrived: (k: number, o: Outcome) => void,
  here?: (t: Task) => Promise<Outcome>,
): Promise<void> {
  const entry = workerEntry();
  const size = batchSize(tasks.length, jobs);
  const batches = Math.ceil(tasks.length / size);
  const batchOf = (b: number): Task[] => tasks.slice(b * size, (b + 1) * size);
  /** batches back from the workers and not yet given on (some before them are still out) */
  const early = new Map<number, Outcome[]>();
  /** the next batch to give on */
  let due = 0;
  let stopped = false;
  const workers: Worker[] = [];
  let next = 0;
  /** the first batch that ended in a failure: no batch after it needs linting */
  let stopAt = Infinity;
  /** set when the run is over (done, or a worker failed): this thread's loop stops taking batches */
  let over = false;
  const take = (): number | undefined => (next < batches && next <= stopAt ? next++ : undefined);

  try {
    await new Promise<void>((resolve, reject) => {
      /** threads still linting (workers with batches in flight, and this one) */
      let running = 0;
      const finished = () => {
        if (--running === 0) resolve();
      };
      /** each worker's batches in flight, oldest first */
      const inFlight = new Map<Worker, number[]>();
      const send = (w: Worker): boolean => {
        const b = take();
        if (b === undefined) return false;
        const msg: ToWorker = { batch: b, tasks: batchOf(b) };
        inFlight.get(w)!.push(b);
        w.postMessage(msg);
        return true;
      };
      /** a batch's outcomes are in: give on every batch now complete from `due` */
      const done = (b: number, outcomes: Outcome[]) => {
        if (outcomes.some((o) => 'error' in o)) stopAt = Math.min(stopAt, b);
        early.set(b, outcomes);
        for (let d = early.get(due); d && !stopped; d = early.get(due)) {
          early.delete(due);
          for (const [i, o] of d.entries()) {
            arrived(due * size + i, o);
            if ('error' in o) stopped = true;
          }
          due++;
        }
      };
      const fail = (w: Worker, why: string) => {
        over = true;
        const b = inFlight.get(w)?.[0];
        const first = b !== undefined ? tasks[b * size]?.file : undefined;
        const where = first ? ` (linting ${path.relative(settings.cwd, first) || first}…)` : '';
        reject(new Error(`a worker thread stopped${where}: ${why}`));
      };
      const threads = here ? jobs - 1 : jobs;
      for (let i = 0; i < Math.min(threads, batches); i++) {
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
          if (m.times) addTimes(m.times);
          const mine = inFlight.get(w)!;
          mine.splice(mine.indexOf(m.batch), 1);
          try {
            done(m.batch, m.outcomes);
          } catch (e) {
            over = true;
            reject(e);
            return;
          }
          send(w);
          if (mine.length === 0) finished();
        });
        w.on('error', (e) => fail(w, e.message));
        w.on('exit', (code) => {
          if (inFlight.get(w)!.length) fail(w, `exit code ${code}`);
        });
      }
      // round by round, so that every worker has a batch before any has two
      for (let k = 0; k < AHEAD; k++) for (const w of workers) send(w);
      if (here) {
        running++;
        // this thread's share: a batch at a time from the same queue, between the workers' messages
        void (async () => {
          for (let b = take(); b !== undefined && !over; b = take()) {
            const outcomes: Outcome[] = [];
            for (const t of batchOf(b)) {
              const o = await here(t);
              outcomes.push(o);
              if ('error' in o) break;
            }
            if (!over) done(b, outcomes);
            // linting here resolves in microtasks only (files are read synchronously): without a turn of the
            // event loop the workers' messages would wait, and they would starve for batches, until the end
            await new Promise<void>((r) => setImmediate(r));
          }
        })().then(finished, (e: unknown) => {
          over = true;
          reject(e);
        });
      }
      if (running === 0) resolve();
    });
  } finally {
    over = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
