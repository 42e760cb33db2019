/**
 * In a batch, the previous year's disclosure of each department: matched by the department and year
 * each YAML/JSON file states near its top (a sniff, not a parse: pairs are rare, files are many).
 * Imported documents (.docx, .xlsx) are not paired: name last year's with --previous.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const DEPT = /^\s*department\s*:\s*["']?([^"'\n#]+?)["']?\s*$|"department"\s*:\s*"([^"]+)"/m;
const YEAR = /^\s*year\s*:\s*["']?(\d{4})|"year"\s*:\s*"?(\d{4})/m;
const HEAD_BYTES = 8192;
let buffer: Buffer | undefined;

/**
 * A file's first 8 KiB. Synchronous, as the lint's reads are: one await after another (open, read, close,
 * each a round trip to the thread pool), 10,000 files took ~2.5 s before the lint began.
 */
function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = (buffer ??= Buffer.allocUnsafe(HEAD_BYTES));
    return buf.toString('utf8', 0, readSync(fd, buf, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** file → the file of the same department one year earlier, for the files that have one. */
export async function pairYears(files: readonly string[]): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  const info: [string, string, number][] = [];
  for (const f of files) {
    if (!/\.(ya?ml|json)$/i.test(f)) continue;
    const h = head(f);
    const d = DEPT.exec(h);
    const y = YEAR.exec(h);
    if (!d || !y) continue;
    const dept = (d[1] ?? d[2] ?? '').trim();
    const year = Number(y[1] ?? y[2]);
    info.push([f, dept, year]);
    byKey.set(`${dept}\u0000${year}`, f);
  }
  const out = new Map<string, string>();
  for (const [f, dept, year] of info) {
    const prev = byKey.get(`${dept}\u0000${year - 1}`);
    if (prev) out.set(f, prev);
  }
  return out;
}
