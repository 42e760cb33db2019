/**
 * What every document reader produces: the document as a sequence of paragraphs and tables, each with
 * its place in the original file. The extractor (src/extract) turns blocks into the budget model; the
 * places travel with every figure so that findings point into the original, not into a YAML file.
 */

/** A place in the original document. */
export type SourceLoc =
  /** plain text: 1-based line and column */
  | { kind: 'text'; line: number; column: number; endLine?: number; endColumn?: number }
  /** .docx: the Nth paragraph (1-based, in body order) or table N, row R, column C (1-based, grid columns) */
  | { kind: 'docx'; paragraph?: number; table?: number; row?: number; column?: number; offset?: number }
  /** .xlsx: a sheet and an A1 cell reference */
  | { kind: 'xlsx'; sheet: string; cell: string }
  /**
   * .pdf: a page (1-based) and, in a table, table N (1-based, in document order), row R and column C
   * (1-based, header rows counted); elsewhere `line`, the line of the page (1-based, from the top), and
   * `offset`, a character of that line (0-based). x, y, width, height: the text's box in points from the
   * page's top-left corner, as a viewer shows the page (unrotated, at 100%).
   */
  | { kind: 'pdf'; page: number; table?: number; row?: number; column?: number; line?: number; offset?: number; x: number; y: number; width?: number; height?: number };

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  loc: SourceLoc;
  /** heading level (1 = top) when the paragraph is a heading by style or outline level */
  heading?: number;
}

export interface TableCell {
  text: string;
  loc: SourceLoc;
  /** the cell continues a vertically merged cell above it (its text is the merged cell's) */
  mergedFromAbove?: boolean;
  /** the cell continues a horizontally merged cell to its left */
  mergedFromLeft?: boolean;
}

export interface TableBlock {
  type: 'table';
  /** rows of cells on the grid: a merged cell is repeated in every grid position it covers */
  rows: TableCell[][];
  loc: SourceLoc;
}

export type Block = ParagraphBlock | TableBlock;

export interface ReadResult {
  blocks: Block[];
  /** what the reader noticed but could not use: reported as info findings */
  notes: { zh: string; en: string; loc?: SourceLoc }[];
}

/** The file cannot be read at all: corrupt, encrypted, an unsupported format. The CLI exits 2 with this. */
export class ReadError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** A place as a reader says it: "表3 第5行 第2列", "Sheet1!C7", "12:5", "第3页 表2 第5行 第3列". */
export function describeLoc(loc: SourceLoc, lang: 'zh' | 'en'): string {
  switch (loc.kind) {
    case 'pdf': {
      const zh = lang === 'zh';
      const parts = [zh ? `第${loc.page}页` : `page ${loc.page}`];
      if (loc.table !== undefined) {
        parts.push(zh ? `表${loc.table}` : `table ${loc.table}`);
        if (loc.row !== undefined) parts.push(zh ? `第${loc.row}行` : `row ${loc.row}`);
        if (loc.column !== undefined) parts.push(zh ? `第${loc.column}列` : `column ${loc.column}`);
      } else if (loc.line !== undefined) {
        parts.push(zh ? `第${loc.line}行` : `line ${loc.line}`);
        if (loc.offset !== undefined) parts.push(zh ? `第${loc.offset + 1}字` : `character ${loc.offset + 1}`);
      }
      return parts.join(' ');
    }
    case 'text':
      return `${loc.line}:${loc.column}`;
    case 'xlsx':
      return `${loc.sheet}!${loc.cell}`;
    case 'docx':
      if (loc.table !== undefined) {
        const rc = loc.row !== undefined ? (lang === 'zh' ? ` 第${loc.row}行${loc.column !== undefined ? ` 第${loc.column}列` : ''}` : ` row ${loc.row}${loc.column !== undefined ? ` column ${loc.column}` : ''}`) : '';
        return lang === 'zh' ? `表${loc.table}${rc}` : `table ${loc.table}${rc}`;
      }
      if (loc.paragraph !== undefined) {
        const off = loc.offset !== undefined ? (lang === 'zh' ? ` 第${loc.offset + 1}字` : ` character ${loc.offset + 1}`) : '';
        return lang === 'zh' ? `第${loc.paragraph}段${off}` : `paragraph ${loc.paragraph}${off}`;
      }
      return '';
  }
}
