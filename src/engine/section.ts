/**
 * Data path → the human section a reader finds it under, e.g.
 * 五、预算绩效信息 › 4、全县扫黑除恶专项斗争工作经费绩效目标表 › 成本指标 › 定制雨伞单价.
 * Labels come from the document itself (titles, names) and otherwise from the schema's descriptions,
 * so the model stays the single source of the Chinese names.
 */
import { schemaAt, shortLabel, isListSchema } from '../model/introspect.js';
import type { Path } from './path.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function itemLabels(item: unknown, index: number): string[] {
  if (item === null || typeof item !== 'object') return [`#${index + 1}`];
  const o = item as Record<string, unknown>;
  if (str(o.level1) !== undefined && o.name !== undefined) {
    return [str(o.level2) ?? str(o.level1)!, String(o.name)];
  }
  return [str(o.title) ?? str(o.name) ?? str(o.item) ?? str(o.label) ?? `#${index + 1}`];
}

/** A figure's amount is the figure: its own label adds nothing. */
const SKIP_KEYS = new Set(['amount']);

const cellText = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : typeof v === 'string' ? v.trim() : typeof v === 'object' ? String((v as { text?: string }).text ?? v) : String(v);

/**
 * A table cell is found by the table's title, the half (收入/支出) of a two-sided table, the row (its
 * code and name) and the column's printed label: 支出决算表 › 201 06 01 行政运行 › 基本支出.
 */
function tableSection(raw: unknown, path: Path): string {
  const tables = (raw as { tables?: unknown[] } | undefined)?.tables;
  const t = Array.isArray(tables) ? (tables[path[1] as number] as Record<string, unknown> | undefined) : undefined;
  if (!t) return '';
  const labels = [cellText(t.title) ?? `#${Number(path[1]) + 1}`];
  let k = 2;
  let grid: Record<string, unknown> = t;
  if (path[k] === 'income' || path[k] === 'expenditure') {
    labels.push(path[k] === 'income' ? '收入' : '支出');
    grid = (t[path[k] as string] as Record<string, unknown>) ?? {};
    k++;
  }
  const columns = Array.isArray(grid.columns) ? grid.columns.map(cellText) : [];
  const which = path[k];
  const row = which === 'total' ? grid.total : which === 'rows' ? (grid.rows as unknown[] | undefined)?.[path[k + 1] as number] : undefined;
  const col = path[which === 'total' ? k + 1 : k + 2];
  if (Array.isArray(row)) {
    // the row is named by its text cells (code, name) in the panel the column belongs to
    let start = 0;
    if (typeof col === 'number') columns.forEach((c, j) => {
      if (j <= col && j > 0 && c && columns[0] && c === columns[0]) start = j;
    });
    // the row's words: its text cells, and its code even when written as a bare number (201)
    const names = row
      .slice(start, typeof col === 'number' ? col : row.length)
      .filter((c, j) => typeof c === 'string' || (j === 0 && /^\d{3,}$/.test(cellText(c) ?? '')))
      .map(cellText)
      .filter((x): x is string => !!x);
    labels.push(names.join(' ') || (which === 'total' ? '合计' : `#${Number(path[k + 1]) + 1}`));
  } else if (which === 'rows') labels.push(`#${Number(path[k + 1]) + 1}`);
  if (typeof col === 'number' && columns[col]) labels.push(columns[col]!);
  else if (which === 'title') labels.length = 1;
  return labels.join(' › ');
}

export function sectionOf(raw: unknown, path: Path): string {
  if (path[0] === 'tables' && typeof path[1] === 'number') return tableSection(raw, path);
  const labels: string[] = [];
  let data: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const schema = schemaAt(path.slice(0, i + 1));
    if (!schema) break;
    data = data !== null && typeof data === 'object' ? (data as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === 'number') {
      labels.push(...itemLabels(data, seg));
      // an indicator row is named by its category and name: its fields add nothing a reader needs
      if (data && typeof data === 'object' && 'level1' in data) break;
      continue;
    }
    const title = data && typeof data === 'object' ? str((data as Record<string, unknown>).title) : undefined;
    const label = seg === 'narrative' ? '文字说明' : title ?? (SKIP_KEYS.has(seg) || isListSchema(schema) ? undefined : shortLabel(schema));
    if (label) labels.push(label);
  }
  return labels.filter((l, i) => l !== labels[i - 1]).join(' › ');
}
