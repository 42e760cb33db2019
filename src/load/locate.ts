/**
 * Data path → source range, the one place that knows about positions (as Spectral's document adapter).
 * Loaded lazily and run only for files that have something to report: the position-keeping parser
 * costs ten times the fast one, so most places are read off the lines of the text, as it would place
 * them, and it parses only what cannot be. A path that does not exist falls back to its nearest existing parent.
 */
import type * as YamlModule from 'yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { Path } from '../engine/path.js';
import { LineIndex } from './line-index.js';

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** how much of the path was found in the source */
  resolvedDepth: number;
}

export type Locator = (path: Path, at?: 'value' | 'key') => Range;

/**
 * The position-keeping parser, imported only when a place cannot be read off its line (most can): a run
 * that reports something then does not pay for loading it (~30 ms, a pre-commit hook's start-up).
 */
let yaml: typeof YamlModule | undefined;
class NeedsParser extends Error {}
function Y(): typeof YamlModule {
  if (!yaml) throw new NeedsParser('the yaml parser is not loaded: use locatorFor, or loadParser first');
  return yaml;
}

/** Whether the parser has been loaded (for tests). */
export const parserLoaded = (): boolean => yaml !== undefined;

/** Loads the position-keeping parser, after which createLocator can place anything. */
export async function loadParser(): Promise<void> {
  // a CommonJS package: Node gives its exports named, a bundle may give them as `default`
  const m = (await import('yaml')) as typeof YamlModule & { default?: typeof YamlModule };
  yaml ??= typeof m.parseDocument === 'function' ? m : m.default!;
}

/**
 * A locator for `paths` in `text`, loading the parser only if one of them needs it: each path is placed
 * (value and key) once here, from the text's lines when it can be; the first that needs the parser loads it
 * and a fresh locator is made (the first may hold parts tried without it).
 */
export async function locatorFor(text: string, paths: readonly Path[]): Promise<Locator> {
  if (!yaml) {
    try {
      const probe = createLocator(text, paths);
      for (const p of paths) {
        probe(p, 'value');
        probe(p, 'key');
      }
      return probe;
    } catch (e) {
      if (!(e instanceof NeedsParser)) throw e;
    }
    await loadParser();
  }
  return createLocator(text, paths);
}

/**
 * A mapping's keys, indexed once per parse (`keyIndex` is its walker's): a file is located once per finding,
 * and a file of many findings in a wide mapping (200,000 unknown keys) would otherwise cost findings × keys.
 * The first of duplicate keys wins.
 */
function keysOf(keyIndex: Map<object, Map<string, Pair>>, node: { items: Pair[] }): Map<string, Pair> {
  let index = keyIndex.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.items) {
      const k = pair.key;
      const name = Y().isScalar(k) ? String(k.value) : String(k);
      if (!index.has(name)) index.set(name, pair);
    }
    keyIndex.set(node, index);
  }
  return index;
}

/**
 * What parsing parts may cost before the whole text is parsed instead, as a multiple of the text's length:
 * findings in many parts (20,000 unknown keys in as many items) then cost one whole parse more, not one part each.
 */
const PART_BUDGET = 1;
/** A part's fixed cost in characters of text (a parse of a one-line part, run many times, costs about as much as 40). */
const PART_COST = 64;

export interface LocatorOptions {
  /** characters of parts to parse before the whole text is parsed instead (default: the text's length) */
  partBudget?: number;
}

/**
 * A locator for `text`. Given the paths that will be asked for (or any), it places them by the block
 * structure alone where it can, as the whole-document parse would: the position-keeping parse is most
 * of the cost of reporting, and a finding in the 4th table needs nothing of `performance`.
 * A path is followed down the block collections its text is cut into by indentation (see childrenOf):
 * ending at a value on its key's (or `-`'s) line, or at an item of a flow collection there, its place is
 * read off the line (see lineValue); otherwise the narrowest part it reaches that parses alone as the one
 * item it was cut as is parsed (once, on first need), then wider ones, then the whole text. Each
 * collection's children are found by one scan of its lines, so a path costs its depth in lookups however
 * many findings a collection holds; parts parsed are bounded by `partBudget`, past which the whole text
 * is parsed once.
 */
