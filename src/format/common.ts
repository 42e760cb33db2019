/** What the machine formats (sarif, junit, github, csv) share: a file's name as the report gives it, a finding's place. */
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
