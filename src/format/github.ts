/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff and the run's
 * summary — `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>` (warning for warn,
 * notice for info). A finding in an imported .docx/.xlsx has no line: it is annotated on the file, its place
 * at the head of the message. Suppressed findings are not shown.
 *
 * Escaping, as @actions/core does it: in the message (data) %, CR and LF; in a property value those and
 * also ':' and ',', which would otherwise end the value.
 */
import type { Finding } from '../engine/finding.js';
import { displayPath, hasLine, placeOf } from './common.js';
import { whole } from './stream.js';
import type { Formatter, Lang, StreamingFormatter } from './types.js';

const COMMAND = { error: 'error', warn: 'warning', info: 'notice' } as const;

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: Finding, file: string, lang: Lang): string {
  const props: [string, string | number][] = [['file', file]];
  if (hasLine(f)) {
    props.push(['line', f.line], ['col', Math.max(1, f.column)]);
    if (f.endLine !== undefined && f.endLine > 0) {
      props.push(['endLine', f.endLine]);
      if (f.endColumn !== undefined && f.endColumn > 0) props.push(['endColumn', f.endColumn]);
    }
  }
  props.push(['title', f.ruleId ?? 'budgetlint']);
  const place = hasLine(f) ? undefined : placeOf(f, lang);
  let message = place ? `${place}${lang === 'zh' ? '：' : ': '}${f.message[lang]}` : f.message[lang];
  // the section on a line of its own: where in the disclosure, for a reader of the annotation
  if (f.section) message += `\n› ${f.section}`;
  return `::${COMMAND[f.level]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(message)}`;
}

/** One workflow command a line, each file's as it comes (nothing at all for a clean run). */
export const githubStream: StreamingFormatter = (ctx) => ({
  head: '',
  file(r) {
    const file = displayPath(r.filePath, ctx.cwd);
    let out = '';
    for (const f of r.findings) out += annotation(f, file, ctx.lang) + '\n';
    return out;
  },
  end: () => '',
});

export const github: Formatter = whole(githubStream);
