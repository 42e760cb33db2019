/** `budgetlint extract <file> [-o out.yaml]`: the model read from a document, to review, fix and keep in git. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dump } from 'js-yaml';
import { NumberText } from '../arith/decimal.js';
import { ConfigError } from '../engine/config.js';
import type { Catalogue } from '../relations/catalogue.js';
import type { IO } from './run.js';
import { PathError } from './files.js';

/** NumberText → the number's own text, written unquoted. */
function plain(v: unknown): unknown {
  if (v instanceof NumberText) return new RawNumber(v.text);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

class RawNumber {
  constructor(readonly text: string) {}
}

export async function extractCommand(
  file: string,
  o: { cwd: string; out?: string | undefined; format: 'yaml' | 'json'; catalogue: Catalogue; io: IO; lang: 'zh' | 'en' },
): Promise<number> {
  const abs = path.resolve(o.cwd, file);
  if (!existsSync(abs)) throw new PathError(`没有这个文件：${file}`, `no such file: ${file}`);
  const out = o.out ? path.resolve(o.cwd, o.out) : undefined;
  if (out === abs) throw new ConfigError('-o 不能是被读取的文件本身', '-o must not be the document being read');
  const { extractFile } = await import('../engine/lint-document.js');
  const { ReadError } = await import('../read/blocks.js');
  let x;
  try {
    x = await extractFile(abs, o.catalogue);
  } catch (e) {
    if (e instanceof ReadError) throw new PathError(`${file}：${e.zh}`, `${file}: ${e.en}`);
    throw e;
  }
  const data = { $schema: undefined, ...x.data };
  delete (data as Record<string, unknown>).$schema;
  let text: string;
  if (o.format === 'json') {
    // a number's text between markers, unquoted after (JSON.stringify writes NUL as the six characters \u0000);
    // a text JSON has no number for ("06", "+5") stays a string
    const json = (t: string) => (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(t) ? `\u0000${t}\u0000` : t);
    text = JSON.stringify(data, (_k, v) => (v instanceof NumberText ? json(v.text) : v), 2).replace(/"\\u0000([^"\\]*)\\u0000"/g, '$1') + '\n';
  } else {
    const { Type, DEFAULT_SCHEMA } = await import('js-yaml');
    const raw = new Type('!raw', { kind: 'scalar', instanceOf: RawNumber, represent: (n) => (n as RawNumber).text });
    // js-yaml quotes a scalar that would read back as a number ('2913.49'): a number's own text goes unquoted
    const body = dump(plain(data), { schema: DEFAULT_SCHEMA.extend([raw]), lineWidth: -1, noRefs: true }).replace(/!raw (?:'([^'\n]*)'|"([^"\n]*)")/g, (_m, a?: string, b?: string) => a ?? b ?? '').replace(/!raw /g, '');
    const head = o.lang === 'zh' ? `# 由 budgetlint extract 从 ${path.basename(abs)} 读出；请核对后再保存\n` : `# read by budgetlint extract from ${path.basename(abs)}; review before keeping it\n`;
    text = `# yaml-language-server: $schema=https://budgetlint.invalid/schemas/budget.schema.json\n${head}${body}`;
  }
  if (out) await writeFile(out, text);
  else o.io.stdout(text);
  for (const n of x.notes) o.io.stderr(`budgetlint: ${n[o.lang]}\n`);
  return 0;
}
