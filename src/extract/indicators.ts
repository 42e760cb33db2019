/**
 * Performance-target tables (绩效目标表) → the model's department and project tables. A table is one
 * when a header row names 一级指标, 二级指标 and 三级指标; its title is the heading before it
 * ("4、全县扫黑除恶专项斗争工作经费绩效目标表"), its goal the 绩效目标 row above the header. Merged
 * cells (blank in a text rendering) are carried down from the row above.
 */
import type { TableBlock, TableCell } from '../read/blocks.js';
import type { Note } from './extract.js';
import type { SourceMap } from './source-map.js';
import type { Path } from '../engine/path.js';
import { amountOf, clean, headerRow, rowTexts } from './cells.js';

export const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标'];

export interface IndicatorTable {
  title?: string;
  name: string;
  goal?: string;
  funds?: unknown;
  indicators: Record<string, string>[];
}

const COLUMNS: [key: string, label: RegExp][] = [
  ['level1', /^一级指标/],
  ['level2', /^二级指标/],
  ['name', /^三级指标/],
  ['description', /^(绩效)?指标描述|^指标内容/],
  ['value', /^指标值$|^目标值|^指标值（|^指标值\(/],
  ['basis', /确定依据|^依据/],
];

export function isIndicatorTable(t: TableBlock): boolean {
  return headerRow(t, INDICATOR_HEADER) >= 0;
}

/** Reads the table; `base` is where it goes in the model (for the source map). */
export function readIndicatorTable(t: TableBlock, heading: { text: string } | undefined, base: Path, map: SourceMap, notes: Note[] = []): IndicatorTable {
  const h = headerRow(t, INDICATOR_HEADER);
  const header = rowTexts(t.rows[h]!).map((x) => x.replace(/\s+/g, ''));
  const col: Record<string, number> = {};
  header.forEach((label, j) => {
    for (const [key, re] of COLUMNS) if (col[key] === undefined && re.test(label)) col[key] = j;
  });
  // a 指标值 spanning 符号 | 值 | 单位 sub-columns: the row below the header names them
  let first = h + 1;
  const sub = t.rows[h + 1] ? rowTexts(t.rows[h + 1]!) : [];
  const subIdx = (re: RegExp) => sub.findIndex((x) => re.test(x));
  if (sub.some((x) => x === '符号') && sub.some((x) => x === '值')) {
    // the 指标值 heading spans its sub-columns: headings right of it move right by the extra width
    const valueAt = col.value ?? header.length;
    const extra = Math.max(0, sub.length - header.length);
    for (const key of Object.keys(col)) if (col[key]! > valueAt) col[key] = col[key]! + extra;
    const op = subIdx(/^符号$/);
    const val = subIdx(/^值$/);
    const unit = sub.findIndex((x, j) => j > val && /^(单位|符号)$/.test(x));
    if (op >= 0) col.operator = op;
    if (val >= 0) col.value = val;
    if (unit >= 0) col.unit = unit;
    first = h + 2;
  }
  let goal: string | undefined;
  for (let r = 0; r < h; r++) {
    const texts = rowTexts(t.rows[r]!);
    const g = texts.findIndex((x) => /^绩效目标$|^年度绩效目标$|^总体目标$/.test(x.replace(/\s+/g, '')));
    if (g >= 0) {
      goal = texts.slice(g + 1).filter(Boolean).join('\n');
      map.set([...base, 'goal'], t.rows[r]![g + 1]?.loc);
    }
  }
  const indicators: Record<string, string>[] = [];
  let carry: Record<string, string> = {};
  const rows = rejoinSplitRows(t.rows.slice(first), notes);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cell = (key: string) => (col[key] === undefined ? '' : clean(row[col[key]!]?.text));
    const ind: Record<string, string> = {};
    for (const key of ['level1', 'level2', 'name', 'description', 'operator', 'value', 'unit', 'basis']) {
      const v = cell(key);
      if (v) ind[key] = v;
    }
    if (!ind.name && !ind.value && !ind.description) continue;
    // a word value written in the unit column (符号: 文字描述 | 值: blank | 单位: 显著) is the value
    if (!ind.value && ind.unit && !/\d/.test(ind.unit) && col.unit !== undefined) {
      ind.value = ind.unit;
      delete ind.unit;
      col.value !== undefined && map.set([...base, 'indicators', indicators.length, 'value'], row[col.unit]?.loc);
    }
    // merged category cells come out blank: they belong to the row above
    for (const key of ['level1', 'level2']) {
      if (ind[key]) carry[key] = ind[key]!;
      else if (carry[key]) ind[key] = carry[key]!;
    }
    const i = indicators.length;
    indicators.push(order(ind));
    map.set([...base, 'indicators', i], row[col.name ?? 0]?.loc);
    for (const key of Object.keys(ind)) if (col[key] !== undefined) map.set([...base, 'indicators', i, key], row[col[key]!]?.loc);
  }
  const title = heading ? clean(heading.text) : undefined;
  const m = title ? /^(?:\d+\s*[、.．]\s*)?(.+?)(?:项目)?(?:绩效目标表|绩效目标申报表|绩效目标)$/.exec(title) : null;
  const name = m?.[1]?.trim() ?? title ?? '项目';
  const out: IndicatorTable = { ...(title ? { title } : {}), name, ...(goal ? { goal } : {}), indicators };
  const funds = goal ? /(?:以上|共|合计|总计)?约?计?(\d+(?:\.\d+)?)万元。?$/.exec(goal.trim()) : null;
  if (funds && /以上|合计|共计|总计/.test(goal!)) {
    const a = amountOf(funds[1]!);
    if (a) out.funds = a;
  }
  return out;
}

const lastFilled = (row: TableCell[]) => {
  for (let j = row.length - 1; j >= 0; j--) if (clean(row[j]!.text)) return j + 1;
  return 0;
};

/**
 * A row broken in two by a stray paragraph mark comes out as two half rows: the first filled up to
 * some column and blank after, the second filled from the start and blank after, the two together
 * exactly as wide as the table. They are one indicator again.
 */
function rejoinSplitRows(rows: TableCell[][], notes: Note[]): TableCell[][] {
  const out: TableCell[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const a = rows[r]!;
    const b = rows[r + 1];
    const width = a.length;
    const nA = lastFilled(a);
    const nB = b ? lastFilled(b) : 0;
    if (b && b.length === width && nA >= 3 && nB > 0 && nA + nB === width && clean(b[0]!.text) && !/指标$/.test(clean(b[1]?.text))) {
      out.push([...a.slice(0, nA), ...b.slice(0, nB)]);
      notes.push({ zh: '表格中一行被拆成了两行（多半是单元格里多了一个空段落），已按一行读取', en: 'a table row was broken in two (most likely by an empty paragraph in a cell) and was read as one row', loc: a[0]!.loc });
      r++;
    } else out.push(a);
  }
  return out;
}

function order(ind: Record<string, string>): Record<string, string> {
  const keys = ['level1', 'level2', 'name', 'description', 'operator', 'value', 'unit', 'basis'];
  return Object.fromEntries(keys.filter((k) => ind[k] !== undefined).map((k) => [k, ind[k]!]));
}
