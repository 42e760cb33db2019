/**
 * A PDF's text layer → blocks. pdf.js gives positioned runs of text and nothing else: no paragraphs, no
 * tables, no cells. This rebuilds them from positions alone, as a reader's eye does:
 *
 * - lines: runs whose baselines agree (within a third of the font size), in reading order; runs that
 *   touch are one chunk of text, runs apart are separate chunks (cells, or words a gap apart);
 * - tables: lines with wide gaps between chunks, from there on while lines keep fitting (a narrow line
 *   is a row of few cells, a wrapped name, a 合计 row); the lines after a "单位：元" line are a table's
 *   header. A table that runs to the foot of a page and goes on at the top of the next is one table,
 *   its header repeated there dropped;
 * - columns: from the body (the rows under the header), where the chunks of every row stack up on the
 *   x axis; a column's label is the lowest header cell over it, and header cells on that level with no
 *   figure under them are columns too (empty columns: 事业收入 when there is none);
 * - rows: chunks of the body whose centres are close; a cell wrapped onto two lines is centred on its
 *   row (the row's single-line cells sit between its lines), or, printed from the top, a line with
 *   nothing but the rest of a full name continues the row above;
 * - paragraphs: the other lines, joined while a line runs to the right margin and the next is not
 *   indented nor starts a numbered item.
 *
 * Coordinates are the page's as a viewer shows it: points from the top-left corner, y down to the baseline.
 */
import type { Block, ParagraphBlock, SourceLoc, TableBlock, TableCell } from './blocks.js';
import { rememberLines, type ParagraphLine } from './pdf-place.js';

type PdfLoc = Extract<SourceLoc, { kind: 'pdf' }>;

export interface PdfTextItem {
  text: string;
  /** left end of the baseline */
  x: number;
  /** baseline, from the top of the page */
  y: number;
  width: number;
  /** font size (the text's height) */
  size: number;
}

export interface PdfPageText {
  /** 1-based */
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  /** pages before this one, times a page height: orders chunks of a table over pages */
  base: number;
}

interface Line {
  page: number;
  /** 1-based line of the page */
  no: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  chunks: Chunk[];
  base: number;
  pageWidth: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const compactText = (s: string) => s.replace(/\s+/g, '');
const CJK = '\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d';
const CJK_SPACES = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');
/** spaces a justified line spreads between Chinese characters ("因 公 出 国") are not the text's */
const tight = (s: string) => s.replace(CJK_SPACES, '').trim();

const NUMBER = /^[-−]?[\d,，]+(?:\.\d+)?%?$/;
const isNumber = (s: string) => NUMBER.test(compactText(s));
const CODE = /^\d{3}$/;
const ENUM = /^(?:[一二三四五六七八九十]+[、.．]|\d+[.．、]\s*[^\d\s.．]|[（(][一二三四五六七八九十\d]+[)）])/;
const TOTAL = /^.{0,8}(?:合计|总计)$/;
const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))/;
const UNIT = /单位[:：]/;
const LEADER = /[.…·．]{6,}|…{3,}/;
const NOTE = /^(?:注|说明|备注|资料来源)[:：\d]/;

// ---------------------------------------------------------------------------------------------------
// runs → lines

function linesOf(p: PdfPageText, base: number): Line[] {
  const items = p.items.filter((i) => i.text.trim() && i.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(it.y - g[0]!.y) <= 0.35 * Math.min(it.size, g[0]!.size)) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g, i) => {
    g.sort((a, b) => a.x - b.x);
    const chunks: Chunk[] = [];
    for (const it of g) {
      const last = chunks[chunks.length - 1];
      const x1 = it.x + it.width;
      // runs that touch (a font change, a run split by the writer) are one chunk
      if (last && it.x - last.x1 <= 0.15 * it.size) {
        last.text += it.text;
        last.x1 = Math.max(last.x1, x1);
        last.size = Math.max(last.size, it.size);
      } else chunks.push({ text: it.text, x0: it.x, x1, y: it.y, size: it.size, page: p.page, base });
    }
    for (const c of chunks) c.text = c.text.replace(/\s+$/, '').replace(/^\s+/, '');
    const sizes = chunks.map((c) => c.size).sort((a, b) => a - b);
    return {
      page: p.page,
      no: i + 1,
      y: Math.min(...g.map((x) => x.y)),
      size: sizes[Math.floor(sizes.length / 2)]!,
      x0: chunks[0]!.x0,
      x1: Math.max(...chunks.map((c) => c.x1)),
      chunks,
      base,
      pageWidth: p.width,
    };
  });
}

