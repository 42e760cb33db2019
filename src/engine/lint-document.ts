/**
 * The I/O edge of linting a published document (.docx, .xlsx, .txt): read it into blocks, extract the
 * model with a source map, and lint it like any budget file, findings placed in the original.
 */
import { readFile } from 'node:fs/promises';
import type { Catalogue } from '../relations/catalogue.js';
import type { ResolvedRule } from './config.js';
import type { FileResult } from './finding.js';
import { lintData, type LintOptions, type Pending } from './lint.js';
import type { Extraction } from '../extract/extract.js';
import { STAGES, addTime, clock } from './timing.js';

/** What budgetlint reads as a published document rather than as YAML/JSON data. */
export const DOCUMENT_EXT = /\.(docx|xlsx|txt|text|pdf|doc|xls|wps|et)$/i;

export async function extractFile(filePath: string, cat: Catalogue): Promise<Extraction> {
  const bytes = await readFile(filePath);
  const { readDocument } = await import('../read/index.js');
  const { extractDocument } = await import('../extract/extract.js');
  const read = await readDocument(filePath, bytes);
  const x = extractDocument(read.blocks, cat, { source: filePath.split(/[\\/]/).pop()! });
  x.notes.unshift(...read.notes);
  return x;
}

export async function lintDocumentFile(filePath: string, rules: readonly ResolvedRule[], cat: Catalogue, opts: LintOptions = {}): Promise<{ result: FileResult; extraction: Extraction }> {
  const t0 = clock();
  const x = await extractFile(filePath, cat);
  addTime(STAGES.extract, t0);
  // what was not understood is said, as info at its place: a path under 'notes' that the map places
  const importOn = rules.some((r) => r.rule.meta.id === 'import');
  const notes: Pending[] = (importOn ? x.notes : []).map((n, i) => {
    if (n.loc) x.map.set(['$notes', i], n.loc);
    return { ruleId: 'import', level: 'info', message: { zh: n.zh, en: n.en }, path: ['$notes', i], at: 'value' };
  });
  const result = await lintData(x.data, filePath, rules, opts, async () => x.map.placer(), notes);
  return { result, extraction: x };
}
