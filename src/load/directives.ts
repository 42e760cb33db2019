/** Inline suppressions, ESLint-style: `# budgetlint-disable-next-line rule-a, rule-b -- reason`. */
export interface Directive {
  kind: 'disable-next-line' | 'disable-line';
  /** the line the directive applies to */
  targetLine: number;
  /** the line the comment stands on */
  line: number;
  column: number;
  /** empty: every rule */
  rules: string[];
  justification?: string;
}

const RE = /#\s*budgetlint-(disable-next-line|disable-line)\b([^\n]*)/g;

export function findDirectives(text: string): Directive[] {
  if (!text.includes('budgetlint-disable')) return [];
  const out: Directive[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    for (const m of lineText.matchAll(RE)) {
      const [body, reason] = splitOnce(m[2]!, '--');
      const rules = body.split(/[\s,]+/).filter(Boolean);
      const kind = m[1] as Directive['kind'];
      out.push({
        kind,
        line: i + 1,
        column: (m.index ?? 0) + 1,
        targetLine: kind === 'disable-next-line' ? nextContentLine(lines, i) : i + 1,
        rules,
        ...(reason?.trim() ? { justification: reason.trim() } : {}),
      });
    }
  });
  return out;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** The next line that is not blank and not only a comment: that is what a reader means by "next line". */
function nextContentLine(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (t && !t.startsWith('#')) return j + 1;
  }
  return i + 2;
}
