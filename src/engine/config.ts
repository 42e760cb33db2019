/** budgetlint.config.yaml: severities and options per rule, ESLint-style. */
import { z } from 'zod';
import type { Rule, Severity } from './rule.js';
import { LexiconsOverride } from '../model/lexicons.js';

export const SEVERITIES = ['off', 'warn', 'error'] as const;
const SeverityInput = z.union([z.enum(SEVERITIES), z.literal(0), z.literal(1), z.literal(2)]);
const RuleSetting = z.union([SeverityInput, z.tuple([SeverityInput]).rest(z.unknown())]);

export const ConfigFile = z.strictObject({
  $schema: z.string().optional(),
  lang: z.enum(['zh', 'en']).optional().describe('消息语言 / message language'),
  rules: z.record(z.string(), RuleSetting).optional().describe('规则严重级别与选项 / rule severities and options'),
  ignores: z.array(z.string()).optional().describe('不检查的文件（glob） / files not to lint (globs)'),
  lexicons: LexiconsOverride.optional().describe('指标词表（覆盖 rules/lexicons.yaml 中的同名列表） / indicator word lists, replacing those of rules/lexicons.yaml'),
  relations: z.array(z.string()).optional().describe('地区的表格与关系文件（相对配置文件） / a region\'s table and relation files, relative to the config file'),
});
export type ConfigFile = z.infer<typeof ConfigFile>;
export type RuleSetting = z.infer<typeof RuleSetting>;

export class ConfigError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface ResolvedRule {
  rule: Rule<unknown>;
  severity: Exclude<Severity, 'off'>;
  options: unknown;
}

const NUMERIC: Record<number, Severity> = { 0: 'off', 1: 'warn', 2: 'error' };

function severityOf(v: z.infer<typeof SeverityInput>): Severity {
  return typeof v === 'number' ? NUMERIC[v]! : v;
}

/** Layers: rule defaults, then the config file, then --rule flags; unknown rule ids are fatal. */
export function resolveRules(
  rules: readonly Rule<unknown>[],
  layers: { source: string; rules: Record<string, RuleSetting> }[],
): ResolvedRule[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const chosen = new Map<string, { severity: Severity; options?: unknown; source?: string }>();
  for (const r of rules) chosen.set(r.meta.id, { severity: r.meta.defaultSeverity });
  for (const layer of layers) {
    for (const [id, setting] of Object.entries(layer.rules)) {
      if (!byId.has(id)) {
        throw new ConfigError(`${layer.source}：未知规则 "${id}"（budgetlint rules 列出全部规则）`, `${layer.source}: unknown rule "${id}" (budgetlint rules lists them)`);
      }
      const prev = chosen.get(id)!;
      if (Array.isArray(setting)) {
        chosen.set(id, { severity: severityOf(setting[0]), options: setting[1] ?? prev.options, source: layer.source });
      } else {
        chosen.set(id, { ...prev, severity: severityOf(setting) });
      }
    }
  }
  const out: ResolvedRule[] = [];
  for (const r of rules) {
    const c = chosen.get(r.meta.id)!;
    if (c.severity === 'off') continue;
    let options: unknown = undefined;
    if (r.meta.options) {
      // jitless: each options schema is parsed once a run, so compiling zod's fast path for it never pays
      const parsed = r.meta.options.safeParse(c.options ?? {}, { jitless: true });
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`).join('; ');
        throw new ConfigError(`${c.source ?? '配置'}：规则 ${r.meta.id} 的选项无效：${where}`, `${c.source ?? 'config'}: invalid options for rule ${r.meta.id}: ${where}`);
      }
      options = parsed.data;
    }
    out.push({ rule: r, severity: c.severity, options });
  }
  return out;
}

/** `--rule id:severity` → a config layer. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const f of flags) {
    const m = /^([\w/-]+)\s*[:=]\s*(off|warn|error|0|1|2)$/.exec(f.trim());
    if (!m) throw new ConfigError(`--rule "${f}" 格式应为 规则id:off|warn|error`, `--rule "${f}" must be rule-id:off|warn|error`);
    const sev = m[2]!;
    out[m[1]!] = /^\d$/.test(sev) ? (Number(sev) as 0 | 1 | 2) : (sev as Severity);
  }
  return out;
}
