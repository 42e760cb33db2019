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
 * texts a lot (table rows, indicator names), and a batch of documents repeats them again (the same tables,
 * the same indicators): so what a text gives by itself (its Han stretches as ids, its near misses of glossary
 * terms, its placeholders) is worked out once per process and remembered with the text (TextInfo); a
 * document then only counts its stretches, in typed arrays indexed by those ids. The per-document structures
 * are kept from one document to the next (a check runs to its end before the next starts), so checking a
 * document allocates next to nothing. The cheap tests (characters, counts) come before the dear ones
 * (surroundings).
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { Path } from '../src/engine/path.js';
import { defineRule, type RuleContext } from '../src/engine/rule.js';
import type { Lexicons } from '../src/model/lexicons.js';
// not `.value instanceof Decimal`: a figure's Decimal is made when first read, and this rule needs none
import { isStated } from '../src/model/scalars.js';
import { editDistance } from '../src/text/distance.js';
import { ownCopy } from '../src/text/own-copy.js';

const Options = z.strictObject({
  /** the most edits a spelling of the department's name may be away from document.department and be a slip */
  nameEdits: z.number().int().min(1).max(3).default(1),
  /** pairs of real words one character apart, never a slip of each other ("a/b") */
  nearWords: z.array(z.string().regex(/^[^/]+\/[^/]+$/)).default(['数量/质量', '时效/实效', '单价/均价', '回族/回民', '产出/支出', '收入/支出', '上年/本年', '上年/下年', '年初/年末', '村民/居民', '县级/镇级', '省级/市级', '小计/合计', '总计/合计', '时长/时间', '及/和', '和/与', '及/与', '或/及', '设备/装备', '检验/检测', '用药/用械', '用药/用妆', '用械/用妆', '每场/每份', '每次/每场']),
  /** document-vocabulary slips: how many characters of identical surroundings (both sides together) the two places must share */
  minContext: z.number().int().min(2).default(6),
});

/**
 * The non-blank strings of the model, in document order, and where each is written. A place is a node of a
 * tree of (parent node, key) pairs, one per container and string: a path is built only for a finding
 * (pathOf), not copied for each of the thousands of strings a document has. One instance, written over from
 * document to document (a check runs to its end before the next starts): the first `n` texts and `nodes`
 * nodes are the current document's.
 */
interface Texts {
  text: string[];
  /** the node of each text */
  node: number[];
  /** per node: its parent node (-1: the document itself) and its key there */
  parent: number[];
  key: (string | number)[];
  n: number;
  nodes: number;
}

const texts: Texts = { text: [], node: [], parent: [], key: [], n: 0, nodes: 0 };

/** Keys of `document` that are not prose: the department is checked against, not checked. */
const NOT_PROSE = new Set(['source', 'kind', 'unit', 'department']);

/** Every non-blank string of the model with its place, but $schema and NOT_PROSE; numbers (stated figures) are not text. */
function textsOf(doc: object): Texts {
  texts.n = 0;
  texts.nodes = 0;
  walk(doc, -1);
  return texts;
}

/**
 * Lets go of the document's strings once its check is over. They are slices of its file, and this array lives
 * in V8's old generation: held here until the next document's check, they and the file text under them were
 * kept alive through the young collections in between, and so promoted.
 */
function letGo(texts: Texts): void {
  texts.text.fill('', 0, texts.n);
  texts.n = 0;
}

/** For tests: how many of a document's strings the rule still holds between checks (none). */
export function textsHeld(): number {
  return texts.text.filter((t) => t !== '').length;
}

/** v is at node `self`; its child at key k, a node of its own if it is a string or a container */
function child(self: number, k: string | number, v: unknown): void {
  if (typeof v === 'string') {
    // blank: white space only (what trim removes, as SPACE tests it), tested in full only when it starts so
    if (v.length === 0 || (isSpace(v.charCodeAt(0)) && v.trim() === '')) return;
    texts.text[texts.n] = v;
    texts.node[texts.n++] = texts.nodes;
    texts.parent[texts.nodes] = self;
    texts.key[texts.nodes++] = k;
  } else if (v !== null && typeof v === 'object') {
    const me = texts.nodes++;
    texts.parent[me] = self;
    texts.key[me] = k;
    walk(v, me);
  }
}

function walk(v: object, self: number): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) child(self, i, v[i]);
  } else if (!(v instanceof Decimal) && !isStated(v)) {
    const inDocument = self >= 0 && texts.parent[self] === -1 && texts.key[self] === 'document';
    for (const k in v) {
      if (self === -1 && k === '$schema') continue;
      if (inDocument && NOT_PROSE.has(k)) continue;
      child(self, k, (v as Record<string, unknown>)[k]);
    }
  }
}