const lineText = (l: Line) => joinChunks(l.chunks);

function joinChunks(chunks: readonly Chunk[]): string {
  let s = '';
  chunks.forEach((c, i) => {
    if (i > 0) s += c.x0 - chunks[i - 1]!.x1 > 0.5 * c.size ? ' ' : '';
    s += c.text;
  });
  return s;
}

/** Wide gaps between chunks: one very wide, or two wide. */
function isTabular(l: Line): boolean {
  if (l.chunks.length < 2) return false;
  let wide = 0;
  for (let i = 1; i < l.chunks.length; i++) {
    const gap = l.chunks[i]!.x0 - l.chunks[i - 1]!.x1;
    if (gap >= 1.5 * l.size) return true;
    if (gap >= 0.9 * l.size) wide++;
  }
  return wide >= 2;
}

/** A page number alone at the head or foot of a page. */
function isPageNumber(l: Line, height: number): boolean {
  const t = compactText(lineText(l));
  return (l.y < 0.08 * height || l.y > 0.92 * height) && /^(?:[-—–]?\d{1,3}[-—–]?|第\d{1,3}页(?:共\d+页)?|\d{1,3}\/\d{1,3})$/.test(t);
}

// ---------------------------------------------------------------------------------------------------
// lines → paragraphs and tables

type Segment = { kind: 'para'; line: Line } | { kind: 'table'; lines: Line[] };

