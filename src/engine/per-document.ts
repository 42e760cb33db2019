/**
 * Memos of what is worked out from one document's objects (its table views, its indicators' readings, its
 * figures…), shared by the rules that ask, and let go of when the document has been linted.
 *
 * Not WeakMaps keyed by those objects, though that is what they mean, and not one Map emptied with
 * clear(): a memo lives as long as the process, so V8 soon moves its table to the old generation, and a
 * table's replacement (after clear() or growth) is made in the generation of the table it replaces. Each
 * document's objects were then written into an old table whose slots, even once dead or cleared, keep
 * them alive through the young-generation collections until a full one, so V8 promoted every document's
 * parsed data, model and views to the old generation: ~400 MB for 1,000 generated documents, 5 full
 * collections (`node --trace-gc-nvp`). A new Map for each document is young, and dies young with what
 * it holds: 84 MB and 3 full collections, and ~10% less time.
 *
 * Every use is get-or-compute, so letting go early is always safe: a memo emptied while a library caller
 * lints documents concurrently only works a value out again. A memo never emptied (used outside lintData)
 * is bounded all the same.
 */

/** Entries one memo holds before it starts again: far more than a document needs (it has some thousands of objects). */
const LIMIT = 1 << 16;

const all: PerDocument<object, unknown>[] = [];

export class PerDocument<K extends object, V> {
  private map = new Map<K, V>();

  constructor() {
    all.push(this as unknown as PerDocument<object, unknown>);
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): this {
    if (this.map.size >= LIMIT) this.map = new Map();
    this.map.set(key, value);
    return this;
  }

  get size(): number {
    return this.map.size;
  }

  /** Let go of every entry: a new map, not map.clear() (see above). */
  clear(): void {
    if (this.map.size) this.map = new Map();
  }
}

/** The document is done: every memo lets go of it. */
export function documentDone(): void {
  for (let i = 0; i < all.length; i++) all[i]!.clear();
}

/** Entries held by all memos (0 between documents): for tests and diagnostics. */
export function heldByMemos(): number {
  let n = 0;
  for (let i = 0; i < all.length; i++) n += all[i]!.size;
  return n;
}
