/**
 * The generated document as a plain tree, numbers kept as the text they are written with (1308.00, not
 * 1308), and its YAML and JSON forms. JSON Pointers address it exactly as they address the linted file.
 */

/** A number as written. */
export class Num {
  constructor(readonly text: string) {}
}

export type Scalar = Num | string | boolean | null;
export type Node = Scalar | Node[] | Obj;
export interface Obj {
  [key: string]: Node | undefined;
}

export const num = (text: string): Num => new Num(text);

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Num);
const isScalar = (v: unknown): v is Scalar => v === null || typeof v !== 'object' || v instanceof Num;

// ─── JSON Pointers ───────────────────────────────────────────────────────────────────────────────

export function pointer(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function parsePointer(p: string): string[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(root: Node, p: string): Node | undefined {
  let v: Node | undefined = root;
  for (const seg of parsePointer(p)) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (isObj(v)) v = v[seg];
    else return undefined;
  }
  return v;
}

/** Sets (or, with `undefined`, deletes) the value at `p`; the parent must exist. */
export function setAt(root: Node, p: string, value: Node | undefined): void {
  const segs = parsePointer(p);
  const last = segs.pop();
  if (last === undefined) throw new Error('cannot set the root');
  const parent = getAt(root, pointer(segs));
  if (Array.isArray(parent)) {
    if (value === undefined) throw new Error(`cannot delete an array element: ${p}`);
    parent[Number(last)] = value;
  } else if (isObj(parent)) {
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  } else throw new Error(`no parent at ${p}`);
}

export function numAt(root: Node, p: string): Num {
  const v = getAt(root, p);
  if (!(v instanceof Num)) throw new Error(`no number at ${p}`);
  return v;
}

export function clone<T extends Node>(n: T): T {
  if (n instanceof Num) return n;
  if (Array.isArray(n)) return n.map((x) => clone(x)) as T;
  if (isObj(n)) {
    const o: Obj = {};
    for (const [k, v] of Object.entries(n)) if (v !== undefined) o[k] = clone(v);
    return o as T;
  }
  return n;
}

// ─── YAML ────────────────────────────────────────────────────────────────────────────────────────

/** Text that YAML reads back as the same string without quotes: Han text and a few safe marks. */
const PLAIN = /^[\p{Script=Han}“（][\p{Script=Han}A-Za-z0-9（）、。“”《》—]*$/u;

function yamlScalar(v: Scalar): string {
  if (v === null) return '~';
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Num) return v.text;
  return PLAIN.test(v) ? v : JSON.stringify(v);
}

function flowable(v: Node): boolean {
  if (isScalar(v)) return true;
  if (Array.isArray(v)) return v.every(isScalar);
  return Object.values(v).every((x) => x === undefined || isScalar(x));
}

function flow(v: Node): string {
  if (isScalar(v)) return yamlScalar(v);
  if (Array.isArray(v)) return `[${v.map((x) => flow(x)).join(', ')}]`;
  return `{${Object.entries(v)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${k}: ${flow(x!)}`)
    .join(', ')}}`;
}

function yamlBlock(v: Node, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isScalar(item) || flowable(item)) out.push(`${indent}- ${flow(item)}`);
      else if (Array.isArray(item)) {
        out.push(`${indent}-`);
        yamlBlock(item, indent + '  ', out);
      } else {
        const inner: string[] = [];
        yamlBlock(item, indent + '  ', inner);
        out.push(`${indent}- ${inner[0]!.slice(indent.length + 2)}`, ...inner.slice(1));
      }
    }
    return;
  }
  if (!isObj(v)) throw new Error('a block is a mapping or a sequence');
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if (isScalar(x)) out.push(`${indent}${k}: ${yamlScalar(x)}`);
    else if (Array.isArray(x) && (x.length === 0 || x.every(isScalar))) out.push(`${indent}${k}: ${flow(x)}`);
    else if (isObj(x) && flowable(x) && Object.keys(x).length <= 5 && k !== 'document') out.push(`${indent}${k}: ${flow(x)}`);
    else {
      out.push(`${indent}${k}:`);
      yamlBlock(x, indent + '  ', out);
    }
  }
}

export function toYaml(doc: Obj, header: string[] = []): string {
  const out: string[] = [...header.map((h) => `# ${h}`)];
  yamlBlock(doc, '', out);
  return out.join('\n') + '\n';
}

// ─── JSON ────────────────────────────────────────────────────────────────────────────────────────

function jsonValue(v: Node, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Num) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isScalar)) return `[${v.map((x) => jsonValue(x, inner)).join(', ')}]`;
    return `[\n${v.map((x) => inner + jsonValue(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${jsonValue(x!, inner)}`).join(',\n')}\n${indent}}`;
}

export function toJson(doc: Obj): string {
  return jsonValue(doc, '') + '\n';
}