/** The path of text t, for a finding. */
function pathOf(texts: Texts, t: number): Path {
  const path: (string | number)[] = [];
  for (let n = texts.node[t]!; n >= 0; n = texts.parent[n]!) path.push(texts.key[n]!);
  return path.reverse();
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
/** Han as HAN tests a single UTF-16 code unit: a surrogate pair is not Han here. */
const isHan = (c: number) => (classOf(c) & IS_HAN) !== 0;
const isSpace = (c: number) => (classOf(c) & IS_SPACE) !== 0;
/** a character a slip may change: Han, and not a numeral (一/二 are different numbers, not a slip) */
const isSlipChar = (c: number) => (classOf(c) & (IS_HAN | IS_NUMERAL)) === IS_HAN;

/**
 * Ids for the stretches of 2 or more Han characters, the same id for the same characters in every document
 * of the process: a trie, (stretch, next character) → id, as an open-addressing table in typed arrays, so a
 * lookup allocates nothing. A single character c is the parent -c - 1 (it has no id of its own). Ids are 1…size.
 */
class Trie {
  size = 0;
  private mask: number;
  /** per slot s, at 3s, 3s + 1, 3s + 2: parent, character, id (0: empty slot); one cache line per probe */
  private slots: Int32Array;

  constructor(slots = 1 << 14) {
    this.mask = slots - 1;
    this.slots = new Int32Array(3 * slots);
  }

  private slot(p: number, c: number): number {
    let h = Math.imul(p, 0x27d4eb2d) ^ c;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    return (h ^ (h >>> 13)) & this.mask;
  }

  /** The id of stretch p (or single character -p - 1) followed by c: 0 when it has none and `add` is false. */
  get(p: number, c: number, add = false): number {
    const { slots, mask } = this;
    for (let s = this.slot(p, c); ; s = (s + 1) & mask) {
      const x = slots[3 * s + 2]!;
      if (x === 0) break;
      if (slots[3 * s] === p && slots[3 * s + 1] === c) return x;
    }
    if (!add) return 0;
    if (6 * (this.size + 1) > slots.length) this.grow();
    const x = ++this.size;
    this.put(p, c, x);
    return x;
  }

  /** The id of s (2 characters or more), 0 when it has none. */
  find(s: string, add = false): number {
    let p = -s.charCodeAt(0) - 1;
    for (let k = 1; k < s.length && p !== 0; k++) p = this.get(p, s.charCodeAt(k), add);
    return s.length < 2 ? 0 : p;
  }

  private put(p: number, c: number, x: number): void {
    let s = this.slot(p, c);
    while (this.slots[3 * s + 2] !== 0) s = (s + 1) & this.mask;
    this.slots[3 * s] = p;
    this.slots[3 * s + 1] = c;
    this.slots[3 * s + 2] = x;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = 2 * (this.mask + 1) - 1;
    for (let s = 0; s < old.length; s += 3) if (old[s + 2] !== 0) this.put(old[s]!, old[s + 1]!, old[s + 2]!);
  }
}

/** A glossary term and a stretch of a text with the term's length, a few characters off it (`ds`: where). */
interface NearMiss {
  term: number;
  i: number;
  w: string;
  ds: number[];
}

/** A placeholder found in a text, at i. */
interface Left {
  i: number;
  p: string;
}

/** What a text gives by itself, worked out the first time the process meets it. */
interface TextInfo {
  text: string;
  /**
   * Where its stretches are in Vocabulary.ids (-1: it has no Han pair): at `at` + 3i, + 1, + 2, the ids of the
   * Han stretches of 2, 3 and 4 characters starting at i (0: none).
   */
  at: number;
  /** (id, offset) of each place of a long glossary term */
  long: number[] | undefined;
  /** the stretches a few characters off a glossary term, by term then place */
  misses: NearMiss[] | undefined;
  placeholders: Left[] | undefined;
  /** the document it was last met in, and its index among that document's distinct texts */
  doc: number;
  u: number;
}

/** The word lists' structures, built once per lexicons object (once per process, in practice), and the texts met. */
interface Words {
  glossary: Set<string>;
  /** the glossary terms of 2 characters or more, with the edits each allows */
  terms: { v: string; bound: number }[];
  /**
   * Character → (term, offset k): the term has the character at k, for k up to the term's bound. A stretch at
   * most `bound` edits off a term agrees with it somewhere in its first bound + 1 characters, so only stretches
   * starting at a character of this index less k are compared. `startsAt[c]` is the index in `starts` plus 1.
   */
  starts: { term: number; k: number }[][];
  startsAt: Uint16Array;
  /** glossary terms past 4 characters, all Han: the only stretches that long that are counted */
  longTerms: string[];
  /** the glossary terms all of Han characters, 2 or more: each is a stretch, with an id (see Vocabulary) */
  hanTerms: string[];
  /** placeholders, and whether each is Latin letters only ("XX", looked for outside Latin words) */
  placeholders: { p: string; latin: boolean }[];
  /** any placeholder at all: most texts have none, and one test says so */
  anyPlaceholder: RegExp | undefined;
  /** the stretches and texts met so far */
  met: Vocabulary;
}

/**
 * The stretches and texts met so far, forgotten together when they grow past a bound (see fresh). The Han
 * glossary terms are given the first ids, so whether a stretch is one is a test of its id, not of its text.
 */
interface Vocabulary {
  trie: Trie;
  /** ids of the Han glossary terms, all at most `lastTerm`; of the long ones, as in Words.longTerms */
  termIds: Set<number>;
  lastTerm: number;
  longIds: number[];
  texts: Map<string, TextInfo>;
  /** the characters of the texts met, in all */
  chars: number;
  /** the texts' stretch ids (see TextInfo.at), one array for all rather than one per text; used up to `end` */
  ids: Int32Array;
  end: number;
}

function vocabulary(hanTerms: readonly string[], longTerms: readonly string[]): Vocabulary {
  const trie = new Trie();
  const termIds = new Set(hanTerms.map((g) => trie.find(g, true)));
  return { trie, termIds, lastTerm: trie.size, longIds: longTerms.map((g) => trie.find(g)), texts: new Map(), chars: 0, ids: new Int32Array(1 << 14), end: 0 };
}

/** Room for n ids in m.ids, zeros: where they start. */
function reserve(m: Vocabulary, n: number): number {
  const at = m.end;
  // nothing is ever written past end, so what room copies beyond it is zeros
  m.ids = room(m.ids, at + n);
  m.end = at + n;
  return at;
}

/** Whether stretch `id` is a glossary term. */
const isTerm = (m: Vocabulary, id: number) => id <= m.lastTerm && id !== 0 && m.termIds.has(id);

const wordsCache = new WeakMap<Lexicons, Words>();

function wordsOf(lexicons: Lexicons): Words {
  let w = wordsCache.get(lexicons);
  if (!w) {
    const glossary = new Set(lexicons.glossary);
    const allHan = (g: string) => [...g].every((c) => c.length === 1 && isHan(c.charCodeAt(0)));
    const terms = [...glossary].filter((v) => v.length >= 2).map((v) => ({ v, bound: v.length <= 4 ? 1 : Math.floor(v.length / 3) }));
    const starts: { term: number; k: number }[][] = [];
    const startsAt = new Uint16Array(0x10000);
    terms.forEach(({ v, bound }, term) => {
      for (let k = 0; k <= bound; k++) {
        const c = v.charCodeAt(k);
        if (startsAt[c] === 0) startsAt[c] = starts.push([]);
        starts[startsAt[c]! - 1]!.push({ term, k });
      }
    });
    const longTerms = [...glossary].filter((g) => g.length > 4 && allHan(g));
    const hanTerms = [...glossary].filter((g) => g.length >= 2 && allHan(g));
    w = {
      glossary,
      terms,
      starts,
      startsAt,
      longTerms,
      hanTerms,
      placeholders: lexicons.placeholders.filter((p) => p !== '').map((p) => ({ p, latin: /^[A-Za-z]+$/.test(p) })),
      anyPlaceholder: lexicons.placeholders.some((p) => p !== '')
        ? new RegExp(lexicons.placeholders.filter((p) => p !== '').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))
        : undefined,
      met: vocabulary(hanTerms, longTerms),
    };
    wordsCache.set(lexicons, w);
  }
  return w;
}

