/** Reading the zod schema itself: the labels and the known keys at a path, for sections and typo hints. */
import { z } from 'zod';
import { BudgetDocument } from './schema.js';

type AnySchema = z.ZodType;
type Segment = string | number;

export function defOf(s: AnySchema): Record<string, unknown> {
  return (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
}

/** Peel wrappers (optional, default, pipe, lazy) until an object, an array or a leaf shows. */
export function unwrap(s: AnySchema): AnySchema {
  for (let i = 0; i < 16; i++) {
    const d = defOf(s);
    switch (d.type) {
      case 'optional':
      case 'default':
      case 'nullable':
        s = d.innerType as AnySchema;
        break;
      case 'pipe':
        s = (defOf(d.in as AnySchema).type === 'transform' ? d.out : d.in) as AnySchema;
        break;
      case 'lazy':
        s = (d.getter as () => AnySchema)();
        break;
      default:
        return s;
    }
  }
  return s;
}

export function shortLabel(s: AnySchema): string | undefined {
  const desc = z.globalRegistry.get(s)?.description ?? z.globalRegistry.get(unwrap(s))?.description;
  return desc?.split(/[（(：:，,]/)[0]?.trim() || undefined;
}

/**
 * The schema at a data path (undefined where the path leaves the model). The keys come from the data:
 * a key named like a member of Object.prototype (__proto__, constructor, toString) is not in the model,
 * so only a shape's own keys are looked up.
 */
export function schemaAt(path: readonly Segment[], root: AnySchema = BudgetDocument): AnySchema | undefined {
  let s: AnySchema = root;
  for (const seg of path) {
    const d = defOf(unwrap(s));
    if (d.type === 'object' && typeof seg === 'string') {
      const shape = d.shape as Record<string, AnySchema>;
      if (!Object.hasOwn(shape, seg)) return undefined;
      s = shape[seg]!;
    } else if (d.type === 'array' && typeof seg === 'number') {
      s = d.element as AnySchema;
    } else return undefined;
  }
  return s;
}

export function knownKeys(path: readonly Segment[]): string[] {
  const s = schemaAt(path);
  if (!s) return [];
  const d = defOf(unwrap(s));
  return d.type === 'object' ? Object.keys(d.shape as object) : [];
}

export function isListSchema(s: AnySchema): boolean {
  return defOf(unwrap(s)).type === 'array';
}
