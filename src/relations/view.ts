/**
 * The document's tables as the relation language sees them: recognised by kind (T1…T9), columns
 * named by key, rows with their code, level and children, every cell with its data path and unit.
 */
import type { MoneyUnit } from '../arith/units.js';
import type { Path } from '../engine/path.js';
import type { Cell, Stated } from '../model/scalars.js';
import type { BudgetDocument, Grid, Table } from '../model/schema.js';
import { columnKey, recogniseTable, type Catalogue } from './catalogue.js';
import type { Num } from './evaluate.js';
import { ownCopy } from '../text/own-copy.js';
import { PerDocument } from '../engine/per-document.js';

/** What the cells of one printed row share: the row's path, what a reader calls it, its unit, the column labels. */
interface RowPlace {
  readonly path: Path;
  /** "T3 行政运行" */
  readonly who: string;
  readonly unit: MoneyUnit;
  readonly headers: readonly string[];
}

/**
 * One amount cell. Its place and its reader's name are built only when asked for (a finding shows them),
 * not for each of the thousands of cells a document has. It is also the term a relation's number shows.
 */
export class CellRef {
  /** the cell's number for the relations (src/relations/evaluate.ts), made once per view */
  num?: Num;
  #path?: Path;
  #label?: string;

  constructor(
    /** null: printed blank, which tables use for zero */
    readonly stated: Stated | null,
    private readonly row: RowPlace,
    private readonly column: number,
  ) {}

  get unit(): MoneyUnit {
    return this.row.unit;
  }

