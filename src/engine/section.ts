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
  return [str(o.title) ?? str(o.name) ?? str(o.item) ?? `#${index + 1}`];
}

/** A figure's amount is the figure: its own label adds nothing. */
const SKIP_KEYS = new Set(['amount']);

export function sectionOf(raw: unknown, path: Path): string {
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
    const label = title ?? (SKIP_KEYS.has(seg) || isListSchema(schema) ? undefined : shortLabel(schema));
    if (label) labels.push(label);
  }
  return labels.filter((l, i) => l !== labels[i - 1]).join(' › ');
}
