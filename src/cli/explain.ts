/** `--explain`: every figure read from an imported document, beside the place it was read from. */
import { NumberText } from '../arith/decimal.js';
import type { Extraction } from '../extract/extract.js';
import { describeLoc } from '../read/blocks.js';
import { getAt, type Path } from '../engine/path.js';
import type { Lang } from '../format/types.js';

export function explain(file: string, x: Extraction, lang: Lang): string {
  const lines = [lang === 'zh' ? `${file}：读取的内容及其在原文中的位置` : `${file}: what was read, and where from`];
  const rows: [string, string, string][] = [];
  for (const [pointer, loc] of x.map.entries()) {
    if (pointer.startsWith('/$notes')) continue;
    const path: Path = pointer.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const v = getAt(x.data, path);
    const shown = v instanceof NumberText ? v.text : typeof v === 'string' ? (v.length > 30 ? v.slice(0, 30) + '…' : v) : Array.isArray(v) ? '' : '';
    rows.push([describeLoc(loc, lang), pointer, shown]);
  }
  const w = Math.max(8, ...rows.map((r) => r[0].length));
  for (const [where, pointer, v] of rows) lines.push(`  ${where.padEnd(w)}  ${pointer}${v ? `  ${v}` : ''}`);
  for (const n of x.notes) lines.push(`  ${n.loc ? describeLoc(n.loc, lang).padEnd(w) : ''.padEnd(w)}  ${n[lang]}`);
  return lines.join('\n') + '\n';
}
