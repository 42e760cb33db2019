/**
 * Data path → source range, the one place that knows about positions (as Spectral's document adapter).
 * Loaded lazily and run only for files that have something to report: the position-keeping parser
 * costs ten times the fast one. A path that does not exist falls back to its nearest existing parent.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
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
 * A mapping's keys, indexed once: a file is located once per finding, and a file of many findings in a
 * wide mapping (200,000 unknown keys) would otherwise cost findings × keys. The first of duplicate keys wins.
 */
const keyIndex = new WeakMap<object, Map<string, Pair>>();
function keysOf(node: { items: Pair[] }): Map<string, Pair> {
  let index = keyIndex.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.items) {
      const k = pair.key;
      const name = isScalar(k) ? String(k.value) : String(k);
      if (!index.has(name)) index.set(name, pair);
    }
    keyIndex.set(node, index);
  }
  return index;
}

/**
 * A locator for `text`. Given the paths that will be asked for, it parses only the part of the text each
 * path lies in when the text is a plain block mapping: the position-keeping parse is most of the cost of
 * reporting, and a finding in the 4th table needs nothing of `performance`, nor of the other tables.
 * Each path is tried, narrowest first, in: the block item it goes into (see sliceOf), its top-level
 * section (see sectionsOf), the whole text; each part is parsed once, on first need.
 */
/**
 * Past this many findings the whole text is parsed once: finding a part scans its section's lines, so
 * parts pay for a few findings (the usual case) and would cost findings × section size for many.
 */
export const MAX_PARTED_PATHS = 64;

export function createLocator(text: string, paths?: readonly Path[]): Locator {
  const sections = paths && paths.length && paths.length <= MAX_PARTED_PATHS ? sectionsOf(text) : undefined;
  if (!sections) return wholeLocator(text);
  const lines = new LineIndex(text);
  const pos = (offset: number) => {
    const p = lines.position(offset);
    return { line: p.line, col: p.column };
  };
  let whole: Locator | undefined;
  const wholeOnce = () => (whole ??= wholeLocator(text));
  // parsed parts by start offset; null: the part does not parse alone and is not to be tried again
  const parts = new Map<number, Locator | null>();
  const part = (start: number, end: number, check: (doc: Document.Parsed) => boolean): Locator | null => {
    let locator = parts.get(start);
    if (locator === undefined) {
      const doc = parse(text.slice(start, end));
      locator = doc.errors.length === 0 && check(doc) ? walker(doc, start, pos) : null;
      parts.set(start, locator);
    }
    return locator;
  };
  return (path, at) => {
    const head = path[0];
    const section = typeof head === 'string' ? sections.get(head) : undefined;
    if (!section) return wholeOnce()(path, at);
    const slice = path.length > 1 ? sliceOf(text, section, path) : undefined;
    if (slice) {
      const single = slice.seg;
      const item = part(slice.start, slice.end, (doc) => isSingle(doc, single));
      if (item) {
        // the part is a one-item collection standing for path[0 … depth-1]: walk the rest from its item
        const r = item([typeof single === 'number' ? 0 : single, ...path.slice(slice.depth)], at);
        return { ...r, resolvedDepth: r.resolvedDepth + slice.depth - 1 };
      }
    }
    // a section that does not parse alone as `h: …` (a quoted string running across top-level lines): the whole, then
    const own = part(section.start, section.end, (doc) => isSingle(doc, head as string));
    return (own ?? wholeOnce())(path, at);
  };
}

/** A part parsed alone is the one item it was cut as: `- …` (seg a number), or `seg: …`. */
function isSingle(doc: Document.Parsed, seg: string | number): boolean {
  const c = doc.contents;
  if (typeof seg === 'number') return isSeq(c) && c.items.length === 1;
  if (!isMap(c) || c.items.length !== 1) return false;
  const k = c.items[0]!.key;
  return isScalar(k) && k.value === seg;
}

/**
 * The lines of the block item `path` goes into, below its section: a section or mapping child whose key
 * line holds nothing else (`tables:`, `  projects:`) is a block collection whose children all begin on
 * lines at one indent n (`- ` items, or plain `key:` lines), every other line of it being blank or
 * indented deeper; the position-keeping parser ends every node of a child at the next line at indent n
 * (it ends even an unclosed quote or bracket there, with an error), so a child's lines, from its line to
 * the next child's, parse alone as in the whole, which the caller checks (no error, one item). Mapping
 * children are followed down while the key line holds nothing else; a sequence item is where it stops.
 * Anything else (tabs, comments before the first child or at indent less than n, `]`/`}` at indent n, `? ` keys, quoted or duplicate keys,
 * keys the parser would read as null or booleans, a path past the items): undefined, and the section is used.
 */