/** Past these, the texts met and the trie are forgotten (between documents): a long run over varied documents stays in bounded memory. */
const MAX_MET_CHARS = 1 << 19;
const MAX_IDS = 1 << 18;

function fresh(w: Words): Vocabulary {
  if (w.met.chars > MAX_MET_CHARS || w.met.trie.size > MAX_IDS) w.met = vocabulary(w.hanTerms, w.longTerms);
  return w.met;
}

/** What text gives by itself (see TextInfo). */
function infoOf(text: string, w: Words): TextInfo {
  const m = w.met;
  const { trie, longIds } = m;
  const n = text.length;
  let at = -1;
  for (let i = 0; i + 1 < n; i++) {
    const a = text.charCodeAt(i);
    if (!isHan(a)) continue;
    const b = text.charCodeAt(i + 1);
    if (!isHan(b)) {
      i++; // no pair starts at i + 1 either
      continue;
    }
    if (at < 0) at = reserve(m, 3 * n);
    const two = trie.get(-a - 1, b, true);
    m.ids[at + 3 * i] = two;
    if (i + 2 >= n || !isHan(text.charCodeAt(i + 2))) continue;
    const three = trie.get(two, text.charCodeAt(i + 2), true);
    m.ids[at + 3 * i + 1] = three;
    if (i + 3 < n && isHan(text.charCodeAt(i + 3))) m.ids[at + 3 * i + 2] = trie.get(three, text.charCodeAt(i + 3), true);
  }
  let long: number[] | undefined;
  w.longTerms.forEach((g, k) => {
    for (let i = text.indexOf(g); i >= 0; i = text.indexOf(g, i + 1)) (long ??= []).push(longIds[k]!, i);
  });
  return { text, at, long, misses: nearMissesOf(text, w), placeholders: placeholdersOf(text, w), doc: 0, u: 0 };
}

/**
 * The stretches of text a few characters off a glossary term (one for terms of 2–4 characters, a third of the
 * length for longer ones), the changed characters all Han non-numerals, the stretch not a glossary term itself:
 * ordered by term, then place (ties between terms go to the first in the glossary, then to the first place).
 */
