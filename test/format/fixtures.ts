/** Findings and file results built by hand for the format tests, and the built CLI run on an example. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, type FileResult, type Finding } from '../../src/engine/finding.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import type { FormatContext, Lang } from '../../src/format/types.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cwd = path.join(root, 'fixture-cwd');

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'budget-balance',
    level: 'error',
    message: { zh: '本年支出合计 100.00万元 不等于 99.00万元', en: 'spending total 100.00 is not 99.00' },
    path: ['expenditure', 'total'],
    pointer: '/expenditure/total',
    section: '部门收支总表 › 本年支出合计',
    line: 7,
    column: 10,
    endLine: 7,
    endColumn: 16,
    messageId: 'mismatch',
    ...over,
  };
}

export function file(name: string, findings: Finding[], suppressed: Finding[] = []): FileResult {
  return count(path.join(cwd, name), findings, suppressed);
}

const meta = (id: string, zh: string, en: string, defaultSeverity: RuleMeta['defaultSeverity'] = 'error'): RuleMeta<unknown> => ({
  id,
  type: 'problem',
  description: { zh, en },
  defaultSeverity,
  messages: {},
  docs: `docs/rules/${id}.md`,
});

export const RULES = new Map<string, RuleMeta<unknown>>([
  ['budget-balance', meta('budget-balance', '收支平衡', 'Income and spending balance')],
  ['indicator-direction', meta('indicator-direction', '指标方向', 'Indicator direction', 'warn')],
  ['text-consistency', meta('text-consistency', '文字前后一致', 'Text consistency')],
]);

export function ctx(lang: Lang = 'zh'): FormatContext {
  return { lang, cwd, color: false, rules: RULES };
}

/** The built CLI on the example disclosure (build first: npm run build). */
export function runCli(format: string): { code: number | null; stdout: string; stderr: string } {
  const bin = path.join(root, 'dist/budgetlint.js');
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', '--format', format, 'examples/dachang-zhengfawei-2021.yaml'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
