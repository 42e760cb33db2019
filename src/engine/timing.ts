/**
 * Where a run's time goes, rule by rule (ESLint's `TIMING=1`). Off unless the CLI turns it on, so that an
 * ordinary run pays a test or two per rule and document. Besides the rules, the stages of each file have
 * rows of their own (STAGES).
 *
 * Times are per thread, as ESLint's are per process: a run that starts timing is the only one timing in its
 * thread. A worker sends what it measured with each batch (takeTimes), and the main thread adds them up
 * (addTimes), so a `--jobs` run's table is the sum over its threads.
 */

/** The stages' rows, named in parentheses so that no rule id can be mistaken for one. */
export const STAGES = {
  /** YAML or JSON parsed without positions */
  parse: '(parse)',
  /** the model (zod), this year's and a paired previous year's */
  model: '(model)',
  /** a .docx/.xlsx/.pdf/.txt document read and its model extracted */
  extract: '(extract)',
  /** a paired previous year's file read and parsed (its model is under `model`) */
  previous: '(previous)',
  /** the findings reported placed in the source: the position-keeping parse */
  locate: '(locate)',
} as const;

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

/** Whether times are being kept. */
export function timing(): boolean {
  return ms !== undefined;
}

/** Now, when times are being kept; else 0, and addTime will do nothing. */
export function clock(): number {
  return ms ? performance.now() : 0;
}

/** Adds the time since t0 (from clock) to `id`, when times are being kept and were when t0 was read. */
export function addTime(id: string, t0: number): void {
  if (ms && t0 > 0) add(id, performance.now() - t0);
}

function add(id: string, t: number): void {
  ms!.set(id, (ms!.get(id) ?? 0) + t);
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

/** What was measured, and stops measuring: the end of the run that started. */
export function stopTiming(): Times | undefined {
  const taken = takeTimes();
  ms = undefined;
  return taken;
}

/** Adds another thread's times to this one's. */
export function addTimes(t: Times): void {
  if (!ms) return;
  for (const [id, x] of Object.entries(t.ms)) add(id, x);
  documents += t.documents;
}
