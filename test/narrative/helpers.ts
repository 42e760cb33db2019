/**
 * Narrative text → statements → the narrative rules, as an importer would run them (not a test file itself).
 *
 * The rules run on the statements the parser returns, as the model holds them, without a trip through YAML:
 * `narrativeYaml` gives the same statements as a document for the CLI and the rule pages.
 */
import { stringify } from 'yaml';
import narrativeBlank from '../../rules/narrative-blank.js';
import narrativeChange from '../../rules/narrative-change.js';
import narrativeRepeat from '../../rules/narrative-repeat.js';
import narrativeShare from '../../rules/narrative-share.js';
import narrativeSum from '../../rules/narrative-sum.js';
import type { MoneyUnit } from '../../src/arith/units.js';
import { render, valueIn } from '../../src/engine/finding.js';
import { toPointer } from '../../src/engine/path.js';
import type { Bilingual, DataValue, Report, Rule, RuleContext } from '../../src/engine/rule.js';
import { defaultLexicons } from '../../src/model/lexicons.js';
import type { Statement } from '../../src/model/schema.js';
import { toInput } from '../../src/narrative/input.js';
import { parseNarrative } from '../../src/narrative/parse.js';

export const narrativeRules = [narrativeSum, narrativeShare, narrativeChange, narrativeRepeat, narrativeBlank] as unknown as Rule<unknown>[];

export interface Found {
  ruleId: string;
  messageId: string;
  level: 'error' | 'info';
  pointer: string;
  message: Bilingual;
  report: Report;
}

/** Every narrative rule at its defaults (or with `options` by rule id) on these statements. */
export function runRules(statements: readonly Statement[], unit: MoneyUnit = '万元', options: Record<string, unknown> = {}): Found[] {
  const out: Found[] = [];
  const lexicons = defaultLexicons();
  for (const rule of narrativeRules) {
    const opts = rule.meta.options ? rule.meta.options.parse(options[rule.meta.id] ?? {}) : undefined;
    const ctx: RuleContext<unknown> = {
      doc: { document: { department: '测试局', year: 2024, kind: 'budget', unit }, narrative: [...statements] } as RuleContext['doc'],
      unit,
      options: opts,
      lexicons,
      report(r) {
        const tpl = rule.meta.messages[r.messageId]!;
        const vars = { ...(r.arithmetic ?? {}), ...(r.data ?? {}) } as Record<string, DataValue>;
        delete vars.terms;
        out.push({
          ruleId: rule.meta.id,
          messageId: r.messageId,
          level: r.info ? 'info' : 'error',
          pointer: toPointer(r.path),
          message: { zh: render(tpl.zh, vars, 'zh'), en: render(tpl.en, vars, 'en') },
          report: r,
        });
      },
    };
    rule.check(ctx);
  }
  return out;
}

export function lintNarrative(text: string, unit: MoneyUnit = '万元', options: Record<string, unknown> = {}): Found[] {
  return runRules(parseNarrative(text).statements, unit, options);
}

/** The statements of a text as a complete document. */
export function narrativeYaml(text: string, kind: 'budget' | 'final' = 'budget', unit: MoneyUnit = '万元'): string {
  const { statements } = parseNarrative(text);
  return stringify({ document: { department: '测试局', year: 2024, kind, unit }, narrative: statements.map(toInput) }, { lineWidth: 0 });
}

export const show = (f: Found) => `${f.level} ${f.ruleId}/${f.messageId} ${f.pointer}: ${f.message.zh}`;
export { valueIn };
