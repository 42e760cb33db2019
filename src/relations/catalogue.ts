/**
 * The table catalogue and the relations, read from declarative files: rules/tables.yaml and
 * rules/relations/*.yaml, then any files a config names (a province's template). Later files add
 * table names, column labels and relations, or override a relation by its id.
 */
import { z } from 'zod';
import { checkFunctions, parseExpr, ExprError } from './parse-expr.js';

const Bi = z.strictObject({ zh: z.string(), en: z.string() });

const TableKind = z.strictObject({
  name: Bi.optional(),
  patterns: z.array(z.string()).default([]),
  columns: z.record(z.string(), z.string()).optional(),
});

export const RelationSpec = z.strictObject({
  id: z.string().regex(/^[A-Za-z][\w.-]*$/, 'ids are letters, digits, ".", "-" and "_"'),
  applies: z.enum(['budget', 'final', 'any']).optional(),
  description: Bi.optional(),
  severity: z.enum(['off', 'warn', 'error']).optional(),
  each: z.string().optional(),
  where: z.string().optional(),
  columns: z.union([z.literal('*'), z.array(z.string())]).optional(),
  assert: z.string().optional(),
  message: Bi.optional(),
  doc: z.string().optional(),
});
export type RelationSpec = z.infer<typeof RelationSpec>;

export const CatalogueFile = z.strictObject({
  tables: z.record(z.string(), TableKind).optional(),
  columns: z.record(z.string(), z.array(z.string())).optional(),
  profiles: z.record(z.string(), z.strictObject({ tables: z.array(z.string()).optional(), sections: z.array(z.string()).optional() })).optional(),
  relations: z.array(RelationSpec).optional(),
});
export type CatalogueFile = z.infer<typeof CatalogueFile>;

export interface Relation extends Required<Pick<RelationSpec, 'id' | 'assert'>> {
  applies: 'budget' | 'final' | 'any';
  description: { zh: string; en: string };
  severity: 'off' | 'warn' | 'error';
  each?: string;
  where?: string;
  columns?: '*' | string[];
  message?: { zh: string; en: string };
  doc?: string;
  /** the file it came from, for errors and docs */
  source: string;
}

export interface Catalogue {
  kinds: { id: string; name: { zh: string; en: string }; patterns: RegExp[]; columns: Map<string, string> }[];
  columns: Map<string, string>;
  profiles: Map<string, { tables: string[]; sections: string[] }>;
  relations: Relation[];
}

export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    /** the data path of the bad entry, to be located in the file */
    readonly path: (string | number)[],
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Labels and titles are compared without spaces, brackets and quotation marks. */
export function normaliseLabel(s: string): string {
  return s.replace(/[\s（）()“”"'‘’「」《》]/g, '');
}

export function emptyCatalogue(): Catalogue {
  return { kinds: [], columns: new Map(), profiles: new Map(), relations: [] };
}

/** Merges one file's content into the catalogue; throws CatalogueError naming the file and entry. */
export function mergeCatalogue(cat: Catalogue, data: unknown, file: string, opts: { trusted?: boolean } = {}): Catalogue {
  let f: CatalogueFile;
  if (opts.trusted) f = data as CatalogueFile;
  else {
    const parsed = CatalogueFile.safeParse(data ?? {});
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      const where = i.path.join('.');
      throw new CatalogueError(file, i.path as (string | number)[], `${where}：${i.message}`, `${where}: ${i.message}`);
    }
    f = parsed.data;
  }
  for (const [id, k] of Object.entries(f.tables ?? {})) {
    const patterns = (k.patterns ?? []).map((p, j) => {
      try {
        // patterns are regular expressions: only the spaces and quotation marks titles lose are dropped
        return new RegExp(p.replace(/[\s“”"'‘’]/g, ''));
      } catch {
        throw new CatalogueError(file, ['tables', id, 'patterns', j], `无效的表名模式 "${p}"`, `invalid title pattern "${p}"`);
      }
    });
    const existing = cat.kinds.find((x) => x.id === id);
    const columns = new Map(Object.entries(k.columns ?? {}).map(([label, key]) => [normaliseLabel(label), key]));
    if (existing) {
      // a region's names are tried before the built-in ones
      existing.patterns.unshift(...patterns);
      for (const [l, key] of columns) existing.columns.set(l, key);
      if (k.name) existing.name = k.name;
    } else {
      const kind = { id, name: k.name ?? { zh: id, en: id }, patterns, columns };
      // a region's own kinds are tried before the built-in ones, whose broader names would claim them
      if (opts.trusted) cat.kinds.push(kind);
      else cat.kinds.unshift(kind);
    }
  }
  for (const [key, labels] of Object.entries(f.columns ?? {})) for (const l of labels) cat.columns.set(normaliseLabel(l), key);
  for (const [kind, p] of Object.entries(f.profiles ?? {})) {
    const prev = cat.profiles.get(kind);
    cat.profiles.set(kind, { tables: p.tables ?? prev?.tables ?? [], sections: p.sections ?? prev?.sections ?? [] });
  }
  (f.relations ?? []).forEach((r, i) => {
    const prev = cat.relations.find((x) => x.id === r.id);
    const merged = { ...(prev ?? {}), ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)), source: file } as Relation;
    if (!merged.assert) throw new CatalogueError(file, ['relations', i], `关系 ${r.id} 缺少 assert`, `relation ${r.id} has no assert`);
    merged.applies ??= 'any';
    merged.severity ??= 'error';
    merged.description ??= { zh: merged.assert, en: merged.assert };
    for (const field of opts.trusted ? [] : (['assert', 'each', 'where'] as const)) {
      const text = merged[field];
      if (text === undefined) continue;
      try {
        checkFunctions(parseExpr(text, { column: merged.columns !== undefined }));
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        throw new CatalogueError(
          file,
          ['relations', i, field],
          `关系 ${r.id} 的 ${field} 表达式有误（第 ${e.pos + 1} 个字符）：${e.message}`,
          `relation ${r.id}: bad ${field} expression (at character ${e.pos + 1}): ${e.message}`,
        );
      }
    }
    if (prev) cat.relations[cat.relations.indexOf(prev)] = merged;
    else cat.relations.push(merged);
  });
  return cat;
}

/**
 * The expression as a reader sees it for one column: `$col` replaced by the column's key. For messages
 * only; evaluation resolves `$col` itself (parseExpr's `column` option), so a label is never syntax.
 */
export function substituteColumn(expr: string, column: string): string {
  return column ? expr.replace(/\$col\b/g, () => column) : expr;
}

export function recogniseTable(cat: Catalogue, title: string, kind?: string): string | undefined {
  if (kind) {
    const k = cat.kinds.find((x) => x.id === kind);
    if (k) return k.id;
  }
  const t = normaliseLabel(title).replace(/\d{4}年度?/g, '').replace(/部门/g, '');
  return cat.kinds.find((k) => k.patterns.some((p) => p.test(t)))?.id;
}

export function columnKey(cat: Catalogue, tableKind: string | undefined, label: string): string {
  const l = normaliseLabel(label);
  const own = tableKind ? cat.kinds.find((k) => k.id === tableKind)?.columns.get(l) : undefined;
  return own ?? cat.columns.get(l) ?? l;
}