export function createLocator(text: string, paths?: readonly Path[], options: LocatorOptions = {}): Locator {
  if (!paths || !paths.length || startsANode(text)) return lazyWhole(text);
  const lines = new LineIndex(text);
  const root = rootOf(lines);
  if (!root) return lazyWhole(text);
  const pos = (offset: number) => {
    const p = lines.position(offset);
    return { line: p.line, col: p.column };
  };
  let whole: Locator | undefined;
  const wholeOnce = () => (whole ??= wholeLocator(text));
  let budget = options.partBudget ?? PART_BUDGET * text.length;
  // parsed parts by start offset; null: the part does not parse alone and is not to be tried again
  const parts = new Map<number, Locator | null>();
  const part = (child: Child, seg: string | number): Locator | null | undefined => {
    let locator = parts.get(child.start);
    if (locator === undefined) {
      if (budget < 0) return undefined;
      budget -= child.end - child.start + PART_COST;
      // up to the token that ends it in the whole (the next line's first): an empty value last in a mapping runs to it
      const doc = parse(text.slice(child.start, child.end + lead(text, child.end)));
      locator = doc.errors.length === 0 && isSingle(doc, seg) ? walker(doc, child.start, pos) : null;
      parts.set(child.start, locator);
    }
    return locator;
  };
  const range = (r: Span, depth: number): Range => {
    const a = lines.position(r[0]);
    const b = lines.position(r[1]);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, resolvedDepth: depth };
  };
  return (path, at = 'value') => {
    const steps = stepsOf(lines, root, path);
    const last = steps[steps.length - 1];
    const read = last && !last.child.inner ? lineValue(text, last.child, typeof last.seg === 'number') : null;
    if (read) return readRange(read, last!.depth, path, at, range);
    for (let i = steps.length - 1; i >= 0; i--) {
      const { child, depth, seg } = steps[i]!;
      if (child.inline) continue;
      const item = part(child, seg);
      if (item === undefined) break;
      if (item) {
        // the part is a one-item collection standing for path[0 … depth-1]: walk the rest from its item
        const r = item([typeof seg === 'number' ? 0 : seg, ...path.slice(depth)], at);
        return { ...r, resolvedDepth: r.resolvedDepth + depth - 1 };
      }
    }
    return wholeOnce()(path, at);
  };
}

/**
 * A path's place from what its line holds, at `depth` on it, as walker has it: the item of a flow collection
 * it goes into (whose items are scalars, so that a path past one is placed at it), else the value, a
 * collection placed from its key.
 */
function readRange(read: LineValue, depth: number, path: Path, at: 'value' | 'key', range: (r: Span, depth: number) => Range): Range {
  const seg = path[depth];
  const item = depth < path.length && typeof seg === 'number' ? read.items?.[seg] : undefined;
  if (item) return range(item, depth + 1);
  const pair = depth < path.length ? read.pairs?.get(String(seg)) : undefined;
  if (pair) return range(at === 'key' && depth + 1 === path.length ? pair.key : pair.value, depth + 1);
  if (read.key && at === 'key' && depth === path.length) return range(read.key, depth);
  return range(read.key && (read.items || read.pairs) ? [read.key[0], read.value[1]] : read.value, depth);
}

/** A part parsed alone is the one item it was cut as: `- …` (seg a number), or `seg: …`. */
function isSingle(doc: Document.Parsed, seg: string | number): boolean {
  const c = doc.contents;
  const { isMap, isScalar, isSeq } = Y();
  if (typeof seg === 'number') return isSeq(c) && c.items.length === 1;
  if (!isMap(c) || c.items.length !== 1) return false;
  const k = c.items[0]!.key;
  return isScalar(k) && k.value === seg;
}

/**
 * One child of a block collection: its text, from its line (from its key, for the first key of a `- key:`
 * item) to the next child's line, parses alone as in the whole (see childrenOf).
 */
