/** Finding and reading budgetlint.config.yaml (I/O edge). */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { ConfigError, ConfigFile } from '../engine/config.js';

export const CONFIG_NAMES = ['budgetlint.config.yaml', 'budgetlint.config.yml', 'budgetlint.config.json'];

/** The nearest config file from cwd upwards, as ESLint finds its own. */
export function findConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(dir, name);
      if (existsSync(p)) return p;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function readConfig(file: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`无法读取配置文件：${file}`, `cannot read the config file: ${file}`);
  }
  let data: unknown;
  try {
    data = load(text);
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    const where = mark ? `:${mark.line + 1}:${mark.column + 1}` : '';
    const reason = (e as { reason?: string }).reason ?? String(e);
    throw new ConfigError(`配置文件语法错误 ${file}${where}：${reason}`, `config file syntax error ${file}${where}: ${reason}`);
  }
  const parsed = ConfigFile.safeParse(data ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`配置文件无效 ${file}：${where}`, `invalid config file ${file}: ${where}`);
  }
  return parsed.data;
}
