/**
 * In a batch, the previous year's disclosure of each department: matched by the department and year
 * each YAML/JSON file states near its top (a sniff, not a parse: pairs are rare, files are many).
 * Imported documents (.docx, .xlsx) are not paired: name last year's with --previous.
 */
import { open } from 'node:fs/promises';

const DEPT = /^\s*department\s*:\s*["']?([^"'\n#]+?)["']?\s*$|"department"\s*:\s*"([^"]+)"/m;
const YEAR = /^\s*year\s*:\s*["']?(\d{4})|"year"\s*:\s*"?(\d{4})/m;

async function head(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** file → the file of the same department one year earlier, for the files that have one. */
export async function pairYears(files: readonly string[]): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  const info: [string, string, number][] = [];
  for (const f of files) {
    if (!/\.(ya?ml|json)$/i.test(f)) continue;
    const h = await head(f);
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