interface Child {
  start: number;
  end: number;
  /** the 0-based numbers of its first line and of the line its text ends before */
  line: number;
  endLine: number;
  /** where its key (or its `-`) is */
  at: number;
  /** the first key of a `- key:` item, on the item's line: its text does not parse alone */
  inline: boolean;
  /** a block collection to follow further: below a line holding only `key:`, or a `- key:` item's mapping */
  inner?: 'under' | 'item';
  /** its children, once looked for (null: none can be cut) */
  children?: Children | null;
  /** its value read off its line, once looked for (null: it cannot be) */
  value?: LineValue | null;
}

type Children = Map<string | number, Child>;

/** The children a path goes through, from its top-level section down, as far as they can be cut. */
function stepsOf(lines: LineIndex, root: Children, path: Path): { child: Child; depth: number; seg: string | number }[] {
  const steps: { child: Child; depth: number; seg: string | number }[] = [];
  let children: Children | null = root;
  for (let depth = 0; depth < path.length && children; depth++) {
    const seg = path[depth]!;
    const child = children.get(seg);
    if (!child) break;
    steps.push({ child, depth: depth + 1, seg });
    if (child.inner && child.children === undefined) child.children = childrenOf(lines, child);
    children = child.children ?? null;
  }
  return steps;
}

