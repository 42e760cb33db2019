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

interface Text {
  path: Path;
  text: string;
}

/** Keys of `document` that are not prose: the department is checked against, not checked. */
const NOT_PROSE = new Set(['source', 'kind', 'unit', 'department']);

/** Every non-blank string of the model with its path, but $schema and NOT_PROSE; numbers (stated figures) are not text. */
function textsOf(doc: object): Text[] {
  const out: Text[] = [];
  const path: (string | number)[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.trim() !== '') out.push({ path: path.slice(), text: v });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object' && !(v instanceof Decimal) && !('value' in v && (v as { value: unknown }).value instanceof Decimal)) {
      for (const k of Object.keys(v)) {
        if (path.length === 0 && k === '$schema') continue;
        if (path.length === 1 && path[0] === 'document' && NOT_PROSE.has(k)) continue;
        path.push(k);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(doc);
  return out;
}

/** A text as written, once however many places write it (`ts`: the indexes of those places in the texts). */
interface Distinct {
  text: string;
  ts: number[];
}

function distinctOf(texts: readonly Text[]): Distinct[] {
  const byText = new Map<string, Distinct>();
  texts.forEach(({ text }, t) => {
    const d = byText.get(text);
    if (d) d.ts.push(t);
    else byText.set(text, { text, ts: [t] });
  });
  return [...byText.values()];
}

// Character classes of single UTF-16 code units, as the regular expressions say, remembered per code unit:
// the Unicode property test is slow and a document asks about the same few thousand characters again and again.
const HAN = /^\p{Script=Han}$/u;
const NUMERAL = /^[一二三四五六七八九十百千万亿零两〇壹贰叁肆伍陆柒捌玖拾]$/u;
const SPACE = /\s/;
const KNOWN = 1;
const IS_HAN = 2;
const IS_NUMERAL = 4;
const IS_SPACE = 8;
const classes = new Uint8Array(0x10000);

function classOf(c: number): number {
  let k = classes[c]!;
  if (k === 0) {
    const s = String.fromCharCode(c);
    k = KNOWN | (HAN.test(s) ? IS_HAN : 0) | (NUMERAL.test(s) ? IS_NUMERAL : 0) | (SPACE.test(s) ? IS_SPACE : 0);
    classes[c] = k;
  }
  return k;
}
const isHan = (c: number) => (classOf(c) & IS_HAN) !== 0;
/** two or more Han characters in a row, each one UTF-16 code unit (as HAN tests them: a surrogate pair is not Han here) */
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

/** Where a stretch is written: flat pairs (distinct text, offset), and how many places that makes in all. */
interface Places {
  at: number[];
  count: number;
}

const NO_PAIRS: readonly (Places | undefined)[] = [];

/**
 * The places of the stretches looked up. Pairs, most of them by far, are keyed by their two code units as
 * one number, so reading a document makes no two-character string per pair written; longer stretches by text.
 */
class Stretches {
  readonly pairs = new Map<number, Places>();
  readonly longer = new Map<string, Places>();

  get(g: string): Places | undefined {
    return g.length === 2 ? this.pairs.get(pairKey(g, 0)) : this.longer.get(g);
  }
}

/** The pair at i of text as one number: two UTF-16 code units. */
const pairKey = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

function addPlace<K>(m: Map<K, Places>, g: K, u: number, i: number, n: number): Places {
  const p = m.get(g);
  if (p) {
    p.at.push(u, i);
    p.count += n;
    return p;
  }
  const q = { at: [u, i], count: n };
  m.set(g, q);
  return q;
}

/**
 * The stretches looked up, with their places: every pair of Han characters; the stretches of 3–4 Han
 * characters that may be written twice or more (every pair in them is) or are glossary terms; the long glossary
 * terms. Nothing else is ever looked up: a longer stretch written once matters only as a glossary term.
 * Insertion order (first place in the document, per length) decides ties between slips. `pairs[u][i]` is the
 * places of the pair at i in distinct text u, for the uniqueness test.
 */
function placesOf(distinct: readonly Distinct[], words: Words): { places: Stretches; pairs: (readonly (Places | undefined)[])[] } {
  const places = new Stretches();
  const add = (g: string, u: number, i: number, m: number): Places => addPlace(places.longer, g, u, i, m);
  const pairs = distinct.map(({ text, ts }, u) => {
    let at: (Places | undefined)[] | undefined; // most texts without Han (figures, codes) share NO_PAIRS
    HAN_RUN.lastIndex = 0;
    for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) {
      at ??= new Array<Places | undefined>(text.length);
      for (let i = m.index; i + 1 < HAN_RUN.lastIndex; i++) at[i] = addPlace(places.pairs, pairKey(text, i), u, i, ts.length);
    }
    return at ?? NO_PAIRS;
  });
  distinct.forEach(({ text, ts }, u) => {
    const at = pairs[u]!;
    for (let i = 0; i + 2 < text.length; i++) {
      if (!at[i]) continue;
      let twice = at[i]!.count >= 2;
      for (let n = 3; n <= 4 && i + n <= text.length; n++) {
        const last = at[i + n - 2]; // the pair ending the stretch: none when its last character is not Han
        if (!last) break;
        twice &&= last.count >= 2;
        if (twice || (words.termHeads.has(text.charCodeAt(i)) && words.glossary.has(text.slice(i, i + n)))) add(text.slice(i, i + n), u, i, ts.length);
      }
    }
    for (const g of words.longTerms) for (let i = text.indexOf(g); i >= 0; i = text.indexOf(g, i + 1)) add(g, u, i, ts.length);
  });
  return { places, pairs };
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
    const distinct = distinctOf(texts);
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
      const uOf = distinctIndex(distinct, texts.length);
      texts.forEach(({ path, text }, t) => {
        for (const c of misspelt[uOf[t]!]!) {
          const word = text.slice(c.a, c.a + c.n);
          taken.push({ t, a: c.a, b: c.a + c.n });
          ctx.report({ path, messageId: 'departmentName', data: { word, context: around(text, c.a, c.n), intended: dept, edits: c.d } });
        }
      });
    }

    // 2. terms: the places of every stretch looked up
    const { places, pairs } = placesOf(distinct, words);
    const count = (g: string) => places.get(g)?.count ?? 0;
    /**
     * Whether v is written at least `need` times in surroundings that match those of a[i, i+n): each side
     * matches 2 characters or reaches the edge of both texts, and (edges counting for nothing) at least
     * `min` characters in all.
     */
    const anchored = (a: string, i: number, n: number, v: string, min: number, need: number): boolean => {
      const pv = places.get(v);
      if (!pv) return false;
      let found = 0;
      for (let k = 0; k < pv.at.length; k += 2) {
        const d = distinct[pv.at[k]!]!;
        const j = pv.at[k + 1]!;
        const l = leftMatch(a, i, d.text, j);
        if (l < 2) continue;
        const r = rightMatch(a, i + n, d.text, j + n);
        if (r < 2 || (l % EDGE) + (r % EDGE) < min) continue;
        found += d.ts.length;
        if (found >= need) return true;
      }
      return false;
    };
    /** a slip makes pairs no other place has: the character at p with each Han neighbour is written only there */
    const unique = (u: number, p: number) => {
      const at = pairs[u]!;
      return (p < 1 || (at[p - 1]?.count ?? 1) === 1) && (at[p]?.count ?? 1) === 1;
    };
    /**
     * A cheap necessary condition for anchored(…, need 2) at a changed character p: the surroundings that must
     * match, on each side, hold the Han pair just before p and just after it (when there is one), so each such
     * pair is written here and at two places at least of the intended stretch: three in all.
     */
    const recurs = (u: number, p: number) => {
      const at = pairs[u]!;
      return (p < 2 || (at[p - 2]?.count ?? 3) >= 3) && (at[p + 1]?.count ?? 3) >= 3;
    };
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
        const pv = places.get(v);
        if (!pv) continue;
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
        for (const t of ts) consider({ t, i, n, word: w, intended: v, count: pv.count, glossary: true, key: `${t}:${ds.map((k) => i + k).join(',')}` });
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
      const at = pairs[u]!;
      for (let i = 0; i + 1 < a.length; i++) {
        if (!at[i]) continue;
        for (let n = 2; n <= 4 && i + n <= a.length; n++) {
          if (!at[i + n - 2]) break;
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
      places.pairs.forEach((p, key) => {
        if (p.count < 2) return;
        const first = byFirst.get(Math.floor(key / 0x10000));
        const second = bySecond.get(key % 0x10000);
        if (!first && !second) return;
        const g = String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);
        if (first) for (let k = 0; k < first.length; k++) offBy(first[k]!, g);
        if (second) for (let k = 0; k < second.length; k++) offBy(second[k]!, g);
      });
      places.longer.forEach((p, g) => {
        if (g.length > 4 || p.count < 2) return;
        const first = byFirst.get(g.charCodeAt(0));
        if (first) for (let k = 0; k < first.length; k++) offBy(first[k]!, g);
        const second = bySecond.get(g.charCodeAt(1));
        if (second) for (let k = 0; k < second.length; k++) offBy(second[k]!, g);
      });
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
      const { path, text } = texts[s.t]!;
      ctx.report({ path, messageId: 'term', data: { word: s.word, context: around(text, s.i, s.n), intended: s.intended, count: s.count } });
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
      const uOf = distinctIndex(distinct, texts.length);
      texts.forEach(({ path, text }, t) => {
        for (const f of left[uOf[t]!]!) ctx.report({ path, messageId: 'placeholder', data: { word: f.p, context: around(text, f.i, f.p.length) } });
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