function nearMissesOf(text: string, w: Words): NearMiss[] | undefined {
  const { starts, startsAt, terms, glossary } = w;
  let out: NearMiss[] | undefined;
  for (let q = 0; q < text.length; q++) {
    const at = startsAt[text.charCodeAt(q)]!;
    if (at === 0) continue;
    const hits = starts[at - 1]!;
    for (let h = 0; h < hits.length; h++) {
      const { term, k } = hits[h]!;
      const { v, bound } = terms[term]!;
      const i = q - k;
      const n = v.length;
      if (i < 0 || i + n > text.length) continue;
      // the stretch is met at the first of its characters that agrees with the term: once
      let earlier = false;
      for (let e = 0; e < k && !earlier; e++) earlier = text.charCodeAt(i + e) === v.charCodeAt(e);
      if (earlier) continue;
      let miss = 0;
      for (let x = 0; x < n && miss <= bound; x++) if (text.charCodeAt(i + x) !== v.charCodeAt(x)) miss++;
      if (miss === 0 || miss > bound) continue;
      const s = text.slice(i, i + n);
      if (glossary.has(s)) continue;
      const ds = diffs(s, v);
      if (!ds || ds.length === 0 || ds.length > bound) continue;
      (out ??= []).push({ term, i, w: s, ds });
    }
  }
  return out?.sort((x, y) => x.term - y.term || x.i - y.i);
}

