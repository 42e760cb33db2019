/**
 * The document's tables as the relation language sees them: recognised by kind (T1…T9), columns
 * named by key, rows with their code, level and children, every cell with its data path and unit.
 */
import type { MoneyUnit } from '../arith/units.js';
import type { Path } from '../engine/path.js';
import type { Cell, Stated } from '../model/scalars.js';
import type { BudgetDocument, Grid, Table } from '../model/schema.js';
import { columnKey, recogniseTable, type Catalogue } from './catalogue.js';

export interface CellRef {
  /** null: printed blank, which tables use for zero */
  stated: Stated | null;
  path: Path;
  unit: MoneyUnit;
  /** what a reader calls it: "T3 行政运行 基本支出" */
  label: string;
}

export interface RowView {
  code?: string;
  name?: string;
  /** 1 for a 类 (3 digits) or an item numbered 一、; deeper levels below */
  level: number;
  cells: Map<string, CellRef>;
  children: RowView[];
  path: Path;
  isTotal: boolean;
}

export interface GridView {
  columns: string[];
  /** every row but the total rows */
  rows: RowView[];
  /** the rows above a 本年…合计 subtotal (all rows when there is none) */
  current: RowView[];
  total?: RowView;
  subtotal?: RowView;
}

export interface TableView {
  /** T1…T9 */
  id: string;
  title: string;
  index: number;
  path: Path;
  unit: MoneyUnit;
  main: GridView;
  income?: GridView;
  expenditure?: GridView;
  note?: string;
  table: Table;
}

/** Rows that total others rather than count: 合计, 总计, 本年收入合计, 人员经费合计 … */
const TOTAL_NAME = /(合计|总计|小计)$/;
const SUBTOTAL_NAME = /^本年.*合计$/;

/** A code written with spaces ("201 06 01") or as a number is the same code. */
export function normaliseCode(c: Cell | undefined): string | undefined {
  if (c === null || c === undefined) return undefined;
  const t = (typeof c === 'string' ? c : c.text).replace(/\s+/g, '');
  return /^\d+$/.test(t) ? t : undefined;
}

/** Function codes are 3/5/7 digits, economic codes 3/5: the level is the count of 2-digit steps. */
export function codeLevel(code: string): number {
  return code.length <= 3 ? 1 : 1 + Math.ceil((code.length - 3) / 2);
}

/** Rows numbered 一、 are level 1; （一） 1. 1、 level 2; 其中： level 3. */
export function nameLevel(name: string): number {
  const n = name.trim();
  if (/^其中[:：]/.test(n)) return 3;
  if (/^[（(][一二三四五六七八九十]+[)）]|^\d+[.、．]/.test(n)) return 2;
  return 1;
}

const text = (c: Cell | undefined): string | undefined => (c === null || c === undefined ? undefined : typeof c === 'string' ? c : c.text);

const NUMERAL = /^([一二三四五六七八九十]+)、/;

/**
 * "年初结转和结余" followed by "一、一般公共预算财政拨款" again: numbering that restarts after an
 * unnumbered row lists that row's parts, one level down, until the next unnumbered row.
 */
function nestRestartedNumbering(rows: RowView[]): void {
  let seenNumbered = false;
  let afterUnnumbered = false;
  let nesting = false;
  for (const r of rows) {
    if (r.code || r.isTotal || !r.name || r.level !== 1) continue;
    if (!NUMERAL.test(r.name)) {
      afterUnnumbered = seenNumbered;
      nesting = false;
      continue;
    }
    if (afterUnnumbered && r.name.startsWith('一、')) nesting = true;
    afterUnnumbered = false;
    if (nesting) r.level = 2;
    else seenNumbered = true;
  }
}

/**
 * Column keys, with two conventions of real tables resolved: final accounts print "X 预算数 | X 决算数"
 * pairs (the 决算数 is X, the 预算数 is X_budget), and a page may hold two panels side by side
 * (人员经费 | 公用经费), each starting with its own code column.
 */
function keysOf(cat: Catalogue, kind: string, labels: string[]): { keys: string[]; panels: number[] } {
  const suffix = /(预算数|决算数)$/;
  const paired = labels.some((l) => /决算数$/.test(l.replace(/\s+/g, ''))) && labels.some((l) => /预算数$/.test(l.replace(/\s+/g, '')));
  const keys = labels.map((label) => {
    const l = label.replace(/\s+/g, '');
    const m = suffix.exec(l);
    if (!m || l === m[1]) return columnKey(cat, kind, label);
    const base = columnKey(cat, kind, l.slice(0, -m[1]!.length));
    return paired && m[1] === '预算数' ? `${base}_budget` : base;
  });
  const panels = [0];
  keys.forEach((k, j) => {
    if (j > 0 && k === 'code') panels.push(j);
  });
  return { keys, panels };
}

