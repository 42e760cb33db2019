/**
 * In a batch, the previous year's disclosure of each department: matched by the department and year
 * each YAML/JSON file states near its top (a sniff, not a parse: pairs are rare, files are many).
 * Imported documents (.docx, .xlsx) are not paired: name last year's with --previous.
 */
import { readHead } from './files.js';

const DEPT = /^\s*department\s*:\s*["']?([^"'\n#]+?)["']?\s*$|"department"\s*:\s*"([^"]+)"/m;
const YEAR = /^\s*year\s*:\s*["']?(\d{4})|"year"\s*:\s*"?(\d{4})/m;
const HEAD_BYTES = 8192;

/** file → the file of the same department one year earlier, for the files that have one. */
export async function pairYears(files: readonly string[]): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  const info: [string, string, number][] = [];
  for (const f of files) {
    if (!/\.(ya?ml|json)$/i.test(f)) continue;
    let h: string;
    try {
      h = readHead(f, HEAD_BYTES).toString('utf8');
    } catch {
      continue; // not paired: its own lint refuses it by name
    }
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
