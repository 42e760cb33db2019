/**
 * Where a run's time goes, rule by rule (ESLint's `TIMING=1`). Off unless the CLI turns it on, so that an
 * ordinary run pays one test per rule and document. Besides the rules, three stages of each file:
 * `(parse)` (YAML/JSON without positions), `schema` (the model, zod) and `(locate)` (placing the findings
 * reported: the position-keeping parse).
 *
 * Times are per thread: a worker sends what it measured with each batch (takeTimes) and the main thread adds
 * them up (addTimes), so a `--jobs` run's table is the sum over its threads.
 */

/** Milliseconds by rule id or stage, and the documents linted, since the last take. */
export interface Times {
  ms: Record<string, number>;
  documents: number;
}

let ms: Map<string, number> | undefined;
let documents = 0;

export function startTiming(): void {
  ms ??= new Map();
}

/** Whether times are being kept: callers read the clock only then. */
export function timing(): boolean {
  return ms !== undefined;
}

/** Adds `t` milliseconds to `id`, when times are being kept. */
export function addTime(id: string, t: number): void {
  if (ms) ms.set(id, (ms.get(id) ?? 0) + t);
}

/** One more document whose rules ran. */
export function addDocument(): void {
  if (ms) documents++;
}

/** What was measured since the last take, and starts again from nothing; undefined when times are not kept. */
export function takeTimes(): Times | undefined {
  if (!ms) return undefined;
  const taken: Times = { ms: Object.fromEntries(ms), documents };
  ms.clear();
  documents = 0;
  return taken;
}

/** What was measured, and stops measuring (the end of a run: a library caller's next run is not timed unless asked). */
export function stopTiming(): Times | undefined {
  const taken = takeTimes();
  ms = undefined;
  return taken;
}

/** Adds another thread's times to this one's. */
export function addTimes(t: Times): void {
  if (!ms) return;
  for (const [id, x] of Object.entries(t.ms)) addTime(id, x);
  documents += t.documents;
}
