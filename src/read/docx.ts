/**
 * .docx → blocks: the body of word/document.xml in order, top-level paragraphs and tables.
 *
 * Places: top-level paragraphs are numbered in body order, empty ones included (so that the number
 * is the paragraph's position, not a count of what we kept), tables likewise; a cell is placed by its
 * row and its grid column, which is what a reader counts when the table has merged cells.
 */
import { ReadError, type Block, type ReadResult, type SourceLoc, type TableBlock, type TableCell } from './blocks.js';
import { headingResolver, type HeadingOf } from './docx-styles.js';
import { attr, child, childrenOf, ownText, pathIn, tagOf, type XNode } from './xml.js';
import { openPackage } from './zip.js';

/** Word allows 63 columns; a larger span or offset is a damaged or hostile file, not a wider table. */
const MAX_GRID = 63;

/** Inline elements whose text is not the paragraph's: deletions, field codes, ruby guides, and drawings (below). */
const SKIP = new Set(['pPr', 'rPr', 'del', 'moveFrom', 'delText', 'instrText', 'sdtPr', 'sdtEndPr', 'rt', 'fldData']);
/** Drawings, shapes and text boxes: their text floats outside the flow of the text, so it is left out, with a note. */
const DRAWINGS = new Set(['drawing', 'pict', 'object', 'AlternateContent']);
/** Block wrappers whose content is read as if it stood in their place. */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'moveTo']);

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const pkg = await openPackage(bytes, 'docx');
  const doc = (await pkg.xml('word/document.xml'))!;
  const body = pathIn(doc, 'document', 'body');
  if (!body) throw new ReadError('word/document.xml 中没有正文（w:body）', 'word/document.xml has no body (w:body)');
  const reader = new BodyReader(headingResolver(await pkg.xml('word/styles.xml')));
  reader.read(childrenOf(body));
  const notes: ReadResult['notes'] = [];
  if (reader.skippedTextAt) {
    notes.push({
      zh: '文本框和图形中的文字未读取：其中的数字不会被检查',
      en: 'text in text boxes and shapes was not read: figures in them are not checked',
      loc: reader.skippedTextAt,
    });
  }
  return { blocks: reader.blocks, notes };
}

class BodyReader {
  readonly blocks: Block[] = [];
  /** where text in a drawing or text box was first left out */
  skippedTextAt: SourceLoc | undefined;
  /** the paragraph or cell being read */
  private at: SourceLoc = { kind: 'docx' };
  private paragraphs = 0;
  private tables = 0;

  constructor(private readonly headingOf: HeadingOf) {}

  read(nodes: XNode[]): void {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'p') {
        const no = ++this.paragraphs;
        this.at = { kind: 'docx', paragraph: no };
        const text = this.inline(childrenOf(n));
        if (text.trim() === '') continue;
        const heading = this.headingOf(n);
        this.blocks.push({ type: 'paragraph', text, loc: { kind: 'docx', paragraph: no }, ...(heading !== undefined ? { heading } : {}) });
      } else if (tag === 'tbl') {
        this.blocks.push(this.table(n, ++this.tables));
      } else if (tag !== undefined && WRAPPERS.has(tag)) {
        this.read(childrenOf(n));
      }
    }
  }

  /** A paragraph's text: runs, hyperlinks, fields' results, insertions; w:tab → tab, w:br/w:cr → newline. */
  inline(nodes: XNode[]): string {
    let s = '';
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === undefined) continue;
      if (tag === 't') s += ownText(n);
      else if (tag === 'tab' || tag === 'ptab') s += '\t';
      else if (tag === 'br' || tag === 'cr') s += '\n';
      else if (tag === 'noBreakHyphen') s += '-';
      else if (DRAWINGS.has(tag)) this.skippedTextAt ??= hasText(n) ? this.at : undefined;
      else if (!SKIP.has(tag)) s += this.inline(childrenOf(n));
    }
    return s;
  }

  table(tbl: XNode, no: number): TableBlock {
    const rows: TableCell[][] = [];
    for (const tr of within(tbl, 'tr')) {
      const r = rows.length + 1;
      const cells: TableCell[] = [];
      const place = () => ({ kind: 'docx' as const, table: no, row: r, column: cells.length + 1 });
      // grid columns before the first cell (w:gridBefore): empty places, so that columns stay aligned
      const before = gridNumber(child(child(tr, 'trPr') ?? {}, 'gridBefore'), 0);
      while (cells.length < before) cells.push({ text: '', loc: place() });
      for (const tc of within(tr, 'tc')) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, gridNumber(child(tcPr ?? {}, 'gridSpan'), 1));
        const vMerge = child(tcPr ?? {}, 'vMerge');
        const fromAbove = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
        // legacy horizontal merge (w:hMerge): the continuation repeats its left neighbour
        const fromLeft = attr(child(tcPr ?? {}, 'hMerge') ?? {}, 'val') === 'continue' && cells.length > 0;
        this.at = place();
        const text = fromAbove ? (rows[r - 2]?.[cells.length]?.text ?? '') : fromLeft ? cells[cells.length - 1]!.text : this.cellText(childrenOf(tc));
        for (let i = 0; i < span && cells.length < MAX_GRID; i++) {
          cells.push({
            text,
            loc: place(),
            ...(fromAbove ? { mergedFromAbove: true } : {}),
            ...(fromLeft || i > 0 ? { mergedFromLeft: true } : {}),
          });
        }
      }
      rows.push(cells);
    }
    return { type: 'table', rows, loc: { kind: 'docx', table: no } };
  }

  /** A cell's paragraphs, one a line; a nested table flattened: its cells tab-separated, its rows one a line. */
  cellText(nodes: XNode[], lines: string[] = []): string {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'p') lines.push(this.inline(childrenOf(n)));
      else if (tag === 'tbl') {
        for (const tr of within(n, 'tr')) lines.push(within(tr, 'tc').map((tc) => this.cellText(childrenOf(tc)).replace(/\n/g, ' ')).join('\t'));
      } else if (tag !== undefined && WRAPPERS.has(tag)) this.cellText(childrenOf(n), lines);
    }
    // Word ends a cell holding a nested table with an empty paragraph, and authors leave empty ones: not text
    return lines.join('\n').replace(/\n+$/, '');
  }
}

/** Whether an element holds any text (a text box does, a picture does not). */
function hasText(n: XNode): boolean {
  return childrenOf(n).some((c) => (tagOf(c) === 't' && ownText(c).trim() !== '') || hasText(c));
}

/** The children with this tag, looking through content controls and custom XML that may wrap rows and cells. */
function within(n: XNode, tag: string): XNode[] {
  const out: XNode[] = [];
  for (const c of childrenOf(n)) {
    const t = tagOf(c);
    if (t === tag) out.push(c);
    else if (t !== undefined && WRAPPERS.has(t)) out.push(...within(c, tag));
  }
  return out;
}

function gridNumber(n: XNode | undefined, fallback: number): number {
  const v = n ? attr(n, 'val') : undefined;
  return v !== undefined && /^\d+$/.test(v) ? Math.min(Number(v), MAX_GRID) : fallback;
}
