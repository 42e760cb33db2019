/**
 * The document's words against themselves: the department's name misspelled (回放 for 回族), a recurring
 * term misspelled where it recurs (两回 for 两会, 现行时长价格 for 现行市场价格), and template text left in.
 *
 * Chinese has no spaces, so there are no words to look up: a slip is a short stretch of text that is one
 * character (two for long glossary terms) away from a term the document uses elsewhere IN THE SAME
 * SURROUNDINGS. "暑期、两回安保" next to "暑期、两会安保" is a slip; "村民" next to "居民" in different
 * sentences is two words. Precision first: a finding must be a real slip.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { Path } from '../src/engine/path.js';
import { defineRule } from '../src/engine/rule.js';
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

/** Every string of the model with its path; numbers (stated figures) are not text. */
function stringsOf(v: unknown, path: Path, out: Text[]): Text[] {
  if (typeof v === 'string') out.push({ path, text: v });
  else if (Array.isArray(v)) v.forEach((x, i) => stringsOf(x, [...path, i], out));
  else if (v !== null && typeof v === 'object' && !(v instanceof Decimal) && !('value' in v && (v as { value: unknown }).value instanceof Decimal)) {
    for (const [k, x] of Object.entries(v)) stringsOf(x, [...path, k], out);
  }
  return out;
}

const HAN = /^\p{Script=Han}$/u;
const NUMERAL = /^[一二三四五六七八九十百千万亿零两〇壹贰叁肆伍陆柒捌玖拾]$/u;
const B = '\u0000'; // a string's edge, in a context
const SPACE = /\s/;

/** A place in a text: which text, where. */
interface At {
  t: number;
  i: number;
}

function around(text: string, i: number, n: number, pad = 8): string {
  const a = Math.max(0, i - pad);
  const b = Math.min(text.length, i + n + pad);
  return `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\s+/g, ' ')}${b < text.length ? '…' : ''}`;
}

/**
 * How many characters before `i` in a and before `j` in b are equal, up to max; `edge` when both reach the
 * start of their text together (the surroundings then match as far as they go).
 */
function leftMatch(a: string, i: number, b: string, j: number, max: number): { n: number; edge: boolean } {
  let k = 0;
  while (k < max) {
    const x = i - k - 1 >= 0 ? a[i - k - 1] : B;
    const y = j - k - 1 >= 0 ? b[j - k - 1] : B;
    if (x === B && y === B) return { n: k, edge: true };
    if (SPACE.test(x!) && SPACE.test(y!)) return { n: k, edge: true }; // a gap in a table row ends a cell
    if (x !== y) break;
    k++;
  }
  return { n: k, edge: false };
}

function rightMatch(a: string, i: number, b: string, j: number, max: number): { n: number; edge: boolean } {
  let k = 0;
  while (k < max) {
    const x = i + k < a.length ? a[i + k] : B;
    const y = j + k < b.length ? b[j + k] : B;
    if (x === B && y === B) return { n: k, edge: true };
    if (SPACE.test(x!) && SPACE.test(y!)) return { n: k, edge: true }; // a gap in a table row ends a cell
    if (x !== y) break;
    k++;
  }
  return { n: k, edge: false };
}

