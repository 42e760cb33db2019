/**
 * A `--jobs` worker thread: rebuilds the run's rules from its settings (the same setup code as the main
 * thread), then lints each batch of files it is sent and posts back plain outcomes (src/cli/parallel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './parallel.js';
import { startTiming, takeTimes } from '../engine/timing.js';
import { lintOptionsFor, loadSetup, outcomeOf, resolveSetupRules, toOutcome, type FileContext, type LintSettings, type Outcome } from './run.js';

const settings = workerData as LintSettings;
if (settings.timing) startTiming();

async function context(): Promise<FileContext> {
  const setup = await loadSetup(settings);
  const resolved = resolveSetupRules(settings, setup);
  const lintOpts = await lintOptionsFor(settings, setup);
  return { cwd: settings.cwd, resolved, catalogue: setup.catalogue, lintOpts };
}

const ready = context();
// batches are linted one after another, in the order they came
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (m: ToWorker) => {
  queue = queue.then(async () => {
    const outcomes: Outcome[] = [];
    let ctx: FileContext | undefined;
    try {
      ctx = await ready;
    } catch (e) {
      outcomes.push(toOutcome(e));
    }
    if (ctx) {
      for (const t of m.tasks) {
        const o = await outcomeOf(t, ctx);
        outcomes.push(o);
        if ('error' in o) break;
      }
    }
    const times = takeTimes();
    const reply: FromWorker = { batch: m.batch, outcomes, ...(times ? { times } : {}) };
    parentPort!.postMessage(reply);
  });
});