function gridView(cat: Catalogue, kind: string, grid: Grid, base: Path, unit: MoneyUnit, short: string): GridView | undefined {
  if (!grid.columns) return undefined;
  const { keys: allKeys, panels } = keysOf(cat, kind, grid.columns);
  // one row per panel and printed line, left panel first: each panel is a table of its own
  const rowOf = (cells: Cell[], path: Path, forceTotal: boolean, from: number, to: number): RowView => {
    const keys = allKeys.slice(from, to);
    const at = (key: string) => (keys.indexOf(key) < 0 ? undefined : cells[from + keys.indexOf(key)]);
    const code = normaliseCode(at('code'));
    const name = text(at('name'))?.trim();
    const who = name ?? code ?? (forceTotal ? '合计' : '');
    const m = new Map<string, CellRef>();
    keys.forEach((key, k) => {
      if (key === 'code' || key === 'name') return;
      const j = from + k;
      const c = cells[j];
      const stated = c === undefined || typeof c === 'string' ? null : c;
      m.set(key, { stated, path: [...path, j], unit, label: `${short} ${who} ${grid.columns![j]}`.replace(/\s+/g, ' ') });
    });
    const isTotal = forceTotal || (!!name && TOTAL_NAME.test(name.replace(/\s+/g, '')));
    const level = code ? codeLevel(code) : name ? nameLevel(name) : 1;
    return { ...(code ? { code } : {}), ...(name ? { name } : {}), level, cells: m, children: [], path, isTotal };
  };
  const bounds = panels.map((from, p) => [from, panels[p + 1] ?? allKeys.length] as const);
  const rows: RowView[] = [];
  for (const [from, to] of bounds) {
    (grid.rows ?? []).forEach((r, i) => {
      const row = rowOf(r, [...base, 'rows', i], false, from, to);
      if (row.code || row.name || [...row.cells.values()].some((c) => c.stated)) rows.push(row);
    });
  }
  nestRestartedNumbering(rows);
  // a code's children are the rows one level down under its prefix; numbered names nest by order
  rows.forEach((r, i) => {
    if (r.isTotal) return;
    for (let j = i + 1; j < rows.length; j++) {
      const c = rows[j]!;
      if (c.isTotal) continue;
      if (r.code) {
        if (!c.code || !c.code.startsWith(r.code) || c.code.length <= r.code.length) {
          if (c.code && !c.code.startsWith(r.code)) break;
          continue;
        }
        if (c.level === r.level + 1) r.children.push(c);
      } else if (!c.code) {
        if (c.level <= r.level) break;
        if (c.level === r.level + 1) r.children.push(c);
      }
    }
  });
  const totalRow = grid.total ? rowOf(grid.total, [...base, 'total'], true, 0, allKeys.length) : rows.find((r) => r.isTotal && /^(合计|总计)$/.test(r.name ?? ''));
  // final accounts print 本年收入合计 above the carry-over rows and 总计 last: the rows above it are this year's
  const subIndex = rows.findIndex((r) => r.isTotal && SUBTOTAL_NAME.test((r.name ?? '').replace(/\s+/g, '')));
  const subtotal = subIndex >= 0 ? rows[subIndex] : undefined;
  const current = (subIndex >= 0 ? rows.slice(0, subIndex) : rows).filter((r) => !r.isTotal);
  return {
    columns: allKeys,
    rows: rows.filter((r) => !r.isTotal),
    current,
    ...(totalRow && totalRow !== subtotal ? { total: totalRow } : {}),
    ...(subtotal ? { subtotal } : {}),
  };
}

export function tableViews(doc: Partial<BudgetDocument>, cat: Catalogue, docUnit: MoneyUnit): TableView[] {
  const out: TableView[] = [];
  (doc.tables ?? []).forEach((t, index) => {
    const kind = recogniseTable(cat, t.title, t.kind);
    if (!kind) return;
    const unit = t.unit ?? docUnit;
    const path: Path = ['tables', index];
    const main = gridView(cat, kind, t, path, unit, kind) ?? { columns: [], rows: [], current: [] };
    const income = t.income ? gridView(cat, kind, t.income, [...path, 'income'], unit, `${kind} 收入`) : undefined;
    const expenditure = t.expenditure ? gridView(cat, kind, t.expenditure, [...path, 'expenditure'], unit, `${kind} 支出`) : undefined;
    out.push({ id: kind, title: t.title, index, path, unit, main, ...(income ? { income } : {}), ...(expenditure ? { expenditure } : {}), ...(t.note ? { note: t.note } : {}), table: t });
  });
  return out;
}
