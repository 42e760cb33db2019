/**
 * The workbook-wide parts of an .xlsx: which sheets there are and where (xl/workbook.xml and its
 * relationships), the strings the cells share (xl/sharedStrings.xml), and how each cell style shows
 * numbers (xl/styles.xml).
 */
import { builtinFormat, parseNumberFormat, type NumberDisplay } from './xlsx-number.js';
import { attr, child, childrenNamed, childrenOf, ownText, pathIn, tagOf, type XNode } from './xml.js';
import type { OoxmlPackage } from './zip.js';

export interface SheetRef {
  name: string;
  /** the part, e.g. xl/worksheets/sheet1.xml; undefined for a chart sheet or a dialog/macro sheet */
  part?: string;
  hidden: boolean;
}

export async function sheetsOf(pkg: OoxmlPackage): Promise<SheetRef[]> {
  const wb = (await pkg.xml('xl/workbook.xml')) ?? [];
  const rels = new Map<string, { target: string; type: string }>();
  const relRoot = pathIn((await pkg.xml('xl/_rels/workbook.xml.rels')) ?? [], 'Relationships');
  for (const r of relRoot ? childrenNamed(relRoot, 'Relationship') : []) {
    const id = attr(r, 'Id');
    if (id !== undefined) rels.set(id, { target: attr(r, 'Target') ?? '', type: attr(r, 'Type') ?? '' });
  }
  const sheets = pathIn(wb, 'workbook', 'sheets');
  return (sheets ? childrenNamed(sheets, 'sheet') : []).map((s, i) => {
    const name = attr(s, 'name') ?? `Sheet${i + 1}`;
    const hidden = (attr(s, 'state') ?? 'visible') !== 'visible';
    const rel = rels.get(attr(s, 'id') ?? '');
    // without relationships, fall back on the names Excel gives: sheet1.xml, sheet2.xml… in order
    if (!rel) return { name, part: `xl/worksheets/sheet${i + 1}.xml`, hidden };
    if (!/\/worksheet$/.test(rel.type)) return { name, hidden };
    return { name, part: resolveTarget(rel.target), hidden };
  });
}

/** A relationship target relative to xl/, or absolute from the package root. */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export async function sharedStringsOf(pkg: OoxmlPackage): Promise<string[]> {
  const sst = pathIn((await pkg.xml('xl/sharedStrings.xml')) ?? [], 'sst');
  return sst ? childrenNamed(sst, 'si').map(richText) : [];
}

/** A string item (si, or a cell's is): plain t, or rich-text runs r/t concatenated; phonetic guides (rPh) left out. */
export function richText(n: XNode): string {
  let s = '';
  for (const c of childrenOf(n)) {
    const tag = tagOf(c);
    if (tag === 't') s += ownText(c);
    else if (tag === 'r') s += ownText(child(c, 't') ?? {});
  }
  return unescapeOoxml(s);
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
const unescapeOoxml = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** For each cell style index (a cell's s attribute), how it shows numbers. */
export async function numberDisplaysOf(pkg: OoxmlPackage): Promise<(NumberDisplay | undefined)[]> {
  const ss = pathIn((await pkg.xml('xl/styles.xml')) ?? [], 'styleSheet');
  if (!ss) return [];
  const codes = new Map<number, string>();
  for (const f of childrenNamed(child(ss, 'numFmts') ?? {}, 'numFmt')) {
    const id = Number(attr(f, 'numFmtId'));
    if (Number.isInteger(id)) codes.set(id, attr(f, 'formatCode') ?? '');
  }
  return childrenNamed(child(ss, 'cellXfs') ?? {}, 'xf').map((xf) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    const code = codes.get(id) ?? builtinFormat(id);
    return code === undefined ? undefined : parseNumberFormat(code);
  });
}
