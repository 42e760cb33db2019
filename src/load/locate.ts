/**
 * Data path → source range, the one place that knows about positions (as Spectral's document adapter).
 * Loaded lazily and run only for files that have something to report: the position-keeping parser
 * costs ten times the fast one. A path that does not exist falls back to its nearest existing parent.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Path } from '../engine/path.js';

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

export function createLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: false });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const toRange = (range: [number, number, number] | null | undefined, depth: number): Range => {
    const [start, end] = range ?? [0, 0];
    const a = pos(start);
    const b = pos(end);
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
