/**
 * The XML tree the OOXML readers walk: fast-xml-parser in preserveOrder mode, because a Word body is a
 * sequence (paragraph, table, paragraph…) whose order the plain object mode would lose.
 *
 * Namespace prefixes are dropped (w:p → p, r:id → id): producers do not all use the usual prefixes,
 * and no element we read has two meanings in two namespaces. Values stay strings: "0012" and
 * "1234.50" must reach the extractor as written, never through a JS number.
 */
import { XMLParser } from 'fast-xml-parser';

/** One element: `{ tag: children, ':@': { '@_attr': value } }`, or a text node `{ '#text': '…' }`. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // w:t with xml:space="preserve" keeps its spaces; whitespace between elements becomes text nodes we ignore
  trimValues: false,
  // numeric character references (&#20013;) are common in generated OOXML; XML's five entities are always decoded
  htmlEntities: true,
});

/** Parse a part; the parser's own limits on entity expansion stay in force (default processEntities). */
export function parseXml(text: string): XNode[] {
  // validate first: Word refuses broken XML, and a lenient parse would read a truncated part silently
  return parser.parse(text, true) as XNode[];
}

/** The element's tag (local name), or undefined for a text node. */
export function tagOf(n: XNode): string | undefined {
  for (const k in n) if (k !== ':@' && k !== '#text') return k;
  return undefined;
}

export function childrenOf(n: XNode): XNode[] {
  const t = tagOf(n);
  const c = t === undefined ? undefined : n[t];
  return Array.isArray(c) ? (c as XNode[]) : [];
}

export function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

/** The first child element with this tag. */
export function child(n: XNode, tag: string): XNode | undefined {
  return childrenOf(n).find((c) => tagOf(c) === tag);
}

export function childrenNamed(n: XNode, tag: string): XNode[] {
  return childrenOf(n).filter((c) => tagOf(c) === tag);
}

/** Follow a path of tags from a list of top-level nodes (the parser's result). */
export function pathIn(nodes: XNode[], ...tags: string[]): XNode | undefined {
  let list = nodes;
  let found: XNode | undefined;
  for (const t of tags) {
    found = list.find((c) => tagOf(c) === t);
    if (!found) return undefined;
    list = childrenOf(found);
  }
  return found;
}

/** All the text directly inside an element (its text nodes, not its descendants'). */
export function ownText(n: XNode): string {
  let s = '';
  for (const c of childrenOf(n)) if (typeof c['#text'] === 'string') s += c['#text'];
  return s;
}
