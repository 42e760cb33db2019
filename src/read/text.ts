/**
 * Plain text as a Word document renders it (docx → text): a table cell is a line led by a tab, one
 * cell a line, rows separated by a blank line; a cell of several paragraphs continues on the next
 * lines without the tab; everything else is a paragraph, one a line.
 *
 *     部门机构设置情况          ← paragraph
 *     \t单位名称               ← table: row 1, cell 1
 *     \t单位性质               ← row 1, cell 2
 *                             ← end of row 1
 *     \t中共大厂…委员会          ← row 2, cell 1
 *     \t                      ← an empty cell (merged cells of the original come out empty)
 *     1.第二段                 ← the previous cell's second paragraph (no blank line before it)
 *
 * A table ends at a line without a tab that follows a blank line. Lines holding only spaces count as
 * blank: the renderer writes them between the rows of a table. Word's bookmarks come out as a
 * "[bookmark: _Toc…]" prefix; it is dropped, and columns still count in the original line.
 */
import type { Block, ParagraphBlock, ReadResult, TableBlock, TableCell } from './blocks.js';

const BOOKMARKS = /^(?:\[bookmark: [^\]\n]*\])+/;

interface Line {
  /** 1-based line number */
  line: number;
  /** 1-based column of `text` in the original line */
  column: number;
  text: string;
  isCell: boolean;
  isBlank: boolean;
}

export function readText(text: string): ReadResult {
  const blocks: Block[] = [];
  const notes: ReadResult['notes'] = [];
  let table: TableBuild | undefined;
  let row: TableCell[] | undefined;
  /** the cell that a tab-less line right below it continues */
  let open: TableCell | undefined;
  let blanks = 0;
  let lastBlank = 0;

  const endRow = () => {
    if (table && row) table.rows.push({ cells: row, blankAfter: 0, blankLine: 0 });
    row = undefined;
  };
  const endTable = () => {
    endRow();
    if (table) blocks.push(finishTable(table, notes));
    table = undefined;
  };

  for (const l of splitLines(text)) {
    if (l.isBlank) {
      endRow();
      open = undefined;
      blanks++;
      lastBlank = l.line;
      continue;
    }
    if (l.isCell) {
      if (table && !row && table.rows.length > 0) {
        const prev = table.rows[table.rows.length - 1]!;
        prev.blankAfter = blanks;
        prev.blankLine = lastBlank;
      }
      table ??= { line: l.line, rows: [] };
      row ??= [];
      open = { text: l.text, loc: { kind: 'text', line: l.line, column: l.column } };
      row.push(open);
    } else if (open) {
      continueCell(open, l);
    } else {
      endTable();
      blocks.push(paragraph(l));
    }
    blanks = 0;
  }
  endTable();
  return { blocks, notes };
}

interface TableBuild {
  line: number;
  rows: { cells: TableCell[]; blankAfter: number; blankLine: number }[];
}

/**
 * A cell whose last paragraph is empty renders as a blank line: the same as the end of a row. Such a
 * row comes out in pieces narrower than the row above it; when consecutive pieces, one blank line apart,
 * add up exactly to that width, they are one row, and the blank line was the cell's empty paragraph
 * (dropped, as the docx reader drops a cell's trailing empty paragraphs).
 */
function finishTable(t: TableBuild, notes: ReadResult['notes']): TableBlock {
  const rows = t.rows;
  for (let i = 1; i < rows.length; i++) {
    const width = rows[i - 1]!.cells.length;
    let k = i;
    let sum = rows[i]!.cells.length;
    while (sum < width && k + 1 < rows.length && rows[k]!.blankAfter === 1) sum += rows[++k]!.cells.length;
    if (k === i || sum !== width) continue;
    for (let j = i; j < k; j++) {
      const line = rows[j]!.blankLine;
      notes.push({
        zh: `第 ${line} 行的空行视为单元格末尾的空段落：被它拆开的表格行已重新合并`,
        en: `the blank line ${line} was read as an empty last paragraph of a cell, and the table row it split was joined again`,
        loc: { kind: 'text', line, column: 1 },
      });
    }
    const joined = rows.slice(i, k + 1);
    rows.splice(i, k - i + 1, { cells: joined.flatMap((r) => r.cells), blankAfter: joined[joined.length - 1]!.blankAfter, blankLine: joined[joined.length - 1]!.blankLine });
  }
  return { type: 'table', rows: rows.map((r) => r.cells), loc: { kind: 'text', line: t.line, column: 1 } };
}

function splitLines(text: string): Line[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  return body.split('\n').map((raw, i) => {
    const s = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const isCell = s.startsWith('\t');
    const start = isCell ? 1 : 0;
    const prefix = BOOKMARKS.exec(s.slice(start))?.[0].length ?? 0;
    const t = s.slice(start + prefix);
    // a cell line holding only a tab is an empty cell, not a blank line
    return { line: i + 1, column: start + prefix + 1, text: t, isCell, isBlank: !isCell && t.trim() === '' };
  });
}

function paragraph(l: Line): ParagraphBlock {
  return { type: 'paragraph', text: l.text, loc: { kind: 'text', line: l.line, column: l.column } };
}

/** A cell's next paragraph: joined with a newline, and the cell's place now spans to its end. */
function continueCell(cell: TableCell, l: Line): void {
  cell.text += `\n${l.text}`;
  if (cell.loc.kind === 'text') {
    cell.loc.endLine = l.line;
    // exclusive, as the YAML locator's ranges
    cell.loc.endColumn = l.column + l.text.length;
  }
}
