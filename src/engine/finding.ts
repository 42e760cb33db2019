import type { Arithmetic, Bilingual, DataValue, Level } from './rule.js';
import type { Path } from './path.js';
import type { SourceLoc } from '../read/blocks.js';

/** A located finding: what every formatter receives. */
export interface Finding {
  /** null for a file that could not be read or parsed (ESLint's fatal parse error) */
  ruleId: string | null;
  level: Level;
  message: Bilingual;
  path: Path;
  /** JSON Pointer of path */
  pointer: string;
  section: string;
  line: number;
  column: number;
  /** for an imported document: the place in the original (table, row, column; paragraph; Sheet!C7) */
  location?: SourceLoc;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  arithmetic?: Arithmetic;
  /** JSON Pointers of the other figures the finding involves (the terms of a sum, the other table) */
  related?: string[];
  data?: Record<string, DataValue>;
  fatal?: boolean;
  suppressed?: { kind: 'directive' | 'baseline'; justification?: string };
}

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** findings silenced by inline directives: kept for formats that carry suppressions */
  suppressed: Finding[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
}

export function count(filePath: string, findings: Finding[], suppressed: Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fatalErrorCount = 0;
  for (const f of findings) {
    if (f.level === 'error') errorCount++;
    else if (f.level === 'warn') warningCount++;
    else infoCount++;
    if (f.fatal) fatalErrorCount++;
  }
  return { filePath, findings, suppressed, errorCount, warningCount, infoCount, fatalErrorCount };
}

export function valueIn(v: DataValue, lang: 'zh' | 'en'): string {
  return typeof v === 'object' ? v[lang] : String(v);
}

export function render(template: string, data: Record<string, DataValue> | undefined, lang: 'zh' | 'en'): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (data && k in data ? valueIn(data[k]!, lang) : m));
}