function sliceOf(
  text: string,
  section: { start: number; end: number },
  path: Path,
): { start: number; end: number; depth: number; seg: string | number } | undefined {
  let found: { start: number; end: number; depth: number; seg: string | number } | undefined;
  let { start, end } = section;
  for (let depth = 1; depth < path.length; depth++) {
    const child = childOf(text, start, end, path[depth]!);
    if (!child) break;
    found = { ...child, depth: depth + 1, seg: path[depth]! };
    if (child.leaf) break;
    ({ start, end } = child);
  }
  return found;
}

const KEY_LINE = /^([A-Za-z_$][\w$-]*):(?:[ \t]+(#.*)?)?\r?$/;
const KEY = /^([A-Za-z_$][\w$-]*):(?=[ \t\r\n]|$)/;
const NOT_A_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** The child `seg` of the block collection whose key line starts at `start` (see sliceOf); `leaf`: not to be followed further. */
function childOf(
  text: string,
  start: number,
  end: number,
  seg: string | number,
): { start: number; end: number; leaf: boolean } | undefined {
  const first = text.indexOf('\n', start);
  if (first < 0 || first >= end) return undefined;
  const parentIndent = lead(text, start);
  if (!KEY_LINE.test(text.slice(start + parentIndent, first))) return undefined;
  let indent = -1;
  let seq = false;
  let count = 0;
  let hit: { start: number; end: number; leaf: boolean } | undefined;
  const names = new Set<string>();
  for (let at = first + 1; at < end; ) {
    const nl = text.indexOf('\n', at);
    const next = nl < 0 || nl >= end ? end : nl + 1;
    const sp = lead(text, at);
    const c = text[at + sp];
    if (c === '\t') return undefined;
    if (c === undefined || c === '\n' || c === '\r' || at + sp >= next) {
      at = next;
      continue;
    }
    if (indent < 0) {
      if (c === '#' || sp <= parentIndent) return undefined;
      indent = sp;
      seq = c === '-';
    }
    if (sp < indent) return undefined;
    if (sp === indent && c !== '#') {
      // a child starts here: the one before, if it is the one looked for, ends here
      const line = text.slice(at + sp, next);
      const m = seq ? /^-(?:[ ]|\r?\n|\r?$)/.exec(line) : KEY.exec(line);
      if (!m) return undefined;
      if (hit) {
        hit.end = at;
        return hit;
      }
      if (seq) {
        if (count++ === seg) hit = { start: at, end, leaf: true };
      } else {
        if (names.has(m[1]!) || NOT_A_STRING_KEY.test(m[1]!)) return undefined;
        names.add(m[1]!);
        if (m[1] === seg) hit = { start: at, end, leaf: !KEY_LINE.test(line.replace(/\n$/, '')) };
      }
    }
    at = next;
  }
  return hit;
}

/** The number of spaces a line starts with. */
function lead(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 32) i++;
  return i - at;
}

/**
 * A document whose every line at column 0 is a plain `key:`, a comment or blank is a block mapping whose
 * sections parse alone exactly as in the whole: each section's text, from its key's line to the next key's,
 * → its offsets. Anything else (JSON, flow or quoted top-level keys, `---`, anchors and aliases that may
 * reach across sections, tags, lone CR line ends, duplicate keys): undefined, and the whole text is parsed.
 */
function sectionsOf(text: string): Map<string, { start: number; end: number }> | undefined {
  // an anchor, alias or tag starts a node: after a line start, a space, `[`, `{`, `,` or `:` (7*24 in a text is none)
  if (/(?:^|[\s[{,:])[&*!]|\r(?!\n)/.test(text)) return undefined;
  const out = new Map<string, { start: number; end: number }>();
  let last: { start: number; end: number } | undefined;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const c = text[start]!;
    if (c !== ' ' && c !== '\t' && c !== '#' && c !== '\n' && c !== '\r') {
      const m = KEY.exec(text.slice(start, end));
      if (!m || out.has(m[1]!)) return undefined;
      if (last) last.end = start;
      last = { start, end: text.length };
      out.set(m[1]!, last);
    }
    start = end;
  }
  return out.size ? out : undefined;
}

function wholeLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  return walker(parse(text, lineCounter), 0, (offset) => lineCounter.linePos(offset));
}

function parse(text: string, lineCounter?: LineCounter): Document.Parsed {
  return parseDocument(text, { ...(lineCounter ? { lineCounter } : {}), uniqueKeys: false, prettyErrors: false, strict: false });
}

/** Walks paths down a parsed document found at `base` in the file; `pos` turns a file offset into line and column. */
function walker(doc: Document.Parsed, base: number, pos: (offset: number) => { line: number; col: number }): Locator {
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
        const pair = keysOf(node).get(String(seg));
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