function segmentPage(lines: Line[], height: number, continuing?: Line[]): Segment[] {
  const out: Segment[] = [];
  let table: Line[] | undefined;
  // after a unit line, or at the top of a page when the page before ended in a table: the font size of the table to come
  let expectSize: number | undefined = continuing ? median(continuing.map((l) => l.size)) : undefined;
  // at the top of a page, a line of few words goes on with the table of the page before only if it lines
  // up with it (a row's name under the names), not when it is a heading after the table
  let edges = continuing?.flatMap((l) => l.chunks.flatMap((c) => [c.x0, c.x1]));
  const alignedWithBefore = (l: Line) => !edges || l.chunks.every((c) => edges!.some((e) => Math.abs(e - c.x0) <= 2 || Math.abs(e - c.x1) <= 2));
  const close = () => {
    if (table?.length) out.push({ kind: 'table', lines: table });
    table = undefined;
  };
  for (const l of lines) {
    if (isPageNumber(l, height)) continue;
    const text = lineText(l);
    const flat = compactText(text);
    if ((UNIT.test(flat) && flat.length <= 60) || LEADER.test(text)) {
      close();
      out.push({ kind: 'para', line: l });
      expectSize = UNIT.test(flat) ? l.size : undefined;
      edges = undefined;
      continue;
    }
    const size = table?.length ? median(table.map((x) => x.size)) : expectSize;
    const fitsSize = size === undefined || l.size <= 1.25 * size;
    if (isTabular(l) && fitsSize && !NOTE.test(flat)) {
      (table ??= []).push(l);
      continue;
    }
    const fitsHere = table?.length || (expectSize !== undefined && alignedWithBefore(l));
    if (fitsHere && fitsSize && !NOTE.test(flat) && l.x1 - l.x0 < 0.45 * l.pageWidth) {
      (table ??= []).push(l);
      continue;
    }
    close();
    expectSize = undefined;
    edges = undefined;
    out.push({ kind: 'para', line: l });
  }
  close();
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export interface LayoutResult {
  blocks: Block[];
}

export function layoutPages(pages: readonly PdfPageText[]): LayoutResult {
  const blocks: Block[] = [];
  // a table over pages: the parts, one a page
  let pendingTable: Line[][] | undefined;
  let para: Line[] | undefined;
  let tableNo = 0;
  let base = 0;
  let margins = { left: 0, right: 0 };
  let lastWasTable = false;

  const flushTable = () => {
    if (!pendingTable) return;
    const t = buildTable(pendingTable, ++tableNo);
    if (t) blocks.push(t);
    else tableNo--;
    pendingTable = undefined;
  };
  const flushPara = () => {
    if (para) blocks.push(paragraphBlock(para));
    para = undefined;
  };

  for (const p of pages) {
    const lines = linesOf(p, base);
    base += p.height + 1000;
    const last = pendingTable?.[pendingTable.length - 1];
    const segments = segmentPage(lines, p.height, lastWasTable ? last : undefined);
    const body = segments.flatMap((s) => (s.kind === 'para' ? [s.line] : [])).filter((l) => l.x1 - l.x0 > 0.3 * p.width);
    const pageMargins = body.length ? { left: Math.min(...body.map((l) => l.x0)), right: Math.max(...body.map((l) => l.x1)) } : undefined;
    segments.forEach((s, i) => {
      if (s.kind === 'table') {
        flushPara();
        // a table at the top of a page goes on from the one at the foot of the page before
        if (i === 0 && pendingTable && lastWasTable) pendingTable.push(s.lines);
        else {
          flushTable();
          pendingTable = [s.lines];
        }
        lastWasTable = true;
        return;
      }
      const l = s.line;
      const m = pageMargins ?? { left: l.x0, right: l.x1 };
      if (para && !lastWasTable && continues(para[para.length - 1]!, l, i === 0, margins, m)) {
        para.push(l);
      } else {
        flushTable();
        flushPara();
        para = [l];
      }
      margins = m;
      lastWasTable = false;
    });
  }
  flushTable();
  flushPara();
  return { blocks };
}

/** Does line `l` go on with the paragraph whose last line is `q`? */
function continues(q: Line, l: Line, firstOnPage: boolean, qm: { left: number; right: number }, lm: { left: number; right: number }): boolean {
  if (Math.abs(l.size - q.size) > 0.1 * q.size) return false;
  if (q.page === l.page) {
    const gap = l.y - q.y;
    if (gap <= 0 || gap > 1.6 * q.size) return false;
  } else if (!firstOnPage || l.page !== q.page + 1) return false;
  const lt = compactText(lineText(l));
  const qt = compactText(lineText(q));
  if (HEADING.test(lt)) return false;
  if (HEADING.test(qt) && qt.length <= 40 && !/[。；]/.test(qt)) return false;
  const full = q.x1 >= qm.right - 1.5 * q.size;
  const indented = l.x0 > lm.left + 0.6 * l.size;
  if (full && !indented) return true;
  // a line broken before the margin, mid-sentence (no full stop), still goes on
  return q.x1 - qm.left >= 0.8 * (qm.right - qm.left) && !/[。；！？：:]$/.test(qt) && l.x0 < lm.left + 3 * l.size;
}

function paragraphBlock(lines: Line[]): ParagraphBlock {
  const texts = lines.map(lineText);
  const parts: ParagraphLine[] = [];
  // a line wrapped in Chinese text goes on with no space; words of Latin script get one
  let text = '';
  lines.forEach((l, i) => {
    const t = texts[i]!;
    if (i > 0 && /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(t)) text += ' ';
    parts.push({ start: text.length, length: t.length, loc: lineLoc(l) });
    text += t;
  });
  const first = lines[0]!;
  const sameLines = lines.filter((l) => l.page === first.page);
  const loc: PdfLoc = {
    kind: 'pdf',
    page: first.page,
    line: first.no,
    x: round(Math.min(...sameLines.map((l) => l.x0))),
    y: round(first.y - first.size),
    width: round(Math.max(...sameLines.map((l) => l.x1)) - Math.min(...sameLines.map((l) => l.x0))),
    height: round(sameLines[sameLines.length - 1]!.y - first.y + first.size),
  };
  rememberLines(loc, parts);
  return { type: 'paragraph', text, loc };
}

function lineLoc(l: Line): PdfLoc {
  return { kind: 'pdf', page: l.page, line: l.no, x: round(l.x0), y: round(l.y - l.size), width: round(l.x1 - l.x0), height: round(l.size) };
}

// ---------------------------------------------------------------------------------------------------
// table lines → a grid

interface HeaderCell {
  text: string;
  x0: number;
  x1: number;
  /** centre of its lines' baselines */
  y: number;
  size: number;
  chunks: Chunk[];
  level?: number;
}

interface Column {
  x0: number;
  x1: number;
  leaf?: HeaderCell;
  /** index into the body's ink intervals */
  inks: number[];
}

/** Where the body of a table part begins: its first row with a code, a numbered label or a total; else its first figure. */
function bodyStart(lines: Line[]): number {
  const anchor = lines.findIndex((l) => {
    const words = l.chunks.filter((c) => !isNumber(c.text)).map((c) => compactText(c.text));
    if (l.chunks.some((c) => CODE.test(compactText(c.text)))) return true;
    if (words.length && ENUM.test(words[0]!) && !isNumber(l.chunks[0]!.text) && compactText(l.chunks[0]!.text) === words[0]) return true;
    return words.length > 0 && words.every((w) => TOTAL.test(w));
  });
  if (anchor >= 0) return anchor;
  const figure = lines.findIndex((l) => l.chunks.some((c) => isNumber(c.text)));
  return figure >= 0 ? figure : Math.min(1, lines.length);
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }, tol = 0) => a.x0 < b.x1 + tol && b.x0 < a.x1 + tol;
const centre = (a: { x0: number; x1: number }) => (a.x0 + a.x1) / 2;
const yOf = (c: Chunk) => c.base + c.y;