/** The placeholders left in text, by place; undefined for none (most texts). */
function placeholdersOf(text: string, w: Words): Left[] | undefined {
  if (!w.anyPlaceholder?.test(text)) return undefined;
  const found: Left[] = [];
  for (const { p, latin } of w.placeholders) {
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
  return found.length > 0 ? found.sort((a, b) => a.i - b.i) : undefined;
}

/** The documents checked so far: the per-id counts say "this document" by it. */
let docNo = 0;

/**
 * The document's texts, each once however many places write it (u: its index here), in order of first place.
 * One instance, written over from document to document like `texts`: the first `n` are this document's.
 */
interface Distinct {
  info: TextInfo[];
  /** per u: the number of places writing it, and the first */
  times: Int32Array;
  first: Int32Array;
  /** per text: its u */
  uOf: Int32Array;
  n: number;
}

const distinct: Distinct = { info: [], times: new Int32Array(256), first: new Int32Array(256), uOf: new Int32Array(1024), n: 0 };

function distinctOf(texts: Texts, w: Words): Distinct {
  const d = distinct;
  d.n = 0;
  d.uOf = room(d.uOf, texts.n);
  const doc = ++docNo;
  for (let t = 0; t < texts.n; t++) {
    const text = texts.text[t]!;
    let e = w.met.texts.get(text);
    if (!e) {
      const own = ownCopy(text);
      e = infoOf(own, w);
      w.met.texts.set(own, e);
      w.met.chars += text.length;
    }
    let u = e.u;
    if (e.doc !== doc) {
      e.doc = doc;
      u = e.u = d.n++;
      if (u === d.times.length) {
        d.times = room(d.times, u + 1);
        d.first = room(d.first, u + 1);
      }
      d.info[u] = e;
      d.times[u] = 0;
      d.first[u] = t;
    }
    d.uOf[t] = u;
    d.times[u]!++;
  }
  return d;
}

/** The places of text u, for a finding made once for all of them. */
function placesOfText(texts: Texts, d: Distinct, u: number): number[] {
  const ts: number[] = [];
  for (let t = d.first[u]!; t < texts.n; t++) if (d.uOf[t] === u) ts.push(t);
  return ts;
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

/**
 * Whether the changed characters (first to last) all lie in a near word of a's stretch (at wi, n characters)
 * that reads as its pair once v (at vi of b) is written over the stretch. The near word may reach past the
 * stretch into the text around it (the stretch 械安 of 用械安全 against 药安 of 用药安全 changes the 械 of
 * 用械/用药): outside the stretch both sides read a's own surroundings, which are the ones the slip is
 * judged in, not those of wherever v happens to be written.
 */
function isNearWord(near: NearIndex, a: string, wi: number, b: string, vi: number, n: number, first: number, last: number): boolean {
  const hits = near.get(a.charCodeAt(wi + first));
  if (!hits) return false;
  for (let h = 0; h < hits.length; h++) {
    const { p, q, o } = hits[h]!;
    const j = first - o;
    if (last >= j + p.length || wi + j < 0 || !a.startsWith(p, wi + j)) continue;
    let same = true;
    for (let x = 0; x < q.length && same; x++) {
      const k = j + x;
      same = q.charCodeAt(x) === (k >= 0 && k < n ? b.charCodeAt(vi + k) : a.charCodeAt(wi + k));
    }
    if (same) return true;
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

/** An Int32Array at least n long, keeping a's contents (grown by doubling). */
function room(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The current document's stretches, by trie id: the number of places of each in all, and its places (distinct
 * text, offset) as a chain through typed arrays, last place first (every use of a chain sums over all of it,
 * so its order is free); and the ids of each length in order of first place, which decides ties between slips.
 * One instance, its arrays kept from document to document: counting a document allocates nothing.
 */
class Stretches {
  /** per id: the document it was last counted in, its places in all, and its last place (valid for this document only) */
  seen: Int32Array = new Int32Array(1024);
  count: Int32Array = new Int32Array(1024);
  last: Int32Array = new Int32Array(1024);
  /** per place: distinct text, offset, and the same stretch's place before it (-1: none) */
  placeU: Int32Array = new Int32Array(4096);
  placeI: Int32Array = new Int32Array(4096);
  before: Int32Array = new Int32Array(4096);
  places = 0;
  /** the ids of 2, 3 and 4 characters, in order of first place */
  order: Int32Array[] = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];
  orders = [0, 0, 0];
  doc = 0;

  /** Starts document `doc`, whose stretches have ids up to `ids`. */
  begin(doc: number, ids: number): void {
    this.doc = doc;
    this.seen = room(this.seen, ids + 1);
    this.count = room(this.count, ids + 1);
    this.last = room(this.last, ids + 1);
    this.places = 0;
    this.orders[0] = this.orders[1] = this.orders[2] = 0;
  }

  /** Adds a place of stretch `id` (of 2 + `len` characters; len -1: a long term) at i of distinct text u, written n times. */
  add(id: number, u: number, i: number, n: number, len: number): void {
    if (this.seen[id] !== this.doc) {
      this.seen[id] = this.doc;
      this.count[id] = 0;
      this.last[id] = -1;
      if (len >= 0) {
        const k = this.orders[len]!++;
        this.order[len] = room(this.order[len]!, k + 1);
        this.order[len]![k] = id;
      }
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
    this.count[id]! += n;
  }

  /** Whether stretch `id` (0: none) is counted in this document. */
  has(id: number): boolean {
    return id > 0 && this.seen[id] === this.doc;
  }
}

const stretches = new Stretches();

/**
 * Counts the stretches looked up: every pair of Han characters; the stretches of 3–4 Han characters that may
 * be written twice or more (every pair in them is) or are glossary terms; the long glossary terms. Nothing else
 * is ever looked up: a longer stretch written once matters only as a glossary term.
 */
function countStretches(d: Distinct, m: Vocabulary, doc: number): Stretches {
  const s = stretches;
  s.begin(doc, m.trie.size);
  const { info, times } = d;
  const { ids } = m;
  for (let u = 0; u < d.n; u++) {
    const { at, text } = info[u]!;
    if (at < 0) continue;
    for (let i = 0; i + 1 < text.length; i++) if (ids[at + 3 * i] !== 0) s.add(ids[at + 3 * i]!, u, i, times[u]!, 0);
  }
  // pairs' counts are final here
  const { count } = s;
  for (let u = 0; u < d.n; u++) {
    const { at, long, text } = info[u]!;
    const n = times[u]!;
    if (at >= 0) {
      for (let i = 0; i + 2 < text.length; i++) {
        const k = at + 3 * i;
        if (ids[k] === 0) continue;
        // the pair ending the stretch: none when its last character is not Han
        if (ids[k + 3] === 0) continue;
        let twice = count[ids[k]!]! >= 2 && count[ids[k + 3]!]! >= 2;
        if (twice || isTerm(m, ids[k + 1]!)) s.add(ids[k + 1]!, u, i, n, 1);
        if (i + 3 >= text.length || ids[k + 6] === 0) continue;
        twice &&= count[ids[k + 6]!]! >= 2;
        if (twice || isTerm(m, ids[k + 2]!)) s.add(ids[k + 2]!, u, i, n, 2);
      }
    }
    if (long) for (let k = 0; k < long.length; k += 2) s.add(long[k]!, u, long[k + 1]!, n, -1);
  }
  return s;
}

/**
 * The stretches written once whose character at j may be a slip (candidates), and the stretches written twice
 * or more each may be a slip for (its matches, in the order found), in typed arrays kept from document to
 * document. A candidate is listed by where its intended stretch must agree with it: its first character when
 * j > 0, its second when j = 0, with its length (its key: see keyOf). The lists are kept by the key's low 16
 * bits (a few keys to a list, each candidate's key checked), so the table of lists stays small.
 */
class Candidates {
  n = 0;
  /** per candidate: distinct text, place there, length, changed character */
  u: Int32Array = new Int32Array(256);
  i: Int32Array = new Int32Array(256);
  len: Int32Array = new Int32Array(256);
  j: Int32Array = new Int32Array(256);
  /** per candidate: its list (see keyOf) and the next candidate in it (-1: none); its first and last match (-1: none) */
  key: Int32Array = new Int32Array(256);
  next: Int32Array = new Int32Array(256);
  first: Int32Array = new Int32Array(256);
  last: Int32Array = new Int32Array(256);
  /** per list (see bucket): its first candidate plus 1; 0: none, everywhere between documents */
  head = new Int32Array(1 << 16);
  /** per match: the intended stretch's id, and the same candidate's next match (-1: none) */
  matches = 0;
  id: Int32Array = new Int32Array(256);
  then: Int32Array = new Int32Array(256);

  /** The key of the candidates of n characters agreeing on c, first (side 0) or second (side 1). */
  static keyOf(c: number, n: number, side: number): number {
    return 8 * c + 2 * (n - 2) + side;
  }

  /** The list holding the candidates of a key. */
  static bucket(key: number): number {
    return key & 0xffff;
  }

  /** Adds the stretch of n characters at i of distinct text u (that is, a), whose character at j may be a slip. */
  add(u: number, a: string, i: number, n: number, j: number): void {
    const c = this.n++;
    if (c === this.u.length) for (const f of ['u', 'i', 'len', 'j', 'key', 'next', 'first', 'last'] as const) this[f] = room(this[f], c + 1);
    this.u[c] = u;
    this.i[c] = i;
    this.len[c] = n;
    this.j[c] = j;
    this.key[c] = j > 0 ? Candidates.keyOf(a.charCodeAt(i), n, 0) : Candidates.keyOf(a.charCodeAt(i + 1), n, 1);
    this.first[c] = this.last[c] = -1;
  }

  /** Lists the candidates (once all are in), each list in candidate order. */
  link(): void {
    for (let c = this.n - 1; c >= 0; c--) {
      const b = Candidates.bucket(this.key[c]!);
      this.next[c] = this.head[b]! - 1;
      this.head[b] = c + 1;
    }
  }

  /** Notes stretch `id` as an intended stretch of candidate c. */
  match(c: number, id: number): void {
    const k = this.matches++;
    if (k === this.id.length) {
      this.id = room(this.id, k + 1);
      this.then = room(this.then, k + 1);
    }
    this.id[k] = id;
    this.then[k] = -1;
    if (this.first[c] === -1) this.first[c] = k;
    else this.then[this.last[c]!] = k;
    this.last[c] = k;
  }

  /** Empties the lists of the document before (even one whose check broke off). */
  clear(): void {
    for (let c = 0; c < this.n; c++) this.head[Candidates.bucket(this.key[c]!)] = 0;
    this.n = 0;
    this.matches = 0;
  }
}

const candidates = new Candidates();

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

/** The slips found, one per changed character (its key): a glossary term's before the document's own vocabulary's, then the more often written, then the shorter. */
function consider(slips: Map<string, Slip>, s: Slip): void {
  const prev = slips.get(s.key);
  if (!prev || (s.glossary && !prev.glossary) || (s.glossary === prev.glossary && (s.count > prev.count || (s.count === prev.count && s.n < prev.n)))) slips.set(s.key, s);
}

/** The id of stretch g when it is counted in this document, else -1. */
function idOf(trie: Trie, g: string): number {
  const id = trie.find(g);
  return stretches.has(id) ? id : -1;
}

/**
 * The places of the pair at p ≥ 0 of a text (its stretches at `at` of ids, -1 for none; its length n), in all;
 * `none` when no Han pair is there (or p is past the text).
 */
function pairCount(ids: Int32Array, at: number, n: number, p: number, none: number): number {
  return at >= 0 && p + 1 < n && ids[at + 3 * p] !== 0 ? stretches.count[ids[at + 3 * p]!]! : none;
}

/** a slip makes pairs no other place has: the character at p with each Han neighbour is written only there */
function unique(ids: Int32Array, at: number, n: number, p: number): boolean {
  return (p < 1 || pairCount(ids, at, n, p - 1, 1) === 1) && pairCount(ids, at, n, p, 1) === 1;
}

/**
 * A cheap necessary condition for anchored(…, need 2) at a changed character p: the surroundings that must
 * match, on each side, hold the Han pair just before p and just after it (when there is one), so each such
 * pair is written here and at two places at least of the intended stretch: three in all.
 */
function recurs(ids: Int32Array, at: number, n: number, p: number): boolean {
  return (p < 2 || pairCount(ids, at, n, p - 2, 3) >= 3) && pairCount(ids, at, n, p + 1, 3) >= 3;
}

/**
 * Whether stretch `id` (of n characters) is written at least `need` times in surroundings that match those of
 * a[i, i+n): each side matches 2 characters or reaches the edge of both texts, and (edges counting for
 * nothing) at least `min` characters in all.
 */
function anchored(a: string, i: number, n: number, id: number, min: number, need: number): boolean {
  const { last, before, placeU, placeI } = stretches;
  let found = 0;
  for (let k = last[id]!; k >= 0; k = before[k]!) {
    const u = placeU[k]!;
    const b = distinct.info[u]!.text;
    const j = placeI[k]!;
    const l = leftMatch(a, i, b, j);
    if (l < 2) continue;
    const r = rightMatch(a, i + n, b, j + n);
    if (r < 2 || (l % EDGE) + (r % EDGE) < min) continue;
    found += distinct.times[u]!;
    if (found >= need) return true;
  }
  return false;
}

/** The department's name written one or two characters off (`nameEdits`), per distinct text when any is. */
function departmentSlips(dept: string, nameEdits: number): { a: number; n: number; d: number }[][] | undefined {
  const L = dept.length;
  const head = dept.slice(0, 2);
  const tail = dept.slice(-2);
  let misspelt: { a: number; n: number; d: number }[][] | undefined;
  for (let u = 0; u < distinct.n; u++) {
    const { text } = distinct.info[u]!;
    if (!text.includes(head)) continue;
    const cands: { a: number; n: number; d: number }[] = [];
    for (let a = text.indexOf(head); a >= 0; a = text.indexOf(head, a + 1)) {
      for (let n = Math.max(1, L - nameEdits); n <= L + nameEdits && a + n <= text.length; n++) {
        // a slip inside the name, not another body ("…财政所" beside "…财政局") nor a shortened name (the head is at a)
        if (n < 2 || !text.endsWith(tail, a + n)) continue;
        const w = text.slice(a, a + n);
        const d = w === dept ? 0 : editDistance(w, dept, nameEdits);
        if (d <= nameEdits) cands.push({ a, n, d });
      }
    }
    cands.sort((x, y) => x.d - y.d || Math.abs(x.n - L) - Math.abs(y.n - L) || x.a - y.a);
    const kept: typeof cands = [];
    for (const c of cands) if (!kept.some((k) => k.a < c.a + c.n && c.a < k.a + k.n)) kept.push(c);
    const off = kept.filter((c) => c.d !== 0);
    if (off.length > 0) (misspelt ??= [])[u] = off;
  }
  return misspelt;
}

/**
 * 2a. Glossary terms: one edit for terms of 2–4 characters, a third of the length for longer ones, in
 * surroundings the term has somewhere in the document (it is right by definition, however often the slip recurs).
 */
function glossarySlips(words: Words, near: NearIndex, slips: Map<string, Slip>): void {
  const { terms } = words;
  const { trie, ids } = words.met;
  /** the glossary terms' ids, looked up once per document (-2: not yet) */
  let termIds: Int32Array | undefined;
  for (let u = 0; u < distinct.n; u++) {
    const { text, misses, at } = distinct.info[u]!;
    if (!misses) continue;
    termIds ??= new Int32Array(terms.length).fill(-2);
    for (const { term, i, w, ds } of misses) {
      if (termIds[term] === -2) termIds[term] = idOf(trie, terms[term]!.v);
      const pv = termIds[term]!;
      if (pv < 0) continue;
      const v = terms[term]!.v;
      const n = v.length;
      if (n <= 4 && !ds.every((k) => unique(ids, at, text.length, i + k))) continue;
      if (isNearWord(near, w, 0, v, 0, n, ds[0]!, ds[ds.length - 1]!) || !anchored(text, i, n, pv, 0, 1)) continue;
      // the slip is one per place the text is written
      for (const t of placesOfText(texts, distinct, u)) consider(slips, { t, i, n, word: w, intended: v, count: stretches.count[pv]!, glossary: true, key: `${t}:${ds.map((k) => i + k).join(',')}` });
    }
  }
}

/**
 * 2b. The document's own vocabulary: a 2–4 character stretch written once, one character off a stretch written
 * at least twice in identical surroundings of at least `minContext` characters. The changed character must be
 * unique (see unique), which also makes the stretch written once; so only texts written once are read. First
 * the stretches that pass the cheap tests, then, in one pass over the stretches written twice or more, the
 * ones each could be a slip for, then the dear test of their surroundings.
 */
function ownSlips(met: Vocabulary, near: NearIndex, minContext: number, slips: Map<string, Slip>): void {
  const cands = candidates;
  cands.clear();
  const { info, times, first } = distinct;
  for (let u = 0; u < distinct.n; u++) if (times[u] === 1 && info[u]!.at >= 0) candidatesIn(u, met);
  if (cands.n === 0) return;
  // v agrees with the candidate but at j: on its first character when j > 0, on its second when j = 0
  cands.link();
  const { count, last, placeU, placeI } = stretches;
  // per length, the stretches in order of first place
  for (let len = 0; len < 3; len++) {
    const order = stretches.order[len]!;
    const n = len + 2;
    for (let k = 0; k < stretches.orders[len]!; k++) {
      const id = order[k]!;
      if (count[id]! < 2) continue;
      const p = last[id]!;
      const b = info[placeU[p]!]!.text;
      const i = placeI[p]!;
      const x = Candidates.keyOf(b.charCodeAt(i), n, 0);
      const y = Candidates.keyOf(b.charCodeAt(i + 1), n, 1);
      if (cands.head[Candidates.bucket(x)] !== 0) matchList(x, id, b, i, n);
      if (cands.head[Candidates.bucket(y)] !== 0) matchList(y, id, b, i, n);
    }
  }
  for (let c = 0; c < cands.n; c++) {
    if (cands.first[c] === -1) continue;
    const u = cands.u[c]!;
    const a = info[u]!.text;
    const i = cands.i[c]!;
    const n = cands.len[c]!;
    const j = cands.j[c]!;
    for (let m = cands.first[c]!; m >= 0; m = cands.then[m]!) {
      const id = cands.id[m]!;
      // the intended stretch v, as written at its last place
      const b = info[placeU[last[id]!]!]!.text;
      const vi = placeI[last[id]!]!;
      if (!isSlipChar(b.charCodeAt(vi + j)) || isNearWord(near, a, i, b, vi, n, j, j)) continue;
      // the phrase with v recurs: written at least twice in these surroundings
      if (!anchored(a, i, n, id, minContext, 2)) continue;
      consider(slips, { t: first[u]!, i, n, word: a.slice(i, i + n), intended: b.slice(vi, vi + n), count: count[id]!, glossary: false, key: `${first[u]!}:${i + j}` });
    }
  }
}

/** The characters of a text that may be a slip (candidatesIn), 1 at each. */
let may: Uint8Array = new Uint8Array(256);

/** Adds the candidates of distinct text u (written once, with Han pairs). */
function candidatesIn(u: number, met: Vocabulary): void {
  const { text: a, at } = distinct.info[u]!;
  const { ids } = met;
  if (may.length < a.length) may = new Uint8Array(Math.max(a.length, 2 * may.length));
  may.fill(0, 0, a.length);
  // the characters that may be a slip (most texts have none)
  let any = false;
  for (let p = 0; p < a.length; p++) {
    if (isSlipChar(a.charCodeAt(p)) && unique(ids, at, a.length, p) && recurs(ids, at, a.length, p)) {
      may[p] = 1;
      any = true;
    }
  }
  if (!any) return;
  // the stretches of 2–4 Han characters: every pair in them is a Han pair
  for (let i = 0; i + 1 < a.length; i++) {
    if (ids[at + 3 * i] === 0) continue;
    for (let n = 2; n <= 4 && i + n <= a.length; n++) {
      if (ids[at + 3 * (i + n - 2)] === 0) break;
      for (let j = 0; j < n; j++) {
        if (may[i + j] === 0) continue;
        if (isTerm(met, ids[at + 3 * i + n - 2]!)) break;
        candidates.add(u, a, i, n, j);
      }
    }
  }
}

/** Notes stretch `id` of n characters at i of text b as intended for each candidate of list `key` it is one character off. */
function matchList(key: number, id: number, b: string, i: number, n: number): void {
  const cands = candidates;
  next: for (let c = cands.head[Candidates.bucket(key)]! - 1; c >= 0; c = cands.next[c]!) {
    if (cands.key[c] !== key) continue;
    const a = distinct.info[cands.u[c]!]!.text;
    const ci = cands.i[c]!;
    const j = cands.j[c]!;
    for (let x = 0; x < n; x++) if ((b.charCodeAt(i + x) === a.charCodeAt(ci + x)) === (x === j)) continue next;
    cands.match(c, id);
  }
}

const NONE: never[] = [];

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
    try {
      checkTexts(ctx, textsOf(ctx.doc));
    } finally {
      letGo(texts);
    }
  },
});

/** The checks of one document's texts (see the rule's description), while `texts` holds them. */
function checkTexts(ctx: RuleContext<z.output<typeof Options>>, texts: Texts): void {
  const { nameEdits, nearWords, minContext } = ctx.options;
  const words = wordsOf(ctx.lexicons);
  const met = fresh(words);
  const distinct = distinctOf(texts, words);
  const near = nearIndexOf(nearWords);
  /** spans already reported, per text: a slip inside the department's name is reported as that */
  const taken: { t: number; a: number; b: number }[] = [];

  // 1. the department's name, one or two characters off
  const dept = ctx.doc.document?.department?.replace(/\s+/g, '');
  const misspelt = dept && [...dept].length >= 4 ? departmentSlips(dept, nameEdits) : undefined;
  if (dept && misspelt) {
    for (let t = 0; t < texts.n; t++) {
      const text = texts.text[t]!;
      for (const c of misspelt[distinct.uOf[t]!] ?? NONE) {
        taken.push({ t, a: c.a, b: c.a + c.n });
        ctx.report({ path: pathOf(texts, t), messageId: 'departmentName', data: { word: text.slice(c.a, c.a + c.n), context: around(text, c.a, c.n), intended: dept, edits: c.d } });
      }
    }
  }

  // 2. terms: the places of every stretch looked up, then the slips of glossary terms and of the document's own words
  countStretches(distinct, met, docNo);
  const slips = new Map<string, Slip>();
  glossarySlips(words, near, slips);
  ownSlips(met, near, minContext, slips);
  for (const s of [...slips.values()].sort((a, b) => a.t - b.t || a.i - b.i)) {
    if (taken.some((k) => k.t === s.t && k.a < s.i + s.n && s.i < k.b)) continue;
    const text = texts.text[s.t]!;
    ctx.report({ path: pathOf(texts, s.t), messageId: 'term', data: { word: s.word, context: around(text, s.i, s.n), intended: s.intended, count: s.count } });
  }

  // 3. template text left in
  let left = false;
  for (let u = 0; u < distinct.n && !left; u++) left = distinct.info[u]!.placeholders !== undefined;
  if (left) {
    for (let t = 0; t < texts.n; t++) {
      const text = texts.text[t]!;
      for (const f of distinct.info[distinct.uOf[t]!]!.placeholders ?? NONE) ctx.report({ path: pathOf(texts, t), messageId: 'placeholder', data: { word: f.p, context: around(text, f.i, f.p.length) } });
    }
  }
}

const LATIN = /[A-Za-z]/;
const ONE_LETTER_RUN = /^([A-Za-z])\1*$/;
