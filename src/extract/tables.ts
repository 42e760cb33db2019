/**
 * Tables other than the performance targets: the standard tables (recognised by the title above them,
 * with the catalogue's names), procurement and assets. Header rows become column labels as printed
 * (the catalogue maps them to keys when relations run), data rows become arrays aligned to them.
 */
import type { Path } from '../engine/path.js';
import type { TableBlock, TableCell } from '../read/blocks.js';
import { recogniseTable, type Catalogue } from '../relations/catalogue.js';
import { amountOf, cellValue, clean, headerRow, rowTexts } from './cells.js';
import type { SourceMap } from './source-map.js';

const isNumeric = (s: string) => /^-?[\d,，]+(?:\.\d+)?$/.test(s.replace(/\s+/g, ''));
const TOTAL = /^(合\s*计|总\s*计|收入总计|支出总计|人员经费合计|公用经费合计)$/;

/** The unit a table states ("单位：元", "金额单位：万元") in its title lines or first rows. */
export function unitOf(texts: readonly string[]): '元' | '万元' | '亿元' | undefined {
  for (const t of texts) {
    const m = /单位[:：]\s*(亿元|万元|元)/.exec(t.replace(/\s+/g, ''));
    if (m) return m[1] as '元' | '万元' | '亿元';
  }
  return undefined;
}

interface Grid {
  columns: string[];
  rows: unknown[][];
  total?: unknown[];
}

/**
 * Header rows are those above the first row with a figure (in a table with no figure at all, above its
 * 合计 row); a column's label is its lowest header cell, joined to the one above it where final accounts
 * pair "X 预算数 | X 决算数".
 */
function gridOf(rows: TableCell[][], base: Path, map: SourceMap): Grid | undefined {
  let first = rows.findIndex((r) => r.some((c) => isNumeric(clean(c.text))));
  if (first < 0) first = rows.findIndex((r) => TOTAL.test(rowTexts(r).find(Boolean)?.replace(/\s+/g, '') ?? ''));
  if (first <= 0) return undefined;
  const width = Math.max(...rows.map((r) => r.length));
  const headers: string[][] = [];
  for (let j = 0; j < width; j++) {
    const parts: string[] = [];
    for (let r = 0; r < first; r++) {
      const t = clean(rows[r]![j]?.text);
      if (t && !parts.includes(t) && !/单位[:：]/.test(t)) parts.push(t);
    }
    headers.push(parts);
  }
  const leaf = (p: string[]) => (p[p.length - 1] ?? '').replace(/\s+/g, '');
  const paired = headers.some((p) => leaf(p) === '预算数') && headers.some((p) => leaf(p) === '决算数');
  const columns = headers.map((p) => (paired && /^(预算数|决算数)$/.test(leaf(p)) && p.length > 1 ? `${p[p.length - 2]} ${p[p.length - 1]}` : (p[p.length - 1] ?? '')));
  // 类 | 款 | 项 printed as columns make one code; a table of two panels side by side has a code of each
  const codeCols = columns.map((c, j) => (/^(类|款|项)$/.test(c) ? j : -1)).filter((j) => j >= 0);
  const runs: number[][] = [];
  for (const j of codeCols) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === j - 1) run.push(j);
    else runs.push([j]);
  }
  const runOf = new Map(runs.flatMap((run) => run.map((j) => [j, run] as const)));
  const out: Grid = { columns: [], rows: [] };
  const keep = columns.map((_, j) => !runOf.has(j) || runOf.get(j)![0] === j);
  out.columns = columns.map((c, j) => (runOf.get(j)?.[0] === j ? '科目编码' : c)).filter((_, j) => keep[j]);
  for (let r = first; r < rows.length; r++) {
    const row = rows[r]!;
    const texts = rowTexts(row);
    if (texts.every((t) => !t)) continue;
    // a cell spanning the code columns (合计 across 类 | 款 | 项) is one text, not one per column it covers
    const code = (run: number[]) => run.filter((k) => !(row[k]?.mergedFromLeft && run.includes(k - 1))).map((k) => texts[k]).filter(Boolean).join(' ');
    const cells = texts.map((t, j) => (runOf.get(j)?.[0] === j ? code(runOf.get(j)!) : t)).filter((_, j) => keep[j]);
    const values = cells.map((t) => cellValue(t));
    const name = cells.find((t) => t && !isNumeric(t));
    const target: Path = name && TOTAL.test(name.replace(/\s+/g, '')) && !out.total ? [...base, 'total'] : [...base, 'rows', out.rows.length];
    if (target[target.length - 1] === 'total') out.total = values;
    else out.rows.push(values);
    const originals = row.filter((_, j) => keep[j]);
    originals.forEach((c, j) => map.set([...target, j], c.loc));
    map.set(target, row[0]?.loc);
  }
  return out;
}

/** Two-sided tables (收支总表) print the income half and the expenditure half side by side. */
function splitHalves(t: TableBlock): [TableCell[][], TableCell[][]] | undefined {
  for (let r = 0; r < Math.min(4, t.rows.length); r++) {
    const texts = rowTexts(t.rows[r]!).map((x) => x.replace(/\s+/g, ''));
    const items = texts.map((x, j) => (/^项目$/.test(x) ? j : -1)).filter((j) => j >= 0);
    const second = items.find((j, k) => k > 0 && texts[j - 1] !== '项目');
    if (items.length >= 2 && second !== undefined) {
      return [t.rows.map((row) => row.slice(0, second)), t.rows.map((row) => row.slice(second))];
    }
  }
  return undefined;
}