  get path(): Path {
    return (this.#path ??= [...this.row.path, this.column]);
  }

  /** what a reader calls it: "T3 行政运行 基本支出" (the printed column label) */
  get label(): string {
    return (this.#label ??= `${this.row.who} ${this.row.headers[this.column]}`.replace(SPACES, ' '));
  }

  /** the figure as written ('' for a blank cell) */
  get text(): string {
    return this.stated ? this.stated.text : '';
  }
}

/**
 * A panel's amount columns by key: each key once, in the order it is first printed, read from the last
 * column printed with it (as a Map filled column by column would hold them). Shared by the panel's rows.
 */
interface Layout {
  readonly keys: readonly string[];
  readonly columns: readonly number[];
  readonly index: ReadonlyMap<string, number>;
}

/** A row's amount cells by column key: the row's cells, and the keys its panel shares with its other rows. */
export class RowCells {
  constructor(
    private readonly layout: Layout,
    private readonly refs: readonly CellRef[],
  ) {}

  get size(): number {
    return this.refs.length;
  }

  get(key: string): CellRef | undefined {
    const k = this.layout.index.get(key);
    return k === undefined ? undefined : this.refs[k];
  }

  has(key: string): boolean {
    return this.layout.index.has(key);
  }

  /** the column keys, in order; shared: never changed by a caller */
  keys(): readonly string[] {
    return this.layout.keys;
  }

  values(): readonly CellRef[] {
    return this.refs;
  }
}

export interface RowView {
  code?: string;
  name?: string;
  /** 1 for a 类 (3 digits) or an item numbered 一、; deeper levels below */
  level: number;
  cells: RowCells;
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
const GRAND_TOTAL_NAME = /^(合计|总计)$/;

// Patterns made once: a pattern written inside a function is a new RegExp object each time it is reached,
// and these are reached for every row of every table. SPACES is global, so it serves replace() only.
const SPACES = /\s+/g;
const DIGITS = /^\d+$/;
const SUB_ITEM = /^其中[:：]/;
const NUMBERED_ITEM = /^[（(][一二三四五六七八九十]+[)）]|^\d+[.、．]/;

/** A code written with spaces ("201 06 01") or as a number is the same code. */
export function normaliseCode(c: Cell | undefined): string | undefined {
  if (c === null || c === undefined) return undefined;
  const t = (typeof c === 'string' ? c : c.text).replace(SPACES, '');
  return DIGITS.test(t) ? t : undefined;
}

/** Function codes are 3/5/7 digits, economic codes 3/5: the level is the count of 2-digit steps. */
export function codeLevel(code: string): number {
  return code.length <= 3 ? 1 : 1 + Math.ceil((code.length - 3) / 2);
}

/** Rows numbered 一、 are level 1; （一） 1. 1、 level 2; 其中： level 3. */
export function nameLevel(name: string): number {
  const n = name.trim();
  if (SUB_ITEM.test(n)) return 3;
  if (NUMBERED_ITEM.test(n)) return 2;
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
function keysOf(cat: Catalogue, kind: string, labels: string[]): ColumnKeys {
  // tables print the same few headers in document after document: each set is read once per catalogue
  let known = KEYS.get(cat);
  if (!known) KEYS.set(cat, (known = new Map()));
  // JSON: no two lists of labels read the same, whatever characters the labels hold
  const id = JSON.stringify([kind, ...labels]);
  let hit = known.get(id);
  if (!hit) {
    if (known.size >= 1000) known.clear();
    // read from copies: the keys kept are made of the labels, which are slices of the parsed file
    known.set(id, (hit = readKeys(cat, kind, labels.map(ownCopy))));
  }
  return hit;
}

/** A grid's column keys, its panels, and the whole width as one (for the total row); shared by every grid with the same headers, never changed. */
interface ColumnKeys {
  keys: string[];
  panels: Panel[];
  whole: Panel;
}

const KEYS = new WeakMap<Catalogue, Map<string, ColumnKeys>>();

function readKeys(cat: Catalogue, kind: string, labels: string[]): ColumnKeys {
  const suffix = /(预算数|决算数)$/;
  const paired = labels.some((l) => /决算数$/.test(l.replace(/\s+/g, ''))) && labels.some((l) => /预算数$/.test(l.replace(/\s+/g, '')));
  const keys = labels.map((label) => {
    const l = label.replace(/\s+/g, '');
    const m = suffix.exec(l);
    if (!m || l === m[1]) return columnKey(cat, kind, label);
    const base = columnKey(cat, kind, l.slice(0, -m[1]!.length));
    return paired && m[1] === '预算数' ? `${base}_budget` : base;
  });
  const starts = [0];
  keys.forEach((k, j) => {
    if (j > 0 && k === 'code') starts.push(j);
  });
  const panels = starts.map((from, p) => panelOf(keys, from, starts[p + 1] ?? keys.length));
  return { keys, panels, whole: panelOf(keys, 0, keys.length) };
}

/** The panel of columns from…to: where its code and name are, and its amount columns by key. */
function panelOf(allKeys: readonly string[], from: number, to: number): Panel {
  const keys = allKeys.slice(from, to);
  const index = new Map<string, number>();
  const amountKeys: string[] = [];
  const columns: number[] = [];
  keys.forEach((key, k) => {
    if (key === 'code' || key === 'name') return;
    // a later column of an amount key wins, in the place of its first
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, amountKeys.length);
      amountKeys.push(key);
      columns.push(from + k);
    } else columns[at] = from + k;
  });
  // the first column of a key is the row's code or name
  const codeAt = keys.indexOf('code');
  const nameAt = keys.indexOf('name');
  return { codeAt: codeAt < 0 ? -1 : from + codeAt, nameAt: nameAt < 0 ? -1 : from + nameAt, layout: { keys: amountKeys, columns, index } };
}

function gridView(cat: Catalogue, kind: string, grid: Grid, base: Path, unit: MoneyUnit, short: string): GridView | undefined {
  if (!grid.columns) return undefined;
  const headers = grid.columns;
  const { keys: allKeys, panels, whole } = keysOf(cat, kind, headers);
  // one row per panel and printed line, left panel first: each panel is a table of its own
  const rowOf = (cells: Cell[], path: Path, forceTotal: boolean, { codeAt, nameAt, layout }: Panel): RowView => {
    const code = codeAt < 0 ? undefined : normaliseCode(cells[codeAt]);
    const name = nameAt < 0 ? undefined : text(cells[nameAt])?.trim();
    const place: RowPlace = { path, who: `${short} ${name ?? code ?? (forceTotal ? '合计' : '')}`, unit, headers };
    const refs = new Array<CellRef>(layout.columns.length);
    for (let k = 0; k < refs.length; k++) {
      const j = layout.columns[k]!;
      const c = cells[j];
      refs[k] = new CellRef(c === undefined || typeof c === 'string' ? null : c, place, j);
    }
    const isTotal = forceTotal || (!!name && TOTAL_NAME.test(name.replace(SPACES, '')));
    const level = code ? codeLevel(code) : name ? nameLevel(name) : 1;
    const row: RowView = { level, cells: new RowCells(layout, refs), children: [], path, isTotal };
    if (code) row.code = code;
    if (name) row.name = name;
    return row;
  };
  const rows: RowView[] = [];
  panels.forEach((panel) => {
    (grid.rows ?? []).forEach((r, i) => {
      const row = rowOf(r, pathTo(base, 'rows', i), false, panel);
      if (row.code || row.name || hasStated(row)) rows.push(row);
    });
  });
  nestRestartedNumbering(rows);
  nest(rows);
  const totalRow = grid.total ? rowOf(grid.total, pathTo(base, 'total'), true, whole) : rows.find((r) => r.isTotal && GRAND_TOTAL_NAME.test(r.name ?? ''));
  // final accounts print 本年收入合计 above the carry-over rows and 总计 last: the rows above it are this year's
  const subIndex = rows.findIndex((r) => r.isTotal && SUBTOTAL_NAME.test((r.name ?? '').replace(SPACES, '')));
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

/** Where a panel's code and name are (-1: none), and its amount columns by key. */
interface Panel {
  codeAt: number;
  nameAt: number;
  layout: Layout;
}

/** base + a (+ b), in an array of just that length (a spread grows one step by step) */
function pathTo(base: Path, a: string | number, b?: number): Path {
  const n = base.length;
  const out = new Array<string | number>(b === undefined ? n + 1 : n + 2);
  for (let k = 0; k < n; k++) out[k] = base[k]!;
  out[n] = a;
  if (b !== undefined) out[n + 1] = b;
  return out;
}

function hasStated(row: RowView): boolean {
  for (const c of row.cells.values()) if (c.stated) return true;
  return false;
}

/**
 * A row's children, in order, as a printed table reads: for a coded row, the rows one level down whose codes
 * extend its code, up to the next coded row whose code does not extend it (a shorter code, another code, or
 * the same code again: a repeated code starts a new group and closes the earlier one); for a named row, the
 * named rows one level down, up to the next named row at its level or above. Total rows take no part.
 *
 * One pass with a stack of the rows still open, each code a strict prefix of the next, so a row has at most
 * a few parents (the open rows one level up: lengths 1–3 are level 1, then two lengths a level) and a table
 * of n rows costs O(n) steps and links, whatever its codes. Were a repeated code to stay open, `204, 20401,
 * 204, 20401, …` would give each 204 every 20401 below it: n²/8 links (20,000 rows: minutes). A table
 * that repeats a code with another name is reported by table-codes (rules/table-codes.ts).
 */
function nest(rows: RowView[]): void {
  // coded rows: levels never fall up the stack (a longer code is at its level or deeper)
  const coded: RowView[] = [];
  // named rows: levels rise strictly up the stack, since a row closes every open row at its level or below
  const named: RowView[] = [];
  for (const c of rows) {
    if (c.isTotal) continue;
    if (c.code) {
      const code = c.code;
      // close the rows this code does not strictly extend; the rest are all prefixes of it (prefixes of a prefix)
      while (coded.length && !extendsCode(code, coded[coded.length - 1]!.code!)) coded.pop();
      for (let g = coded.length - 1; g >= 0 && coded[g]!.level >= c.level - 1; g--) {
        const parent = coded[g]!;
        if (parent.level === c.level - 1) parent.children.push(c);
      }
      coded.push(c);
    } else {
      while (named.length && named[named.length - 1]!.level >= c.level) named.pop();
      const parent = named[named.length - 1];
      if (parent && parent.level === c.level - 1) parent.children.push(c);
      named.push(c);
    }
  }
}

/** `code` is longer than `prefix` and starts with it: 20401 extends 204; 204 does not extend 204. */
function extendsCode(code: string, prefix: string): boolean {
  return code.length > prefix.length && code.startsWith(prefix);
}

/** The views of a document, built once and shared by every rule that reads them (relations, table-codes, table-completeness). */
const cache = new PerDocument<object, { cat: Catalogue; unit: MoneyUnit; views: TableView[] }>();

export function documentViews(doc: Partial<BudgetDocument>, cat: Catalogue, docUnit: MoneyUnit): TableView[] {
  const hit = cache.get(doc);
  if (hit && hit.cat === cat && hit.unit === docUnit) return hit.views;
  const views = tableViews(doc, cat, docUnit);
  cache.set(doc, { cat, unit: docUnit, views });
  return views;
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
