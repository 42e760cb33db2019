/** What the formats share: a file's name as the report gives it, a finding's place, columns in a terminal. */
import path from 'node:path';
import type { Finding } from '../engine/finding.js';
import { describeLoc } from '../read/blocks.js';
import type { Lang } from './types.js';

/** The file relative to cwd with '/' separators (the same on every OS); absolute when it is not under cwd's drive. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  return (rel && !path.isAbsolute(rel) ? rel : filePath).split(path.sep).join('/');
}

/** An imported document's own place ("表3 第5行 第2列", "Sheet1!C7", "第12段"); undefined for a place given by line and column. */
export function placeOf(f: Finding, lang: Lang): string | undefined {
  if (!f.location || f.location.kind === 'text') return undefined;
  return describeLoc(f.location, lang) || undefined;
}

/** A finding with a line in the file (imported .docx/.xlsx have none: line 0). */
export function hasLine(f: Finding): boolean {
  return f.line > 0;
}

/** East Asian characters take two columns in a terminal. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** s, then spaces to n columns */
export const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