function buildTable(parts: Line[][], tableNo: number): TableBlock | undefined {
  const first = parts[0]!;
  // a table of a single line is all body
  const split = first.length > 1 ? bodyStart(first) : 0;
  const headerLines = first.slice(0, split);
  const headerKey = compactText(headerLines.map(lineText).join(''));
  const bodyLines: Line[] = first.slice(split);
  const floating: Chunk[] = [];
  for (const l of headerLines) floating.push(...l.chunks.filter((c) => isNumber(c.text)));
  for (const part of parts.slice(1)) {
    const s = bodyStart(part);
    const head = part.slice(0, s);
    // the header repeated at the top of the page is dropped; lines that are not it are rows
    if (s > 0 && headerKey && compactText(head.map(lineText).join('')) === headerKey) {
      for (const l of head) floating.push(...l.chunks.filter((c) => isNumber(c.text)));
      bodyLines.push(...part.slice(s));
    } else bodyLines.push(...part);
  }
  const body = [...bodyLines.flatMap((l) => l.chunks), ...floating];
  if (!body.length) return undefined;
  const size = median(body.map((c) => c.size));

  // ink: where the body's chunks stack up on the x axis
  const sorted = [...body].sort((a, b) => a.x0 - b.x0);
  const inks: { x0: number; x1: number }[] = [];
  for (const c of sorted) {
    const last = inks[inks.length - 1];
    if (last && c.x0 <= last.x1 + 1) last.x1 = Math.max(last.x1, c.x1);
    else inks.push({ x0: c.x0, x1: c.x1 });
  }
  const inkOf = (c: Chunk) => inks.findIndex((k) => c.x0 >= k.x0 - 0.01 && c.x0 <= k.x1);

  // header cells: a cell's text wrapped onto lines centred under each other is one cell
  const headerChunks = headerLines.flatMap((l) => l.chunks.filter((c) => !isNumber(c.text))).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const cells: HeaderCell[] = [];
  const lineOfChunk = new Map<Chunk, Line>();
  for (const l of headerLines) for (const c of l.chunks) lineOfChunk.set(c, l);
  for (const c of headerChunks) {
    const w = cells.find((h) => {
      const u = h.chunks[h.chunks.length - 1]!;
      const dy = c.y - u.y;
      // a wrapped cell's lines are a line's height apart (sub-headings are a row's height apart)
      if (dy <= 0.35 * c.size || dy > 1.35 * c.size) return false;
      const contained = (c.x0 >= u.x0 - 2 && c.x1 <= u.x1 + 2) || (u.x0 >= c.x0 - 2 && u.x1 <= c.x1 + 2);
      if (!contained || Math.abs(centre(c) - centre(u)) > 1.3 * c.size) return false;
      // a line of sub-headings under a heading is not its continuation
      const siblings = lineOfChunk.get(c)!.chunks.filter((o) => o !== c && !isNumber(o.text));
      return !siblings.some((o) => overlap(o, { x0: u.x0 - c.size, x1: u.x1 + c.size }));
    });
    if (w) {
      w.chunks.push(c);
      w.text += c.text;
      w.x0 = Math.min(w.x0, c.x0);
      w.x1 = Math.max(w.x1, c.x1);
      w.y = w.chunks.reduce((s, x) => s + x.y, 0) / w.chunks.length;
    } else cells.push({ text: c.text, x0: c.x0, x1: c.x1, y: c.y, size: c.size, chunks: [c] });
  }
  for (const h of cells) h.text = tight(h.text);
  // levels: cells whose centres agree
  const byY = [...cells].sort((a, b) => a.y - b.y);
  const levels: number[] = [];
  for (const h of byY) {
    const lv = levels.findIndex((y) => Math.abs(y - h.y) <= 0.5 * h.size);
    if (lv >= 0) h.level = lv;
    else {
      levels.push(h.y);
      h.level = levels.length - 1;
    }
  }
  // a leaf: nothing under it
  const leaves = cells.filter((h) => !cells.some((o) => o !== h && o.y > h.y + 0.35 * h.size && overlap(o, h, -1)));

  // columns: each ink stack under its lowest leaf (or, when no heading is over it, the nearest)
  const columns: Column[] = [];
  const used = new Set<HeaderCell>();
  inks.forEach((k, i) => {
    const over = leaves.filter((h) => overlap(h, k, 2));
    let leaf = over.sort((a, b) => b.y - a.y)[0];
    if (!leaf && leaves.length) leaf = [...leaves].sort((a, b) => Math.abs(centre(a) - centre(k)) - Math.abs(centre(b) - centre(k)))[0];
    const same = leaf ? columns.find((c) => c.leaf === leaf) : undefined;
    if (same) {
      same.inks.push(i);
      same.x0 = Math.min(same.x0, k.x0);
      same.x1 = Math.max(same.x1, k.x1);
      return;
    }
    if (leaf) used.add(leaf);
    columns.push({ x0: Math.min(k.x0, leaf?.x0 ?? k.x0), x1: Math.max(k.x1, leaf?.x1 ?? k.x1), leaf, inks: [i] });
  });
  // empty columns: the other leaves, but not a heading of the top level over a gap between the
  // headings under it (本年收入 centred over 项目 | 预算数, 项目 over the code and name columns)
  const top = levels.length ? Math.min(...levels) : 0;
  for (const h of leaves) {
    if (used.has(h)) continue;
    if (levels.length > 1 && Math.abs(h.y - top) <= 0.5 * h.size) {
      const peers = cells.filter((o) => o !== h && Math.abs(o.y - h.y) <= h.size);
      const left = Math.max(-Infinity, ...peers.filter((o) => o.x1 <= h.x0).map((o) => (o.x1 + h.x0) / 2));
      const right = Math.min(Infinity, ...peers.filter((o) => o.x0 >= h.x1).map((o) => (o.x0 + h.x1) / 2));
      if (cells.some((o) => o.y > h.y + 0.35 * h.size && centre(o) >= left && centre(o) <= right)) continue;
    }
    if (columns.some((c) => overlap(c, h, -1))) continue;
    columns.push({ x0: h.x0, x1: h.x1, leaf: h, inks: [] });
    used.add(h);
  }
  columns.sort((a, b) => centre(a) - centre(b));
  const colOfInk = new Map<number, number>();
  columns.forEach((c, j) => c.inks.forEach((i) => colOfInk.set(i, j)));

  // header rows: one a level; a cell spreads over the columns under it
  const page = first[0]!.page;
  const rows: TableCell[][] = [];
  const headerRows = levels.map((_, i) => i).sort((a, b) => levels[a]! - levels[b]!);
  const rowOfLevel = new Map(headerRows.map((lv, r) => [lv, r]));
  // a heading is centred over the run of columns it heads: of the runs of adjacent columns that take in
  // the columns it overlaps (or the nearest), the one whose middle is nearest its own, a wider run
  // counting a little against (合计 over 预算数 | 决算数, 项目 over 类 | 款 | 项 | 科目名称)
  const cover = (h: HeaderCell): number[] => {
    if (used.has(h)) return [columns.findIndex((c) => c.leaf === h)];
    const hit = columns.map((c, j) => (overlap(c, h, -1) ? j : -1)).filter((j) => j >= 0);
    const near = columns.reduce((best, c, j) => (Math.abs(centre(c) - centre(h)) < Math.abs(centre(columns[best]!) - centre(h)) ? j : best), 0);
    const lo = hit.length ? hit[0]! : near;
    const hi = hit.length ? hit[hit.length - 1]! : near;
    const score = (a: number, b: number) => Math.abs((columns[a]!.x0 + columns[b]!.x1) / 2 - centre(h)) + 0.1 * (columns[b]!.x1 - columns[a]!.x0);
    let best: [number, number] = [lo, hi];
    for (let a = 0; a <= lo; a++) for (let b = hi; b < columns.length; b++) if (score(a, b) < score(...best)) best = [a, b];
    return columns.map((_, j) => j).filter((j) => j >= best[0] && j <= best[1]);
  };
  const grid: (HeaderCell | undefined)[][] = headerRows.map(() => columns.map(() => undefined));
  for (const h of cells) {
    const r = rowOfLevel.get(h.level!)!;
    for (const j of cover(h)) {
      const leaf = columns[j]!.leaf;
      // nothing under a column's own label
      if (leaf && h !== leaf && h.y > leaf.y + 0.35 * h.size) continue;
      const had = grid[r]![j];
      const m = centre(columns[j]!);
      if (!had || (had !== leaf && Math.abs(centre(h) - m) < Math.abs(centre(had) - m))) grid[r]![j] = h;
    }
  }
  grid.forEach((row, r) => {
    rows.push(
      row.map((h, j) => ({
        text: h?.text ?? '',
        loc: h ? boxLoc(h.chunks, page, tableNo, r + 1, j + 1) : { kind: 'pdf', page, table: tableNo, row: r + 1, column: j + 1, x: round(columns[j]!.x0), y: round(levels[headerRows[r]!]! - size) },
        ...(h && j > 0 && row[j - 1] === h ? { mergedFromLeft: true } : {}),
      })),
    );
  });

  // body rows: chunks whose centres are close, in page order
  const bodySorted = [...body].sort((a, b) => yOf(a) - yOf(b) || a.x0 - b.x0);
  const groups: Chunk[][] = [];
  let bottom = -Infinity;
  for (const c of bodySorted) {
    if (!groups.length || yOf(c) - bottom > 0.75 * size) {
      groups.push([c]);
      bottom = yOf(c);
    } else {
      groups[groups.length - 1]!.push(c);
      bottom = Math.max(bottom, yOf(c));
    }
  }
  const isCodeColumn = (j: number) => /^[类款项]$/.test(columns[j]?.leaf?.text ?? '');
  const colOf = (c: Chunk) => {
    const j = colOfInk.get(inkOf(c)) ?? 0;
    // 合计 centred in a cell over the code columns and the name (a table with no rows) belongs with the names
    if (isCodeColumn(j) && TOTAL.test(compactText(c.text))) {
      const k = columns.findIndex((_, i) => i > j && !isCodeColumn(i));
      if (k >= 0) return k;
    }
    return j;
  };
  const rightEdge = columns.map((_, j) => Math.max(-Infinity, ...body.filter((c) => colOf(c) === j).map((c) => c.x1)));
  // a line with nothing but the rest of a full name continues the row above
  const merged: Chunk[][] = [];
  for (const g of groups) {
    const prev = merged[merged.length - 1];
    if (prev && g.every((c) => !isNumber(c.text) && !CODE.test(compactText(c.text)) && !ENUM.test(compactText(c.text)) && !TOTAL.test(compactText(c.text)))) {
      const above = g.map((c) => {
        const same = prev.filter((p) => colOf(p) === colOf(c));
        const last = same.sort((a, b) => yOf(b) - yOf(a))[0];
        return last && yOf(c) - yOf(last) <= 1.6 * c.size && last.x1 >= rightEdge[colOf(c)]! - 1.2 * c.size;
      });
      if (above.every(Boolean)) {
        prev.push(...g);
        continue;
      }
    }
    merged.push(g);
  }
  const headerCount = rows.length;
  merged.forEach((g, r) => {
    const top = Math.min(...g.map((c) => c.y - c.size));
    const rowPage = g[0]!.page;
    rows.push(
      columns.map((col, j) => {
        const here = g.filter((c) => colOf(c) === j).sort((a, b) => a.y - b.y || a.x0 - b.x0);
        if (!here.length) return { text: '', loc: { kind: 'pdf', page: rowPage, table: tableNo, row: headerCount + r + 1, column: j + 1, x: round(col.x0), y: round(top), width: round(col.x1 - col.x0) } };
        // lines of the cell, each of its chunks in order
        const lines: Chunk[][] = [];
        for (const c of here) {
          const l = lines.find((x) => Math.abs(x[0]!.y - c.y) <= 0.35 * c.size && x[0]!.page === c.page);
          if (l) l.push(c);
          else lines.push([c]);
        }
        const text = tight(lines.map((l) => joinChunks(l.sort((a, b) => a.x0 - b.x0))).join(''));
        return { text, loc: boxLoc(here, here[0]!.page, tableNo, headerCount + r + 1, j + 1) };
      }),
    );
  });
  const all = [...first.flatMap((l) => l.chunks)];
  return {
    type: 'table',
    rows,
    loc: { kind: 'pdf', page, table: tableNo, x: round(Math.min(...all.map((c) => c.x0))), y: round(Math.min(...all.map((c) => c.y - c.size))) },
  };
}

function boxLoc(chunks: readonly Chunk[], page: number, table: number, row: number, column: number): PdfLoc {
  const on = chunks.filter((c) => c.page === page);
  const x0 = Math.min(...on.map((c) => c.x0));
  const x1 = Math.max(...on.map((c) => c.x1));
  const y0 = Math.min(...on.map((c) => c.y - c.size));
  const y1 = Math.max(...on.map((c) => c.y));
  return { kind: 'pdf', page, table, row, column, x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
}
