/**
 * `--cache`: a file whose bytes, run key (config and options) and budgetlint build are those of an earlier run
 * is not linted again; its earlier FileResult is given back.
 *
 * One JSON file at `location` (default .budgetlintcache in the working directory):
 *
 *   {"budgetlintCache": 1, "entries": {"<path relative to the cache file's directory, / separators>":
 *                                      {"hash": "<sha256>", "time": <ms>, "result": FileResult}}}
 *
 * - The hash is the sha256 of budgetlint's build (package.json version, and the time the running module was
 *   written, so a rebuilt budgetlint with changed rules but the same version does not serve old results), the
 *   run's key and the file's bytes. Nothing else is compared: no mtime, which a checkout or a copy changes.
 * - A FileResult is plain data (strings, finite numbers, booleans, arrays, plain objects: no Decimal, which
 *   rules turn into text before they report); a result that is not is not cached (checked, not assumed), so
 *   what is given back is what was linted.
 * - Read lazily, at the first get(); a cache file that cannot be read, is not JSON, is of another format version,
 *   or holds malformed entries is ignored (whatever entries are sound are used), never an error.
 * - Written atomically (a temporary file beside it, then rename), only when something changed. A corrupt cache
 *   is replaced. A file given as --cache-location under another name than .budgetlintcache that is not a
 *   budgetlint cache (it does not begin with the marker) may be the user's: it is never overwritten, and
 *   caching is off for it.
 * - Entries of files not linted in this run are kept (a directory linted in parts), but the file is bounded:
 *   entries not used for 30 days are dropped, and beyond 20 000 entries the least recently used.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileResult } from '../engine/finding.js';
import { MAX_FILE_BYTES } from '../engine/lint-file.js';
import { readPackageFile } from '../load/package-file.js';

export interface Cache {
  /** the cached result for the file as it is now, or undefined (then lint it, and set()) */
  get(file: string): Promise<FileResult | undefined>;
  /** record the result of linting the file as get() last read it */
  set(file: string, result: FileResult): void;
  /** write the cache file, when anything changed */
  save(): Promise<void>;
}

export const CACHE_FORMAT = 1;
export const CACHE_FILE_NAME = '.budgetlintcache';
/** entries not used for this long are dropped */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
export const MAX_ENTRIES = 20000;
/** a hit refreshes its entry's time (and so rewrites the file) only when the time is older than this */
const REFRESH_MS = 24 * 60 * 60 * 1000;
const MARKER = '{"budgetlintCache":';

interface Entry {
  hash: string;
  time: number;
  result: FileResult;
}

let build: string | undefined;

/** budgetlint's version, and when the running module was written (a build). */
function buildId(): string {
  if (build !== undefined) return build;
  let version = '';
  try {
    const v = (JSON.parse(readPackageFile('package.json')) as { version?: unknown }).version;
    if (typeof v === 'string') version = v;
  } catch {
    // no package.json found: the build time still tells builds apart
  }
  let written = '';
  try {
    written = String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    // not a file URL (bundled into something else): the version alone
  }
  return (build = `${version}\0${written}`);
}

/** Plain JSON data that survives JSON.stringify/parse unchanged (no class instances, no NaN, no undefined in arrays). */
export function isPlain(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isPlain(x, depth + 1));
  if (typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v as Record<string, unknown>).every((x) => x === undefined || isPlain(x, depth + 1));
}

function isEntry(v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<Entry>;
  const r = e.result as Partial<FileResult> | undefined;
  return (
    typeof e.hash === 'string' &&
    typeof e.time === 'number' &&
    Number.isFinite(e.time) &&
    typeof r === 'object' &&
    r !== null &&
    Array.isArray(r.findings) &&
    Array.isArray(r.suppressed) &&
    typeof r.errorCount === 'number' &&
    typeof r.warningCount === 'number' &&
    typeof r.infoCount === 'number' &&
    typeof r.fatalErrorCount === 'number'
  );
}