/** Positions where two equal-length strings differ, or undefined when a differing character is not a Han non-numeral. */
function diffs(a: string, b: string): number[] | undefined {
  const out: number[] = [];
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (!HAN.test(a[k]!) || !HAN.test(b[k]!) || NUMERAL.test(a[k]!) || NUMERAL.test(b[k]!)) return undefined;
    out.push(k);
  }
  return out;
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
    const texts = stringsOf(ctx.doc, [], []).filter(
      (x) => x.path[0] !== '$schema' && !(x.path[0] === 'document' && ['source', 'kind', 'unit', 'department'].includes(String(x.path[1]))) && x.text.trim() !== '',
    );
    const glossary = new Set(ctx.lexicons.glossary);
    const near = nearWords.map((p) => p.split('/') as [string, string]);
    /** spans already reported, per text: a slip inside the department's name is reported as that */
    const taken: { t: number; a: number; b: number }[] = [];
    const overlaps = (t: number, a: number, b: number) => taken.some((s) => s.t === t && s.a < b && a < s.b);

    // 1. the department's name, one or two characters off
    const dept = ctx.doc.document?.department?.replace(/\s+/g, '');
    if (dept && [...dept].length >= 4) {
      const L = dept.length;
      texts.forEach(({ path, text }, t) => {
        const cands: { a: number; n: number; d: number }[] = [];
        const head = dept.slice(0, 2);
        for (let a = text.indexOf(head); a >= 0; a = text.indexOf(head, a + 1)) {
          for (let n = Math.max(1, L - nameEdits); n <= L + nameEdits && a + n <= text.length; n++) {
            const w = text.slice(a, a + n);
            // a slip inside the name, not another body ("…财政所" beside "…财政局") nor a shortened name
            if (!w.startsWith(dept.slice(0, 2)) || !w.endsWith(dept.slice(-2))) continue;
            const d = editDistance(w, dept, nameEdits);
            if (d <= nameEdits) cands.push({ a, n, d });
          }
        }
        cands.sort((x, y) => x.d - y.d || Math.abs(x.n - L) - Math.abs(y.n - L) || x.a - y.a);
        const kept: typeof cands = [];
        for (const c of cands) if (!kept.some((k) => k.a < c.a + c.n && c.a < k.a + k.n)) kept.push(c);
        for (const c of kept) {
          if (c.d === 0) continue;
          const word = text.slice(c.a, c.a + c.n);
          taken.push({ t, a: c.a, b: c.a + c.n });
          ctx.report({ path, messageId: 'departmentName', data: { word, context: around(text, c.a, c.n), intended: dept, edits: c.d } });
        }
      });
    }

    // 2. terms: n-gram counts and places
    const MAXN = Math.max(4, ...[...glossary].map((g) => g.length));
    const places = new Map<string, At[]>();
    // only what is looked up is kept: stretches of Han characters, and past 4 characters only glossary terms
    const glossaryLengths = new Set([...glossary].map((g) => g.length).filter((n) => n > 4));
    texts.forEach(({ text }, t) => {
      for (let i = 0; i < text.length; i++) {
        if (!HAN.test(text[i]!)) continue;
        for (let n = 2; n <= MAXN && i + n <= text.length; n++) {
          if (!HAN.test(text[i + n - 1]!)) break;
          if (n > 4 && !glossaryLengths.has(n)) continue;
          const g = text.slice(i, i + n);
          if (n > 4 && !glossary.has(g)) continue;
          const l = places.get(g);
          if (l) l.push({ t, i });
          else places.set(g, [{ t, i }]);
        }
      }
    });
    const count = (g: string) => places.get(g)?.length ?? 0;
    const isNearWord = (w: string, v: string, ds: number[]) =>
      near.some(([x, y]) =>
        [[x, y], [y, x]].some(([p, q]) => {
          for (let j = 0; j + p!.length <= w.length; j++) {
            if (w.startsWith(p!, j) && v.startsWith(q!, j) && ds.every((k) => k >= j && k < j + p!.length)) return true;
          }
          return false;
        }),
      );
    /**
     * The places of v whose surroundings match those of w at (t, i): each side matches 2 characters or
     * reaches the edge of both texts, and (edges counting for nothing) at least `min` characters in all.
     */
    const anchors = (t: number, i: number, n: number, v: string, min: number): number => {
      const a = texts[t]!.text;
      let found = 0;
      for (const p of places.get(v) ?? []) {
        const b = texts[p.t]!.text;
        const l = leftMatch(a, i, b, p.i, 8);
        const r = rightMatch(a, i + n, b, p.i + n, 8);
        if ((l.n < 2 && !l.edge) || (r.n < 2 && !r.edge) || l.n + r.n < min) continue;
        found++;
      }
      return found;
    };
    /** a slip makes pairs no other place has: the character at p with each Han neighbour is written only there */
    const unique = (t: number, p: number) => {
      const a = texts[t]!.text;
      const grams = [p >= 1 ? a.slice(p - 1, p + 1) : '', p + 1 < a.length ? a.slice(p, p + 2) : ''];
      return grams.every((g) => g.length < 2 || ![...g].every((c) => HAN.test(c)) || count(g) === 1);
    };
    const slips = new Map<string, Slip>();
    const consider = (s: Slip) => {
      const prev = slips.get(s.key);
      if (!prev || (s.glossary && !prev.glossary) || (s.glossary === prev.glossary && (s.count > prev.count || (s.count === prev.count && s.n < prev.n)))) slips.set(s.key, s);
    };

    // 2a. glossary terms: one edit for terms of 2–4 characters, a third of the length for longer ones, in
    // surroundings the term has somewhere in the document (it is right by definition, however often the slip recurs)
    for (const v of glossary) {
      const n = v.length;
      if (n < 2 || count(v) === 0) continue;
      const bound = n <= 4 ? 1 : Math.floor(n / 3);
      texts.forEach(({ text }, t) => {
        for (let i = 0; i + n <= text.length; i++) {
          // most places differ from the term at once: count without slicing, give up past the bound
          let miss = 0;
          for (let k = 0; k < n && miss <= bound; k++) if (text.charCodeAt(i + k) !== v.charCodeAt(k)) miss++;
          if (miss === 0 || miss > bound) continue;
          const w = text.slice(i, i + n);
          if (glossary.has(w)) continue;
          const ds = diffs(w, v);
          if (!ds || ds.length === 0 || ds.length > bound || isNearWord(w, v, ds)) continue;
          if (n <= 4 && !ds.every((k) => unique(t, i + k))) continue;
          if (anchors(t, i, n, v, 0) === 0) continue;
          consider({ t, i, n, word: w, intended: v, count: count(v), glossary: true, key: `${t}:${ds.map((k) => i + k).join(',')}` });
        }
      });
    }

    // 2b. the document's own vocabulary: a 2–4 character stretch written once, one character off a stretch
    // written at least twice in identical surroundings of at least `minContext` characters
    const masked = new Map<string, string[]>();
    for (const [g, l] of places) {
      if (g.length > 4 || l.length < 2 || ![...g].every((c) => HAN.test(c))) continue;
      for (let j = 0; j < g.length; j++) {
        const k = `${g.slice(0, j)}\u0001${g.slice(j + 1)}`;
        const m = masked.get(k);
        if (m) m.push(g);
        else masked.set(k, [g]);
      }
    }
    for (const [w, l] of places) {
      if (w.length > 4 || l.length !== 1 || glossary.has(w) || ![...w].every((c) => HAN.test(c))) continue;
      const { t, i } = l[0]!;
      for (let j = 0; j < w.length; j++) {
        for (const v of masked.get(`${w.slice(0, j)}\u0001${w.slice(j + 1)}`) ?? []) {
          if (v === w) continue;
          const ds = diffs(w, v);
          if (!ds || ds.length !== 1 || isNearWord(w, v, ds) || !unique(t, i + ds[0]!)) continue;
          // the phrase with v recurs: written at least twice in these surroundings
          if (anchors(t, i, w.length, v, minContext) < 2) continue;
          consider({ t, i, n: w.length, word: w, intended: v, count: count(v), glossary: false, key: `${t}:${i + ds[0]!}` });
        }
      }
    }

    for (const s of [...slips.values()].sort((a, b) => a.t - b.t || a.i - b.i)) {
      if (overlaps(s.t, s.i, s.i + s.n)) continue;
      const { path, text } = texts[s.t]!;
      ctx.report({ path, messageId: 'term', data: { word: s.word, context: around(text, s.i, s.n), intended: s.intended, count: s.count } });
    }

    // 3. template text left in
    texts.forEach(({ path, text }) => {
      const found: { i: number; p: string }[] = [];
      for (const p of ctx.lexicons.placeholders) {
        if (!p) continue;
        for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + p.length)) {
          // "XX" inside a Latin word ("XXL", "Maxx") is not a placeholder; a run of it ("XXX") is
          if (/^[A-Za-z]+$/.test(p)) {
            let a = i;
            while (a > 0 && /[A-Za-z]/.test(text[a - 1]!)) a--;
            let b = i + p.length;
            while (b < text.length && /[A-Za-z]/.test(text[b]!)) b++;
            if (!/^([A-Za-z])\1*$/.test(text.slice(a, b))) continue;
          }
          if (found.some((f) => f.i <= i && i < f.i + f.p.length)) continue;
          found.push({ i, p });
        }
      }
      for (const f of found.sort((a, b) => a.i - b.i)) {
        ctx.report({ path, messageId: 'placeholder', data: { word: f.p, context: around(text, f.i, f.p.length) } });
      }
    });
  },
});