const KEY_LINE = /^([A-Za-z_$][\w$-]*):(?:[ \t]+(#.*)?)?\r?$/;
const KEY = /^([A-Za-z_$][\w$-]*):(?=[ \t\r\n]|$)/;
const ITEM = /^-(?:[ ]|\r?\n|\r?$)/;
const COMPACT_ITEM = /^- ([A-Za-z_$][\w$-]*):(?=[ \t\r\n]|$)/;
const NOT_A_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * The children of a block collection, each of which parses alone as in the whole: below a line holding
 * only `key:` (`tables:`, `  projects:`), the children all begin on lines at one indent n (`- ` items, or
 * plain `key:` lines), every other line being blank, a comment (at any indent), or indented deeper; in a
 * `- key: …` item, the first key is on the item's line and the others begin lines at its column. The
 * position-keeping parser ends every node of a child at the next line at indent n (it ends even an unclosed
 * quote or bracket there, with an error), so a child's lines, from its line to the next child's, parse alone
 * as in the whole, which the caller checks (no error, one item). A `key:` line is followed further, and so
 * is a `- key:` item. The scan stops, keeping the children before, at anything else: tabs, a line at indent
 * less than n, `]`/`}` at indent n, `? ` keys, quoted or duplicate keys, keys the parser would read as null
 * or booleans; the first key of a `- key:` item, on the item's line, is placed off its line or by its item.
 */
function childrenOf(lines: LineIndex, parent: Child): Children | null {
  const { text, starts } = lines;
  const { indents, firsts } = lines.layout;
  const children: Children = new Map();
  const names = new Set<string>();
  const parentIndent = indents[parent.line]!;
  let indent = -1;
  let seq = false;
  let count = 0;
  let pending: { seg: string | number; child: Child } | undefined;
  const start = (seg: string | number, from: number, at: number, line: number, text: string, inline: boolean) => {
    const child: Child = { start: from, end: parent.end, line, endLine: parent.endLine, at, inline };
    if (!inline) {
      if (seq) {
        const m = COMPACT_ITEM.exec(text);
        if (m && !NOT_A_STRING_KEY.test(m[1]!)) child.inner = 'item';
      } else if (KEY_LINE.test(text.replace(/\n$/, ''))) child.inner = 'under';
    }
    pending = { seg, child };
  };
  if (parent.inner === 'item') {
    // `- key: …`: the mapping's first key is on this line, the others at its column
    indent = parentIndent + 2;
    const key = KEY.exec(text.slice(parent.at + 2, starts[parent.line + 1] ?? text.length))![1]!;
    names.add(key);
    start(key, parent.at + 2, parent.at + 2, parent.line, '', true);
  }
  for (let i = parent.line + 1; i < parent.endLine; i++) {
    const c = firsts[i]!;
    if (c === TAB) return done(children);
    // blank, or a comment: at any indent, a comment ends no collection (the position-keeping parser keeps it with the items around it)
    if (c < 0 || c === LF || c === CR || c === HASH) continue;
    const sp = indents[i]!;
    if (indent < 0) {
      if (sp <= parentIndent) return done(children);
      indent = sp;
      seq = c === DASH;
    }
    if (sp < indent) return done(children);
    if (sp > indent) continue;
    // a child starts here: the one before ends here
    const from = starts[i]!;
    const line = text.slice(from + sp, starts[i + 1] ?? text.length);
    const m = seq ? ITEM.exec(line) : KEY.exec(line);
    if (!m) return done(children);
    if (pending) {
      pending.child.end = from;
      pending.child.endLine = i;
      children.set(pending.seg, pending.child);
      pending = undefined;
    }
    if (seq) start(count++, from, from + sp, i, line, false);
    else {
      if (names.has(m[1]!) || NOT_A_STRING_KEY.test(m[1]!)) return done(children);
      names.add(m[1]!);
      start(m[1]!, from, from + sp, i, line, false);
    }
  }
  if (pending) children.set(pending.seg, pending.child);
  return done(children);
}

const [TAB, LF, CR, HASH, DASH] = [9, 10, 13, 35, 45];

function done(children: Children): Children | null {
  return children.size ? children : null;
}

/** The number of spaces a line starts with. */
function lead(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 32) i++;
  return i - at;
}

/**
 * A document whose every line at column 0 is a plain `key:`, a comment or blank is a block mapping whose
 * sections parse alone exactly as in the whole: its sections, from a key's line to the next key's, as the
 * top-level children. Anything else (JSON, flow or quoted top-level keys, `---`, lone CR line ends,
 * duplicate keys): undefined, and the whole text is parsed.
 */
function rootOf(lines: LineIndex): Children | undefined {
  const { text, starts } = lines;
  const { indents, firsts } = lines.layout;
  const out: Children = new Map();
  let last: Child | undefined;
  for (let i = 0; i < starts.length; i++) {
    const c = firsts[i]!;
    if (indents[i]! > 0 || c < 0 || c === TAB || c === HASH || c === LF || c === CR) continue;
    const start = starts[i]!;
    const line = text.slice(start, starts[i + 1] ?? text.length);
    const m = KEY.exec(line);
    if (!m || out.has(m[1]!)) return undefined;
    if (last) {
      last.end = start;
      last.endLine = i;
    }
    last = { start, end: text.length, line: i, endLine: starts.length, at: start, inline: false, ...(KEY_LINE.test(line.replace(/\n$/, '')) ? { inner: 'under' as const } : {}) };
    out.set(m[1]!, last);
  }
  return out.size ? out : undefined;
}

/**
 * Whether an anchor, alias or tag may start a node, which may reach across sections: a `&`, `*` or `!` after
 * a line start, a space, `[`, `{`, `,` or `:` (7*24 in a text is none); or whether a lone CR ends a line.
 */
function startsANode(text: string): boolean {
  for (const c of ['&', '*', '!']) {
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) if (i === 0 || /[\s[{,:]/.test(text[i - 1]!)) return true;
  }
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) return true;
  return false;
}

// What a value on its key's (or its `-`'s) line may be to be read off the text, as the position-keeping parser
// reads it: a plain scalar of no `#` or `:` (nor, in a flow collection, `,[]{}`), a quoted one of no escapes or
// quotes, a flow sequence of those or flow mapping of plain keys to those, or a block scalar's header (no
// indentation indicator). Anything else (control characters, tabs or non-ASCII spaces inside): not read.
const CTL = '\\x00-\\x1f\\x7f-\\x9f';
const SAFE = `[^\\s#:${CTL}]`;
const FLOW_SAFE = `[^\\s#:,[\\]{}${CTL}]`;
const first = (safe: string) => `(?:[^\\s\\-?:,[\\]{}#&*!|>'"%@\`${CTL}]|[-?](?=${safe}))`;
const QUOTED = `"[^"\\\\${CTL}]*"|'[^'${CTL}]*'`;
const PLAIN = `${first(SAFE)}${SAFE}*(?: +${SAFE}+)*`;
const FLOW_ITEM = `${QUOTED}|${first(FLOW_SAFE)}${FLOW_SAFE}*(?: +${FLOW_SAFE}+)*`;
const FLOW_SEQ = `\\[ *(?:(?:${FLOW_ITEM}) *(?:, *(?:${FLOW_ITEM}) *)*(?:, *)?)?\\]`;
const FLOW_PAIR = `[A-Za-z_$][\\w$-]*: +(?:${FLOW_ITEM})`;
const FLOW_MAP = `\\{ *(?:${FLOW_PAIR} *(?:, *${FLOW_PAIR} *)*(?:, *)?)?\\}`;
const BLOCK_HEADER = '[|>][-+]?';
const VALUE = `(${QUOTED}|${PLAIN}|${FLOW_SEQ}|${FLOW_MAP}|${BLOCK_HEADER})(?:[ \\t]+(?:#.*)?)?\\r?$`;
const KEY_VALUE_LINE = new RegExp(`^([A-Za-z_$][\\w$-]*): +${VALUE}`);
const ITEM_VALUE_LINE = new RegExp(`^- +${VALUE}`);
const FLOW_ITEM_AT = new RegExp(`(?:${FLOW_ITEM})`, 'y');
const FLOW_KEY_AT = /([A-Za-z_$][\w$-]*): +/y;
const BLANK_OR_COMMENT = /^ *(?:#.*)?\r?$/;

type Span = readonly [number, number];

/** Ranges read off a child's line, as offsets in the text: `items`, a flow sequence's; `pairs`, a flow mapping's (the first of a key). */
interface LineValue {
  key?: Span;
  value: Span;
  items?: Span[];
  pairs?: Map<string, { key: Span; value: Span }>;
}

/**
 * The ranges of a child whose value is read off its line (see VALUE): a scalar or flow collection with only
 * blank or comment lines after it in the child's text (else a plain scalar may go on), or a block scalar
 * whose every later line is its content (then it runs to the child's end, as the whole parse has it).
 * Otherwise null, and the child is parsed.
 */
function lineValue(text: string, child: Child, item: boolean): LineValue | null {
  if (child.value === undefined) child.value = readLine(text, child, item);
  return child.value;
}

function readLine(text: string, child: Child, item: boolean): LineValue | null {
  const nl = text.indexOf('\n', child.at);
  const next = nl < 0 || nl >= child.end ? child.end : nl + 1;
  const line = text.slice(child.at, next).replace(/\n$/, '');
  const m = (item ? ITEM_VALUE_LINE : KEY_VALUE_LINE).exec(line);
  if (!m) return null;
  const raw = m[item ? 1 : 2]!;
  const from = child.at + m[0].indexOf(raw, item ? 1 : m[1]!.length + 1);
  const key = item ? undefined : ([child.at, child.at + m[1]!.length] as const);
  const c = raw[0];
  if (c === '|' || c === '>') {
    const end = blockScalarEnd(text, next, child.end, child.at - text.lastIndexOf('\n', child.at - 1) - 1);
    return end === undefined ? null : { ...(key ? { key } : {}), value: [from, end] };
  }
  for (let at = next; at < child.end; ) {
    const e = text.indexOf('\n', at);
    const to = e < 0 || e >= child.end ? child.end : e + 1;
    if (!BLANK_OR_COMMENT.test(text.slice(at, to).replace(/\n$/, ''))) return null;
    at = to;
  }
  const value = [from, from + raw.length] as const;
  if (c !== '[' && c !== '{') return { ...(key ? { key } : {}), value };
  const items: Span[] = [];
  const pairs = new Map<string, { key: Span; value: Span }>();
  for (let i = 1; ; ) {
    while (raw[i] === ' ') i++;
    if (raw[i] === ']' || raw[i] === '}') break;
    let name: RegExpExecArray | null = null;
    if (c === '{') {
      FLOW_KEY_AT.lastIndex = i;
      name = FLOW_KEY_AT.exec(raw)!;
      // the parser reads these keys as null or booleans, which a path does not name as written
      if (NOT_A_STRING_KEY.test(name[1]!)) return null;
      i += name[0].length;
    }
    FLOW_ITEM_AT.lastIndex = i;
    const item = FLOW_ITEM_AT.exec(raw)!;
    const span = [from + i, from + i + item[0].length] as const;
    if (!name) items.push(span);
    else if (!pairs.has(name[1]!)) pairs.set(name[1]!, { key: [from + name.index, from + name.index + name[1]!.length], value: span });
    i += item[0].length;
    while (raw[i] === ' ') i++;
    if (raw[i] === ',') i++;
  }
  return { ...(key ? { key } : {}), value, ...(c === '[' ? { items } : { pairs }) };
}

/**
 * Where a block scalar whose header ends at `at` ends, when every line from there to `end` is its content:
 * indented past its key's (or `-`'s) column `col`, none less than the first, and none but empty ones blank
 * (the last not even that, for the parser ends a scalar before its trailing blank lines, or keeps them).
 */
function blockScalarEnd(text: string, at: number, end: number, col: number): number | undefined {
  let indent = -1;
  let blank = true;
  for (let i = at; i < end; ) {
    const e = text.indexOf('\n', i);
    const to = e < 0 || e >= end ? end : e + 1;
    const sp = lead(text, i);
    const c = text.charCodeAt(i + sp);
    blank = i + sp >= to || c === LF || c === CR;
    if (blank) {
      if (sp > 0 || indent < 0) return undefined;
    } else {
      if (indent < 0) indent = sp;
      if (sp <= col || sp < indent) return undefined;
    }
    i = to;
  }
  return indent < 0 || blank ? undefined : end;
}

/** The whole-text locator, parsed on the first place asked for: a run asked for none (no findings) loads no parser. */
function lazyWhole(text: string): Locator {
  let whole: Locator | undefined;
  return (path, at) => (whole ??= wholeLocator(text))(path, at);
}

function wholeLocator(text: string): Locator {
  const lineCounter = new (Y().LineCounter)();
  return walker(parse(text, lineCounter), 0, (offset) => lineCounter.linePos(offset));
}

function parse(text: string, lineCounter?: LineCounter): Document.Parsed {
  return Y().parseDocument(text, { ...(lineCounter ? { lineCounter } : {}), uniqueKeys: false, prettyErrors: false, strict: false });
}

/** Walks paths down a parsed document found at `base` in the file; `pos` turns a file offset into line and column. */
function walker(doc: Document.Parsed, base: number, pos: (offset: number) => { line: number; col: number }): Locator {
  const { isAlias, isMap, isSeq } = Y();
  // lives as long as this parse's walker, which is all that reads it
  const keyIndex = new Map<object, Map<string, Pair>>();
  const toRange = (range: [number, number, number] | null | undefined, depth: number): Range => {
    const [start, end] = range ?? [0, 0];
    const a = pos(base + start);
    const b = pos(base + end);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, resolvedDepth: depth };
  };

  return (path, at = 'value') => {
    let node: unknown = doc.contents;
    let key: Node | undefined;
    let depth = 0;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let nextKey: Node | undefined;
      if (isMap(node)) {
        const pair = keysOf(keyIndex, node).get(String(seg));
        if (pair) {
          next = pair.value ?? pair.key;
          nextKey = pair.key as Node;
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
      }
      if (next === undefined) break;
      node = next;
      key = nextKey;
      depth++;
    }
    const found = depth === path.length;
    if (at === 'key' && found && key) return toRange(key.range, depth);
    const value = node as Node | null;
    // A collection starts on the line after its key: point at the key, where a reader (and a directive) looks.
    if (key?.range && value?.range && (isMap(value) || isSeq(value))) {
      return toRange([key.range[0], value.range[1], value.range[2]], depth);
    }
    return toRange(value?.range, depth);
  };
}