/** Where the cache file is: `location`, or a file named .budgetlintcache in it when it is a directory. */
function cacheFileAt(location: string): string {
  try {
    if (statSync(location).isDirectory()) return path.join(location, CACHE_FILE_NAME);
  } catch {
    // does not exist yet: a file
  }
  return location;
}

export async function openCache(location: string, key: string): Promise<Cache> {
  const file = cacheFileAt(location);
  const dir = path.dirname(file);
  const salt = createHash('sha256').update(buildId()).update('\0').update(key).digest();
  const entries = new Map<string, Entry>();
  /** the hash of each file as get() read it: set() stores the result under the bytes that were linted */
  const seen = new Map<string, string>();
  let loaded: Promise<void> | undefined;
  /** a file at `location` that is not ours: never written over */
  let foreign = false;
  let dirty = false;

  const rel = (f: string) => path.relative(dir, path.resolve(f)).split(path.sep).join('/');

  async function load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return; // none yet, or unreadable: start empty
    }
    if (text.trim() === '') return;
    if (!text.startsWith(MARKER)) {
      // a file of budgetlint's own name is a damaged cache, to be replaced; any other may be the user's
      if (path.basename(file) === CACHE_FILE_NAME) dirty = true;
      else foreign = true;
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      dirty = true; // ours but corrupt: replace it
      return;
    }
    const d = data as { budgetlintCache?: unknown; entries?: unknown };
    if (d.budgetlintCache !== CACHE_FORMAT || typeof d.entries !== 'object' || d.entries === null || Array.isArray(d.entries)) {
      dirty = true;
      return;
    }
    for (const [name, e] of Object.entries(d.entries as Record<string, unknown>)) {
      if (isEntry(e)) entries.set(name, e);
      else dirty = true;
    }
  }
  const ensureLoaded = () => (loaded ??= load());

  return {
    async get(f) {
      await ensureLoaded();
      const abs = path.resolve(f);
      let bytes: Buffer;
      try {
        // the linter reports a file too large without reading it: so does the cache
        if ((await stat(abs)).size > MAX_FILE_BYTES) return undefined;
        bytes = await readFile(abs);
      } catch {
        return undefined; // the linter will say what is wrong with it
      }
      const hash = createHash('sha256').update(salt).update(bytes).digest('hex');
      seen.set(abs, hash);
      const e = entries.get(rel(abs));
      if (!e || e.hash !== hash) return undefined;
      const now = Date.now();
      if (now - e.time > REFRESH_MS) {
        e.time = now;
        dirty = true;
      }
      return { ...e.result, filePath: abs };
    },
    set(f, result) {
      const abs = path.resolve(f);
      const hash = seen.get(abs);
      // not read by get() first: which bytes were linted is not known, so nothing is stored
      if (hash === undefined || !isPlain(result)) return;
      entries.set(rel(abs), { hash, time: Date.now(), result: { ...result, filePath: abs } });
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      await ensureLoaded();
      if (foreign) return;
      const now = Date.now();
      const kept = [...entries].filter(([, e]) => now - e.time <= MAX_AGE_MS && e.time <= now + MAX_AGE_MS);
      kept.sort((a, b) => b[1].time - a[1].time || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      kept.length = Math.min(kept.length, MAX_ENTRIES);
      kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const text = `${MARKER}${CACHE_FORMAT},"entries":${JSON.stringify(Object.fromEntries(kept))}}\n`;
      const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
      try {
        // a file that appeared at `location` since it was read, and is not ours, is left alone too
        if (path.basename(file) !== CACHE_FILE_NAME && !(await isOursOrAbsent(file))) return;
        await writeFile(tmp, text);
        await rename(tmp, file);
        dirty = false;
      } catch {
        // a cache that cannot be written costs time on the next run, nothing else
        await rm(tmp, { force: true }).catch(() => {});
      }
    },
  };
}

async function isOursOrAbsent(file: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    const buf = Buffer.alloc(MARKER.length);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8');
    return head === MARKER || head.trim() === '';
  } finally {
    await fh.close();
  }
}

