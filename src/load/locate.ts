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
 * A locator for `text`. Given the paths that will be asked for, it parses only the top-level sections
 * they lie in when the text is a plain block mapping (see sectionsOf): the position-keeping parse is
 * most of the cost of reporting, and a finding in `tables` needs nothing of `performance`.
 */
export function createLocator(text: string, paths?: readonly Path[]): Locator {
  const sections = paths && paths.length ? sectionsOf(text) : undefined;
  const heads = new Set(paths?.map((p) => p[0]));
  if (!sections || ![...heads].every((h) => typeof h === 'string' && sections.has(h))) return wholeLocator(text);
  const lines = new LineIndex(text);
  const pos = (offset: number) => {
    const p = lines.position(offset);
    return { line: p.line, col: p.column };
  };
  const parts = new Map<string, Locator>();
  for (const h of heads as Set<string>) {
    const { start, end } = sections.get(h)!;
    const doc = parseSection(text.slice(start, end));
    // a section that does not parse alone as `h: …` (a quoted string running across top-level lines): the whole, then
    if (!doc) return wholeLocator(text);
    parts.set(h, walker(doc, start, pos));
  }
  let whole: Locator | undefined;
  return (path, at) => (parts.get(path[0] as string) ?? (whole ??= wholeLocator(text)))(path, at);
}

function parseSection(text: string): Document.Parsed | undefined {
  const doc = parse(text);
  return doc.errors.length === 0 && isMap(doc.contents) && doc.contents.items.length === 1 ? doc : undefined;
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
      const m = /^([A-Za-z_$][\w$-]*):(?=[ \t\r\n]|$)/.exec(text.slice(start, end));
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
