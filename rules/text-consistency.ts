/**
 * The document's words against themselves: the department's name misspelled (回放 for 回族), a recurring
 * term misspelled where it recurs (两回 for 两会, 现行时长价格 for 现行市场价格), and template text left in.
 *
 * Chinese has no spaces, so there are no words to look up: a slip is a short stretch of text that is one
 * character (two for long glossary terms) away from a term the document uses elsewhere IN THE SAME
 * SURROUNDINGS. "暑期、两回安保" next to "暑期、两会安保" is a slip; "村民" next to "居民" in different
 * sentences is two words. Precision first: a finding must be a real slip.
 *
 * Cost: this rule reads every string of the document, so it is written to be cheap. Documents repeat their
 * texts a lot (table rows, indicator names), so each distinct text is examined once and what it gives is
 * reported at every place it is written; a stretch's count is the number of places in all. The cheap tests
 * (characters, counts) come before the dear ones (surroundings), and the word lists' structures are built once
 * per process.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { Path } from '../src/engine/path.js';
import { defineRule } from '../src/engine/rule.js';
import type { Lexicons } from '../src/model/lexicons.js';
import { editDistance } from '../src/text/distance.js';

const Options = z.strictObject({
  /** the most edits a spelling of the department's name may be away from document.department and be a slip */
  nameEdits: z.number().int().min(1).max(3).default(1),
  /** pairs of real words one character apart, never a slip of each other ("a/b") */
  nearWords: z.array(z.string().regex(/^[^/]+\/[^/]+$/)).default(['数量/质量', '时效/实效', '单价/均价', '回族/回民', '产出/支出', '收入/支出', '上年/本年', '上年/下年', '年初/年末', '村民/居民', '县级/镇级', '省级/市级', '小计/合计', '总计/合计', '时长/时间', '及/和', '和/与', '及/与', '或/及']),
  /** document-vocabulary slips: how many characters of identical surroundings (both sides together) the two places must share */
  minContext: z.number().int().min(2).default(6),
});

/**
 * The non-blank strings of the model, in document order, and where each is written. A place is a node of a
 * tree of (parent node, key) pairs, one per container and string: a path is built only for a finding
 * (pathOf), not copied for each of the thousands of strings a document has.
 */
interface Texts {
  text: string[];
  /** the node of each text */
  node: number[];
  /** per node: its parent node (-1: the document itself) and its key there */
  parent: number[];
  key: (string | number)[];
}

/** Keys of `document` that are not prose: the department is checked against, not checked. */
const NOT_PROSE = new Set(['source', 'kind', 'unit', 'department']);