export function readStandardTable(t: TableBlock, title: string, context: readonly string[], cat: Catalogue, base: Path, map: SourceMap): Record<string, unknown> | undefined {
  const kind = recogniseTable(cat, title);
  if (!kind) return undefined;
  const unit = unitOf([...context, ...t.rows.slice(0, 3).flatMap(rowTexts)]);
  const out: Record<string, unknown> = { title, ...(unit ? { unit } : {}) };
  map.set([...base, 'title'], t.loc);
  const halves = kind === 'T1' || kind === 'T4' ? splitHalves(t) : undefined;
  if (halves) {
    const income = gridOf(halves[0], [...base, 'income'], map);
    const expenditure = gridOf(halves[1], [...base, 'expenditure'], map);
    if (income) out.income = income;
    if (expenditure) out.expenditure = expenditure;
  } else {
    const g = gridOf(t.rows, base, map);
    if (g) Object.assign(out, g);
  }
  return out;
}

const CATALOGUE_CODE = /^[ABC]\d{2,}$/;

/**
 * 政府采购预算表: a row per purchase. Header cells rarely line up with the data in a rendering (a
 * heading spans the project's name and funds), so a purchase row is read around its 政府采购目录
 * code (A02010205): item before it; unit, quantity, unit price and amount after it; the project and
 * its funds at the start of the row.
 */
export function readProcurement(t: TableBlock, base: Path, map: SourceMap): Record<string, unknown>[] | undefined {
  if (headerRow(t, ['采购']) < 0) return undefined;
  const items: Record<string, unknown>[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const cells = t.rows[r]!;
    const row = rowTexts(cells);
    const c = row.findIndex((x) => CATALOGUE_CODE.test(x.replace(/\s+/g, '')));
    if (c < 1) continue;
    const after = row.slice(c + 1);
    const unitAt = after.findIndex((x) => x && !isNumeric(x));
    const nums = after.map((x, k) => ({ v: amountOf(x), k: c + 1 + k })).filter((x) => x.v);
    const [qty, price, amount] = nums;
    const before = row.slice(0, c - 1);
    const project = before.find((x) => x && !isNumeric(x));
    const funds = before.map((x) => amountOf(x)).find((x) => x);
    const it: Record<string, unknown> = {
      ...(project ? { project } : {}),
      ...(funds ? { project_funds: funds } : {}),
      item: row[c - 1],
      catalogue_code: row[c]!.replace(/\s+/g, ''),
      ...(unitAt >= 0 ? { unit: after[unitAt] } : {}),
      ...(qty ? { quantity: qty.v } : {}),
      ...(price ? { unit_price: price.v } : {}),
      ...(amount ? { amount: amount.v } : {}),
    };
    const i = items.length;
    items.push(it);
    map.set([...base, i], cells[c - 1]?.loc);
    map.set([...base, i, 'item'], cells[c - 1]?.loc);
    if (qty) map.set([...base, i, 'quantity'], cells[qty.k]?.loc);
    if (price) map.set([...base, i, 'unit_price'], cells[price.k]?.loc);
    if (amount) map.set([...base, i, 'amount'], cells[amount.k]?.loc);
  }
  return items.length ? items : undefined;
}

/** 固定资产占用情况表: categories with quantity and value; "其中：" rows are children of the row above. */
export function readAssets(t: TableBlock, base: Path, map: SourceMap): { total?: unknown; categories: Record<string, unknown>[] } | undefined {
  const h = t.rows.findIndex((r) => rowTexts(r).some((x) => /资产总额|资产合计/.test(x)));
  if (h < 0) return undefined;
  const out: { total?: unknown; categories: Record<string, unknown>[] } = { categories: [] };
  for (let r = h; r < t.rows.length; r++) {
    const cells = t.rows[r]!;
    const row = rowTexts(cells);
    const label = row[0] ?? '';
    if (!label) continue;
    const nums = row.slice(1).map((x, j) => ({ v: amountOf(x), j: j + 1 }));
    if (/资产总额|资产合计/.test(label)) {
      const v = [...nums].reverse().find((x) => x.v);
      if (v) {
        out.total = v.v;
        map.set(['assets', 'total'], cells[v.j]?.loc);
      }
      continue;
    }
    const m = /^(?:\d+[、.．]\s*)?(?:其中[:：]\s*)?(.+?)(?:[（(](.+?)[)）])?$/.exec(label);
    const name = m?.[1]?.trim() ?? label;
    const unit = m?.[2];
    const cat: Record<string, unknown> = { name, ...(unit ? { unit } : {}) };
    const [q, a] = [nums[0], nums[1]];
    if (q?.v) cat.quantity = q.v;
    if (a?.v) cat.amount = a.v;
    else if (q?.v && !a) {
      cat.amount = q.v;
      delete cat.quantity;
    }
    if (/^其中/.test(label) && out.categories.length) {
      const parent = out.categories[out.categories.length - 1]!;
      const kids = ((parent.children as Record<string, unknown>[] | undefined) ??= []);
      kids.push(cat);
      map.set([...base, out.categories.length - 1, 'children', kids.length - 1], cells[0]?.loc);
    } else {
      out.categories.push(cat);
      map.set([...base, out.categories.length - 1], cells[0]?.loc);
      if (a?.v) map.set([...base, out.categories.length - 1, 'amount'], cells[a.j]?.loc);
    }
  }
  return out;
}
