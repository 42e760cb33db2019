/**
 * Places inside a paragraph read from a PDF. A paragraph is made of the page's lines, joined, so a
 * character of its text is a character of one of those lines: the narrative parser's offsets become
 * a page, a line of that page and a character of that line. The lines travel with the paragraph's place
 * (a WeakMap keyed by the SourceLoc object, so nothing extra shows in a finding's location).
 */
import type { SourceLoc } from './blocks.js';

type PdfLoc = Extract<SourceLoc, { kind: 'pdf' }>;

/** A line of a paragraph: where its text starts in the paragraph's text, and its own place. */
export interface ParagraphLine {
  start: number;
  length: number;
  loc: PdfLoc;
}

const LINES = new WeakMap<object, readonly ParagraphLine[]>();

export function rememberLines(loc: PdfLoc, lines: readonly ParagraphLine[]): void {
  LINES.set(loc, lines);
}

/** The place `offset` characters into the paragraph whose place is `loc`. */
export function pdfPlaceAt(loc: PdfLoc, offset: number): PdfLoc {
  const lines = LINES.get(loc);
  if (!lines?.length) return { ...loc, offset };
  let line = lines[0]!;
  for (const l of lines) if (l.start <= offset) line = l;
  const within = Math.max(0, Math.min(offset - line.start, Math.max(0, line.length - 1)));
  return { ...line.loc, offset: within };
}