/** Every non-blank string of the model with its place, but $schema and NOT_PROSE; numbers (stated figures) are not text. */
function textsOf(doc: object): Texts {
  const out: Texts = { text: [], node: [], parent: [], key: [] };
  const { parent, key } = out;
  /** v is at node `self`; its child at key k, a node of its own if it is a string or a container */
  const child = (self: number, k: string | number, v: unknown): void => {
    if (typeof v === 'string') {
      if (v.trim() === '') return;
      out.text.push(v);
      out.node.push(parent.length);
      parent.push(self);
      key.push(k);
    } else if (v !== null && typeof v === 'object') {
      parent.push(self);
      key.push(k);
      walk(v, parent.length - 1);
    }
  };
  const walk = (v: object, self: number): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) child(self, i, v[i]);
    } else if (!(v instanceof Decimal) && !('value' in v && (v as { value: unknown }).value instanceof Decimal)) {
      const inDocument = self >= 0 && parent[self] === -1 && key[self] === 'document';
      for (const k of Object.keys(v)) {
        if (self === -1 && k === '$schema') continue;
        if (inDocument && NOT_PROSE.has(k)) continue;
        child(self, k, (v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(doc, -1);
  return out;
}

/** The path of text t, for a finding. */
function pathOf(texts: Texts, t: number): Path {
  const path: (string | number)[] = [];
  for (let n = texts.node[t]!; n >= 0; n = texts.parent[n]!) path.push(texts.key[n]!);
  return path.reverse();
}

/** A text as written, once however many places write it (`ts`: the indexes of those places in the texts). */
interface Distinct {
  text: string;
  ts: number[];
}

function distinctOf(texts: readonly string[]): Distinct[] {
  const byText = new Map<string, Distinct>();
  texts.forEach((text, t) => {
    const d = byText.get(text);
    if (d) d.ts.push(t);
    else byText.set(text, { text, ts: [t] });
  });
  return [...byText.values()];
}

// Character classes of single UTF-16 code units, as the regular expressions say, remembered per code unit:
// the Unicode property test is slow and a document asks about the same few thousand characters again and again.
const HAN = /^\p{Script=Han}$/u;
const NUMERALS = new Set([...'一二三四五六七八九十百千万亿零两〇壹贰叁肆伍陆柒捌玖拾'].map((c) => c.charCodeAt(0)));
const SPACE = /\s/;
const KNOWN = 1;
const IS_HAN = 2;
const IS_NUMERAL = 4;
const IS_SPACE = 8;
const classes = new Uint8Array(0x10000);

function classOf(c: number): number {
  let k = classes[c]!;
  if (k === 0) {
    // one or two regular-expression tests a new character, not three: the numerals are all Han, white space is not
    const s = String.fromCharCode(c);
    k = KNOWN | (HAN.test(s) ? IS_HAN | (NUMERALS.has(c) ? IS_NUMERAL : 0) : SPACE.test(s) ? IS_SPACE : 0);
    classes[c] = k;
  }
  return k;
}
const isHan = (c: number) => (classOf(c) & IS_HAN) !== 0;
/**
 * Two or more Han characters in a row, each one UTF-16 code unit (as HAN tests them: a surrogate pair is not
 * Han here). Runs found by the regular expression rather than character by character in JavaScript: much
 * faster on a process's first document, before the rule's code is compiled.
 */
const HAN_RUN = /(?:(?=[\0-\uFFFF])\p{Script=Han}){2,}/gu;
const isSpace = (c: number) => (classOf(c) & IS_SPACE) !== 0;
/** a character a slip may change: Han, and not a numeral (一/二 are different numbers, not a slip) */
const isSlipChar = (c: number) => (classOf(c) & (IS_HAN | IS_NUMERAL)) === IS_HAN;

/** The word lists' structures, built once per lexicons object (once per process, in practice). */
interface Words {
  glossary: Set<string>;
  /** the glossary terms of 2 characters or more, with the edits each allows */
  terms: { v: string; bound: number }[];
  /**
   * Character → (term, offset k): the term has the character at k, for k up to the term's bound. A stretch at
   * most `bound` edits off a term agrees with it somewhere in its first bound + 1 characters, so only stretches
   * starting at a character of this index less k are compared.
   */
  starts: Map<number, { term: number; k: number }[]>;
  /** glossary terms past 4 characters, all Han: the only stretches that long that are counted */
  longTerms: string[];
  /** the first characters of the glossary terms of 3–4 characters */
  termHeads: Set<number>;
  /** placeholders, and whether each is Latin letters only ("XX", looked for outside Latin words) */
  placeholders: { p: string; latin: boolean }[];
  /** any placeholder at all: most texts have none, and one test says so */
  anyPlaceholder: RegExp | undefined;
}

const wordsCache = new WeakMap<Lexicons, Words>();

function wordsOf(lexicons: Lexicons): Words {
  let w = wordsCache.get(lexicons);
  if (!w) {
    const glossary = new Set(lexicons.glossary);
    const allHan = (g: string) => [...g].every((c) => c.length === 1 && isHan(c.charCodeAt(0)));
    const terms = [...glossary].filter((v) => v.length >= 2).map((v) => ({ v, bound: v.length <= 4 ? 1 : Math.floor(v.length / 3) }));
    const starts = new Map<number, { term: number; k: number }[]>();
    terms.forEach(({ v, bound }, term) => {
      for (let k = 0; k <= bound; k++) {
        const c = v.charCodeAt(k);
        const l = starts.get(c);
        if (l) l.push({ term, k });
        else starts.set(c, [{ term, k }]);
      }
    });
    w = {
      glossary,
      terms,
      starts,
      longTerms: [...glossary].filter((g) => g.length > 4 && allHan(g)),
      termHeads: new Set([...glossary].filter((g) => g.length === 3 || g.length === 4).map((g) => g.charCodeAt(0))),
      placeholders: lexicons.placeholders.filter((p) => p !== '').map((p) => ({ p, latin: /^[A-Za-z]+$/.test(p) })),
      anyPlaceholder: lexicons.placeholders.some((p) => p !== '')
        ? new RegExp(lexicons.placeholders.filter((p) => p !== '').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))
        : undefined,
    };
    wordsCache.set(lexicons, w);
  }
  return w;
}

/**
 * Near words both ways round ("数量/质量" → 数量→质量 and 质量→数量), indexed by each character of the first
 * word with its offset: a changed character at d can only lie in a near word written at d - offset. Built once
 * per options object.
 */
type NearIndex = Map<number, { p: string; q: string; o: number }[]>;
const nearCache = new WeakMap<readonly string[], NearIndex>();

function nearIndexOf(nearWords: readonly string[]): NearIndex {
  let index = nearCache.get(nearWords);
  if (!index) {
    index = new Map();
    for (const pair of nearWords) {
      const [x, y] = pair.split('/') as [string, string];
      for (const [p, q] of [
        [x, y],
        [y, x],
      ] as const) {
        for (let o = 0; o < p.length; o++) {
          const c = p.charCodeAt(o);
          const l = index.get(c);
          if (l) l.push({ p, q, o });
          else index.set(c, [{ p, q, o }]);
        }
      }
    }
    nearCache.set(nearWords, index);
  }
  return index;
}

/** Whether the changed characters (ds, ascending) all lie in a near word of w that v writes as its pair. */
function isNearWord(near: NearIndex, w: string, v: string, ds: readonly number[]): boolean {
  const first = ds[0]!;
  const last = ds[ds.length - 1]!;
  const hits = near.get(w.charCodeAt(first));
  if (!hits) return false;
  for (let h = 0; h < hits.length; h++) {
    const { p, q, o } = hits[h]!;
    const j = first - o;
    if (j >= 0 && last < j + p.length && j + p.length <= w.length && w.startsWith(p, j) && v.startsWith(q, j)) return true;
  }
  return false;
}

function around(text: string, i: number, n: number, pad = 8): string {
  const a = Math.max(0, i - pad);
  const b = Math.min(text.length, i + n + pad);
  return `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\s+/g, ' ')}${b < text.length ? '…' : ''}`;
}

/**
 * Added to a match length (at most 8) when both sides reach the edge of their text together, or a gap
 * (white space) in both: the surroundings then match as far as they go. Code 0 stands for "past the edge".
 */
const EDGE = 16;
const MATCH = 8;

/** How many characters before `i` in a and before `j` in b are equal, up to 8; + EDGE as above. */
function leftMatch(a: string, i: number, b: string, j: number): number {
  for (let k = 0; k < MATCH; k++) {
    const x = i - k - 1 >= 0 ? a.charCodeAt(i - k - 1) : 0;
    const y = j - k - 1 >= 0 ? b.charCodeAt(j - k - 1) : 0;
    if (x === 0 && y === 0) return k + EDGE;
    if (isSpace(x) && isSpace(y)) return k + EDGE; // a gap in a table row ends a cell
    if (x !== y) return k;
  }
  return MATCH;
}

/** How many characters from `i` in a and from `j` in b are equal, up to 8; + EDGE as above. */
function rightMatch(a: string, i: number, b: string, j: number): number {
  for (let k = 0; k < MATCH; k++) {
    const x = i + k < a.length ? a.charCodeAt(i + k) : 0;
    const y = j + k < b.length ? b.charCodeAt(j + k) : 0;
    if (x === 0 && y === 0) return k + EDGE;
    if (isSpace(x) && isSpace(y)) return k + EDGE; // a gap in a table row ends a cell
    if (x !== y) return k;
  }
  return MATCH;
}

/** Positions where two equal-length strings differ, or undefined when a differing character is not a Han non-numeral. */
function diffs(a: string, b: string): number[] | undefined {
  const out: number[] = [];
  for (let k = 0; k < a.length; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x === y) continue;
    if (!isSlipChar(x) || !isSlipChar(y)) return undefined;
    out.push(k);
  }
  return out;
}

/** The pair at i of text as one number: two UTF-16 code units. */
const pairKey = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

/** An Int32Array at least n long, keeping a's contents (grown by doubling). */
function room(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The stretches looked up and where each is written. A stretch is an id, numbered in order of its first
 * place (pairs first); per id, the number of places in all and its places (distinct text, offset) as a chain
 * through typed arrays, last place first: a document writes tens of thousands of Han pairs, and an object and
 * an array per stretch were most of this rule's garbage. Every use of a chain sums over all of it, so its
 * order is free.
 *
 * Pairs, most stretches by far, are keyed by their two code units as one number; stretches of 3 and 4
 * characters by the ids of two pairs that spell them (key3/key4), so reading a document slices no short
 * string per stretch written; the long glossary terms by text.
 */
class Stretches {
  readonly pairs = new Map<number, number>();
  readonly threes = new Map<number, number>();
  readonly fours = new Map<number, number>();
  readonly longer = new Map<string, number>();
  /** per pair id, its key: the pair's characters */
  readonly pairKeys: number[] = [];
  /** the number of pairs, once all are in: pair ids are below it, and it is the base of key3/key4 */
  P = 0;
  /** per id: places in all, and the last place (-1: none) */
  count: Int32Array;
  last: Int32Array;
  ids = 0;
  /** per place: distinct text, offset, and the same stretch's place before it (-1: none) */
  placeU: Int32Array;
  placeI: Int32Array;
  before: Int32Array;
  places = 0;

  /** `capacity`: the places expected, and a quarter as many stretches (both grown past it if need be) */
  constructor(capacity: number) {
    this.count = new Int32Array((capacity >> 2) + 64);
    this.last = new Int32Array((capacity >> 2) + 64);
    this.placeU = new Int32Array(capacity);
    this.placeI = new Int32Array(capacity);
    this.before = new Int32Array(capacity);
  }

  /** Adds a place of the stretch keyed g in m (a new id when g is new) written n times; returns the id. */
  add<K>(m: Map<K, number>, g: K, u: number, i: number, n: number): number {
    let id = m.get(g);
    if (id === undefined) {
      id = this.ids++;
      m.set(g, id);
      if (id === this.count.length) {
        this.count = room(this.count, id + 1);
        this.last = room(this.last, id + 1);
      }
      this.count[id] = 0;
      this.last[id] = -1;
    }
    const p = this.places++;
    if (p === this.placeU.length) {
      this.placeU = room(this.placeU, p + 1);
      this.placeI = room(this.placeI, p + 1);
      this.before = room(this.before, p + 1);
    }
    this.placeU[p] = u;
    this.placeI[p] = i;
    this.before[p] = this.last[id]!;
    this.last[id] = p;
    this.count[id] += n;
    return id;
  }

  /** 3 characters: the pairs at 0 and 1; 4 characters: the pairs at 0 and 2. Below 2^53 while P < 2^26. */
  key(a: number, b: number): number {
    return a * this.P + b;
  }

  /** The id of stretch g, -1 when it is not looked up. */
  idOf(g: string): number {
    if (g.length < 2) return -1;
    if (g.length === 2) return this.pairs.get(pairKey(g, 0)) ?? -1;
    if (g.length > 4) return this.longer.get(g) ?? -1;
    const a = this.pairs.get(pairKey(g, 0));
    const b = this.pairs.get(pairKey(g, g.length - 2));
    if (a === undefined || b === undefined) return -1;
    return (g.length === 3 ? this.threes : this.fours).get(this.key(a, b)) ?? -1;
  }
}

/** Per distinct text u, from base[u]: at each place i, the number of places of the pair at i in all, 0 for none. */
interface PairsAt {
  base: Int32Array;
  count: Int32Array;
}

/**
 * The stretches looked up, with their places: every pair of Han characters; the stretches of 3–4 Han
 * characters that may be written twice or more (every pair in them is) or are glossary terms; the long glossary
 * terms. Nothing else is ever looked up: a longer stretch written once matters only as a glossary term.
 * Insertion order (first place in the document, per length) decides ties between slips. `pairs` says how
 * often the pair at each place of each distinct text is written, for the uniqueness test.
 */
function placesOf(distinct: readonly Distinct[], words: Words): { places: Stretches; pairs: PairsAt } {
  const base = new Int32Array(distinct.length);
  let total = 0;
  for (let u = 0; u < distinct.length; u++) {
    base[u] = total;
    total += distinct[u]!.text.length;
  }
  // about a pair per character, and fewer longer stretches; grown if need be (too large costs more than a copy)
  const places = new Stretches(total + 64);
  const ids = new Int32Array(total);
  // every pair of Han characters
  for (let u = 0; u < distinct.length; u++) {
    const { text, ts } = distinct[u]!;
    HAN_RUN.lastIndex = 0;
    for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) {
      for (let i = m.index; i + 1 < HAN_RUN.lastIndex; i++) {
        const key = pairKey(text, i);
        const n = places.pairs.size;
        const id = places.add(places.pairs, key, u, i, ts.length);
        if (places.pairs.size > n) places.pairKeys.push(key);
        ids[base[u]! + i] = id + 1;
      }
    }
  }
  places.P = places.ids;
  for (let u = 0; u < distinct.length; u++) {
    const { text, ts } = distinct[u]!;
    const b = base[u]!;
    for (let i = 0; i + 2 < text.length; i++) {
      const first = ids[b + i]! - 1;
      if (first < 0) continue;
      let twice = places.count[first]! >= 2; // pairs' counts are final here
      for (let n = 3; n <= 4 && i + n <= text.length; n++) {
        const last = ids[b + i + n - 2]! - 1; // the pair ending the stretch: none when its last character is not Han
        if (last < 0) break;
        twice &&= places.count[last]! >= 2;
        if (twice || (words.termHeads.has(text.charCodeAt(i)) && words.glossary.has(text.slice(i, i + n)))) {
          places.add(n === 3 ? places.threes : places.fours, places.key(first, last), u, i, ts.length);
        }
      }
    }
    for (const g of words.longTerms) for (let i = text.indexOf(g); i >= 0; i = text.indexOf(g, i + 1)) places.add(places.longer, g, u, i, ts.length);
  }
  // from pair ids to their counts, final now
  for (let k = 0; k < ids.length; k++) if (ids[k] !== 0) ids[k] = places.count[ids[k]! - 1]!;
  return { places, pairs: { base, count: ids } };
}

/** A stretch written once whose character at j may be a slip, and the stretches written twice or more it may be a slip for. */
interface Candidate {
  t: number;
  a: string;
  i: number;
  n: number;
  j: number;
  w: string;
  intended: string[];
}

interface Slip {
  t: number;
  i: number;
  n: number;
  word: string;
  intended: string;
  count: number;
  glossary: boolean;
  /** absolute places of the differing characters */
  key: string;
}

export default defineRule({
  meta: {
    id: 'text-consistency',
    type: 'problem',
    description: {
      zh: '文字前后一致：部门名称不写错，文中反复出现的用语不写错，不留“XX”“占 %”等模板文字',
      en: 'The text is consistent with itself: the department\'s name spelled right, recurring terms spelled as elsewhere, no template placeholders ("XX", "占 %") left in',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      departmentName: {
        zh: '部门名称写作“{{word}}”（{{context}}），与本文档的部门名称“{{intended}}”相差 {{edits}} 个字',
        en: 'the department\'s name is written "{{word}}" ("{{context}}"), {{edits}} character(s) off the document\'s department "{{intended}}"',
      },
      term: {
        zh: '“{{word}}”（{{context}}）疑为“{{intended}}”之误：本文档在相同的上下文中写作“{{intended}}”（全文共 {{count}} 处）',
        en: '"{{word}}" ("{{context}}") looks like a slip for "{{intended}}", which this document writes in the same surroundings elsewhere (occurrences in the document: {{count}})',
      },
      placeholder: {
        zh: '留有模板占位文字“{{word}}”（{{context}}），应填写实际内容',
        en: 'template placeholder "{{word}}" left in the text ("{{context}}"): fill in the actual content',
      },
    },
    docs: 'docs/rules/text-consistency.md',
  },
  check(ctx) {
    const { nameEdits, nearWords, minContext } = ctx.options;
    const texts = textsOf(ctx.doc);
    const distinct = distinctOf(texts.text);
    const words = wordsOf(ctx.lexicons);
    const { glossary, terms, starts, placeholders, anyPlaceholder } = words;
    const near = nearIndexOf(nearWords);
    /** spans already reported, per text: a slip inside the department's name is reported as that */
    const taken: { t: number; a: number; b: number }[] = [];
    const overlaps = (t: number, a: number, b: number) => taken.some((s) => s.t === t && s.a < b && a < s.b);

    // 1. the department's name, one or two characters off
    const dept = ctx.doc.document?.department?.replace(/\s+/g, '');
    if (dept && [...dept].length >= 4) {
      const L = dept.length;
      const head = dept.slice(0, 2);
      const tail = dept.slice(-2);
      const misspelt = distinct.map(({ text }) => {
        const cands: { a: number; n: number; d: number }[] = [];
        for (let a = text.indexOf(head); a >= 0; a = text.indexOf(head, a + 1)) {
          for (let n = Math.max(1, L - nameEdits); n <= L + nameEdits && a + n <= text.length; n++) {
            const w = text.slice(a, a + n);
            // a slip inside the name, not another body ("…财政所" beside "…财政局") nor a shortened name
            if (!w.startsWith(head) || !w.endsWith(tail)) continue;
            const d = editDistance(w, dept, nameEdits);
            if (d <= nameEdits) cands.push({ a, n, d });
          }
        }
        cands.sort((x, y) => x.d - y.d || Math.abs(x.n - L) - Math.abs(y.n - L) || x.a - y.a);
        const kept: typeof cands = [];
        for (const c of cands) if (!kept.some((k) => k.a < c.a + c.n && c.a < k.a + k.n)) kept.push(c);
        return kept.filter((c) => c.d !== 0);
      });
      const uOf = distinctIndex(distinct, texts.text.length);
      texts.text.forEach((text, t) => {
        for (const c of misspelt[uOf[t]!]!) {
          const word = text.slice(c.a, c.a + c.n);
          taken.push({ t, a: c.a, b: c.a + c.n });
          ctx.report({ path: pathOf(texts, t), messageId: 'departmentName', data: { word, context: around(text, c.a, c.n), intended: dept, edits: c.d } });
        }
      });
    }

    // 2. terms: the places of every stretch looked up
    const { places, pairs } = placesOf(distinct, words);
    const count = (g: string) => {
      const id = places.idOf(g);
      return id < 0 ? 0 : places.count[id]!;
    };
    /**
     * Whether v is written at least `need` times in surroundings that match those of a[i, i+n): each side
     * matches 2 characters or reaches the edge of both texts, and (edges counting for nothing) at least
     * `min` characters in all.
     */
    const anchored = (a: string, i: number, n: number, v: string, min: number, need: number): boolean => {
      const id = places.idOf(v);
      if (id < 0) return false;
      let found = 0;
      for (let k = places.last[id]!; k >= 0; k = places.before[k]!) {
        const d = distinct[places.placeU[k]!]!;
        const j = places.placeI[k]!;
        const l = leftMatch(a, i, d.text, j);
        if (l < 2) continue;
        const r = rightMatch(a, i + n, d.text, j + n);
        if (r < 2 || (l % EDGE) + (r % EDGE) < min) continue;
        found += d.ts.length;
        if (found >= need) return true;
      }
      return false;
    };
    /** The places of the pair at p ≥ 0 of distinct text u, in all; `none` when no Han pair is there (or p is past the text). */
    const pairCount = (u: number, p: number, none: number): number => (p + 1 < distinct[u]!.text.length && pairs.count[pairs.base[u]! + p]!) || none;
    /** Whether a Han pair is at p of distinct text u, p + 1 within the text. */
    const pairAt = (u: number, p: number): boolean => pairs.count[pairs.base[u]! + p]! !== 0;
    /** a slip makes pairs no other place has: the character at p with each Han neighbour is written only there */
    const unique = (u: number, p: number) => (p < 1 || pairCount(u, p - 1, 1) === 1) && pairCount(u, p, 1) === 1;
    /**
     * A cheap necessary condition for anchored(…, need 2) at a changed character p: the surroundings that must
     * match, on each side, hold the Han pair just before p and just after it (when there is one), so each such
     * pair is written here and at two places at least of the intended stretch: three in all.
     */
    const recurs = (u: number, p: number) => (p < 2 || pairCount(u, p - 2, 3) >= 3) && pairCount(u, p + 1, 3) >= 3;
    /** the glossary terms' ids, looked up once per document (-2: not yet) */
    const termIds = new Int32Array(terms.length).fill(-2);
    const termId = (term: number, v: string): number => (termIds[term] === -2 ? (termIds[term] = places.idOf(v)) : termIds[term]!);
    const slips = new Map<string, Slip>();
    const consider = (s: Slip) => {
      const prev = slips.get(s.key);
      if (!prev || (s.glossary && !prev.glossary) || (s.glossary === prev.glossary && (s.count > prev.count || (s.count === prev.count && s.n < prev.n)))) slips.set(s.key, s);
    };

    // 2a. glossary terms: one edit for terms of 2–4 characters, a third of the length for longer ones, in
    // surroundings the term has somewhere in the document (it is right by definition, however often the slip recurs).
    // Ties between terms go to the first in the glossary, then to the first place.
    distinct.forEach(({ text, ts }, u) => {
      // the stretches to compare, as term × (length + 1) + start: sorted, they come term by term, in text order
      const span = text.length + 1;
      const cands: number[] = [];
      for (let q = 0; q < text.length; q++) {
        const hits = starts.get(text.charCodeAt(q));
        if (!hits) continue;
        for (let h = 0; h < hits.length; h++) {
          const { term, k } = hits[h]!;
          if (q - k >= 0 && q - k + terms[term]!.v.length <= text.length) cands.push(term * span + q - k);
        }
      }
      cands.sort((x, y) => x - y);
      for (let c = 0; c < cands.length; c++) {
        if (c > 0 && cands[c] === cands[c - 1]) continue;
        const { v, bound } = terms[Math.floor(cands[c]! / span)]!;
        const i = cands[c]! % span;
        const n = v.length;
        const pv = termId(Math.floor(cands[c]! / span), v);
        if (pv < 0) continue;
        let miss = 0;
        for (let k = 0; k < n && miss <= bound; k++) if (text.charCodeAt(i + k) !== v.charCodeAt(k)) miss++;
        if (miss === 0 || miss > bound) continue;
        const w = text.slice(i, i + n);
        if (glossary.has(w)) continue;
        const ds = diffs(w, v);
        if (!ds || ds.length === 0 || ds.length > bound) continue;
        if (n <= 4 && !ds.every((k) => unique(u, i + k))) continue;
        if (isNearWord(near, w, v, ds) || !anchored(text, i, n, v, 0, 1)) continue;
        // the slip is one per place the text is written
        for (const t of ts) consider({ t, i, n, word: w, intended: v, count: places.count[pv]!, glossary: true, key: `${t}:${ds.map((k) => i + k).join(',')}` });
      }
    });

    // 2b. the document's own vocabulary: a 2–4 character stretch written once, one character off a stretch
    // written at least twice in identical surroundings of at least `minContext` characters. The changed
    // character must be unique (see above), which also makes the stretch written once; so only texts written
    // once are read. First the stretches that pass the cheap tests, then, in one pass over the stretches
    // written twice or more, the ones each could be a slip for, then the dear test of their surroundings.
    const cands: Candidate[] = [];
    distinct.forEach(({ text: a, ts }, u) => {
      if (ts.length !== 1) return;
      // the characters that may be a slip (most texts have none)
      let may: Uint8Array | undefined;
      for (let p = 0; p < a.length; p++) if (isSlipChar(a.charCodeAt(p)) && unique(u, p) && recurs(u, p)) (may ??= new Uint8Array(a.length))[p] = 1;
      if (!may) return;
      // the stretches of 2–4 Han characters: every pair in them is a Han pair
      for (let i = 0; i + 1 < a.length; i++) {
        if (!pairAt(u, i)) continue;
        for (let n = 2; n <= 4 && i + n <= a.length; n++) {
          if (!pairAt(u, i + n - 2)) break;
          let w: string | undefined;
          for (let j = 0; j < n; j++) {
            if (!may[i + j]) continue;
            w ??= a.slice(i, i + n);
            if (glossary.has(w)) break;
            cands.push({ t: ts[0]!, a, i, n, j, w, intended: [] });
          }
        }
      }
    });
    if (cands.length > 0) {
      // v agrees with w but at j: on w's first character when j > 0, on its second when j = 0
      const byFirst = new Map<number, Candidate[]>();
      const bySecond = new Map<number, Candidate[]>();
      for (const c of cands) {
        const [m, x] = c.j > 0 ? [byFirst, c.w.charCodeAt(0)] : [bySecond, c.w.charCodeAt(1)];
        const l = m.get(x);
        if (l) l.push(c);
        else m.set(x, [c]);
      }
      const offBy = (c: Candidate, g: string) => {
        if (g.length !== c.n) return;
        for (let x = 0; x < g.length; x++) if ((g.charCodeAt(x) === c.w.charCodeAt(x)) === (x === c.j)) return;
        c.intended.push(g);
      };
      // a candidate's stretches are all of its length, so pairs and longer stretches each keep their own order
      places.pairs.forEach((id, key) => {
        if (places.count[id]! < 2) return;
        const first = byFirst.get(Math.floor(key / 0x10000));
        const second = bySecond.get(key % 0x10000);
        if (!first && !second) return;
        const g = String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);
        if (first) for (let k = 0; k < first.length; k++) offBy(first[k]!, g);
        if (second) for (let k = 0; k < second.length; k++) offBy(second[k]!, g);
      });
      // 3 and 4 characters, spelt by two pairs (see Stretches.key); the string made only when a candidate may match
      const { P, pairKeys } = places;
      const hi = (key: number) => Math.floor(key / 0x10000);
      const lo = (key: number) => key % 0x10000;
      for (const m of [places.threes, places.fours]) {
        m.forEach((id, key) => {
          if (places.count[id]! < 2) return;
          const a = pairKeys[Math.floor(key / P)]!;
          const b = pairKeys[key % P]!;
          const first = byFirst.get(hi(a));
          const second = bySecond.get(lo(a));
          if (!first && !second) return;
          const g = m === places.threes ? String.fromCharCode(hi(a), lo(a), lo(b)) : String.fromCharCode(hi(a), lo(a), hi(b), lo(b));
          if (first) for (let k = 0; k < first.length; k++) offBy(first[k]!, g);
          if (second) for (let k = 0; k < second.length; k++) offBy(second[k]!, g);
        });
      }
      for (let k = 0; k < cands.length; k++) {
        const { t, a, i, n, j, w, intended } = cands[k]!;
        for (let x = 0; x < intended.length; x++) {
          const v = intended[x]!;
          if (!isSlipChar(v.charCodeAt(j)) || isNearWord(near, w, v, [j])) continue;
          // the phrase with v recurs: written at least twice in these surroundings
          if (!anchored(a, i, n, v, minContext, 2)) continue;
          consider({ t, i, n, word: w, intended: v, count: count(v), glossary: false, key: `${t}:${i + j}` });
        }
      }
    }

    for (const s of [...slips.values()].sort((a, b) => a.t - b.t || a.i - b.i)) {
      if (overlaps(s.t, s.i, s.i + s.n)) continue;
      const text = texts.text[s.t]!;
      ctx.report({ path: pathOf(texts, s.t), messageId: 'term', data: { word: s.word, context: around(text, s.i, s.n), intended: s.intended, count: s.count } });
    }

    // 3. template text left in
    const left = distinct.map(({ text }) => {
      const found: { i: number; p: string }[] = [];
      if (!anyPlaceholder?.test(text)) return found;
      for (const { p, latin } of placeholders) {
        for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + p.length)) {
          // "XX" inside a Latin word ("XXL", "Maxx") is not a placeholder; a run of it ("XXX") is
          if (latin) {
            let a = i;
            while (a > 0 && LATIN.test(text[a - 1]!)) a--;
            let b = i + p.length;
            while (b < text.length && LATIN.test(text[b]!)) b++;
            if (!ONE_LETTER_RUN.test(text.slice(a, b))) continue;
          }
          if (found.some((f) => f.i <= i && i < f.i + f.p.length)) continue;
          found.push({ i, p });
        }
      }
      return found.sort((a, b) => a.i - b.i);
    });
    if (left.some((f) => f.length > 0)) {
      const uOf = distinctIndex(distinct, texts.text.length);
      texts.text.forEach((text, t) => {
        for (const f of left[uOf[t]!]!) ctx.report({ path: pathOf(texts, t), messageId: 'placeholder', data: { word: f.p, context: around(text, f.i, f.p.length) } });
      });
    }
  },
});

const LATIN = /[A-Za-z]/;
const ONE_LETTER_RUN = /^([A-Za-z])\1*$/;

/** For each text, the index of its distinct text. */
function distinctIndex(distinct: readonly Distinct[], n: number): number[] {
  const uOf = new Array<number>(n);
  distinct.forEach(({ ts }, u) => {
    for (const t of ts) uOf[t] = u;
  });
  return uOf;
}
