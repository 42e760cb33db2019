/**
 * The command line: arguments → config → files → lint → format → exit code.
 * Exit codes as ESLint: 0 clean, 1 error-level findings (or too many warnings), 2 fatal.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, parseRuleFlags, resolveRules, type RuleSetting } from '../engine/config.js';
import type { FileResult } from '../engine/finding.js';
import type { LintOptions } from '../engine/lint.js';
import type { Lang } from '../format/types.js';
import { PathError, keepBudgetFiles, resolveFiles } from './files.js';
import { findConfig, readConfig } from './config-file.js';
import { FORMATS, FORMAT_NAMES, type FormatName } from '../format/index.js';

export interface IO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}


const COMMANDS = ['rules', 'extract', 'install-hook'];

type Parsed = Awaited<ReturnType<ReturnType<typeof parser>['parseAsync']>>;

/**
 * `budgetlint a.yaml b.yaml`, the pre-commit hook's call, needs no option parsing: skipping yargs
 * there saves a tenth of the start-up. Anything else (a flag, a command) goes through yargs.
 */
function plainFiles(argv: readonly string[]): Parsed | undefined {
  if (argv.some((a) => a.startsWith('-')) || COMMANDS.includes(argv[0] ?? '')) return undefined;
  return { _: [], $0: 'budgetlint', files: [...argv], format: 'stylish', rule: [], quiet: false, 'config-lookup': true, explain: false } as unknown as Parsed;
}

function parser(argv: readonly string[], yargs: typeof import('yargs').default) {
  return yargs([...argv])
    .scriptName('budgetlint')
    .usage('$0 [files..]\n\n检查部门预算/决算公开数据的算术与逻辑一致性。\nLint budget disclosure data (YAML/JSON) for arithmetic and logic inconsistencies.')
    .command('$0 [files..]', 'lint files, directories or globs / 检查文件、目录或通配符', (y) =>
      y.positional('files', { type: 'string', array: true, describe: 'files, directories or globs' }),
    )
    .command('rules', 'list the rules / 列出规则')
    .command('install-hook', 'install a git pre-commit hook that lints staged budget files / 安装 git 提交前检查', (y) =>
      y.option('uninstall', { type: 'boolean', default: false, describe: 'remove the hook budgetlint installed' }),
    )
    .command('extract <file>', 'write the model read from a .docx/.xlsx/.txt document as YAML / 把从文档读出的数据写成 YAML', (y) =>
      y.positional('file', { type: 'string', describe: 'a .docx, .xlsx or .txt document' }),
    )
    .option('only-budget-files', { type: 'boolean', default: false, describe: 'of the files named, lint only budget data: skip YAML/JSON without a top-level document key, and config files (for hooks)' })
    .option('cache', { type: 'boolean', default: false, describe: 'skip files unchanged since the last run (content hash)' })
    .option('cache-location', { type: 'string', default: '.budgetlintcache', describe: 'where the cache is kept' })
    .option('baseline', { type: 'string', describe: 'a baseline file: findings recorded there are accepted, only new ones count' })
    .option('update-baseline', { type: 'boolean', default: false, describe: 'write the current findings to the --baseline file' })
    .option('report-unused-disable-directives', { type: 'boolean', default: false, describe: 'report budgetlint-disable comments that suppress nothing' })
    .option('previous', { type: 'string', describe: "last year's disclosure of the same department, to check this year's prior-year figures against" })
    .option('explain', { type: 'boolean', default: false, describe: 'show what was read from where in an imported document' })
    .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish' as FormatName, describe: 'output format' })
    .option('config', { alias: 'c', type: 'string', describe: 'config file (default: nearest budgetlint.config.yaml)' })
    .option('config-lookup', { type: 'boolean', default: true, describe: 'look for budgetlint.config.yaml upwards (--no-config-lookup: do not)' })
    .option('rule', { type: 'string', array: true, default: [] as string[], describe: 'rule-id:off|warn|error (repeatable)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'report errors only' })
    .option('max-warnings', { type: 'number', describe: 'exit 1 when warnings exceed this number' })
    .option('lang', { choices: ['zh', 'en'] as const, describe: 'message language (default zh)' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'write the report to this file' })
    .option('color', { type: 'boolean', describe: 'force colour on or off' })
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .alias('version', 'v')
    .exitProcess(false)
    .fail((msg, err) => {
      throw new UsageError(msg || err?.message || 'usage error');
    })
    .wrap(100);
}

export async function run(argv: readonly string[], io: IO): Promise<number> {
  let args = plainFiles(argv);
  let helpText = '';
  try {
    if (!args) {
      const p = parser(argv, (await import('yargs')).default);
      args = await p.parseAsync([...argv], {}, (err, _argv, output) => {
        if (output && !err) helpText = output;
      });
    }
  } catch (e) {
    io.stderr(`budgetlint: ${(e as Error).message}\n用法/usage: budgetlint --help\n`);
    return 2;
  }
  if (helpText) {
    io.stdout(helpText + '\n');
    return 0;
  }
  const lang: Lang = (args.lang as Lang | undefined) ?? 'zh';
  try {
    const { allRules } = await import('../../rules/index.js');
    const { loadCatalogue } = await import('../relations/load.js');
    const configPath = args.config ? path.resolve(io.cwd, args.config) : !args['config-lookup'] ? undefined : findConfig(io.cwd);
    const config = configPath ? readConfig(configPath) : {};
    const effectiveLang: Lang = (args.lang as Lang | undefined) ?? config.lang ?? lang;
    const configDir = configPath ? path.dirname(configPath) : io.cwd;
    const catalogue = await loadCatalogue((config.relations ?? []).map((f) => ({ path: path.resolve(configDir, f), shown: path.relative(io.cwd, path.resolve(configDir, f)) || f })));
    const builtinRules = allRules(catalogue);
    if (args._[0] === 'install-hook') {
      const { installHook } = await import('./install-hook.js');
      return await installHook({ cwd: io.cwd, uninstall: !!args.uninstall, io, lang: effectiveLang });
    }
    if (args._[0] === 'extract') {
      const { extractCommand } = await import('./extract.js');
      return await extractCommand(String(args.file), { cwd: io.cwd, out: args['output-file'], format: args.format === 'json' ? 'json' : 'yaml', catalogue, io, lang: effectiveLang });
    }
    if (args._[0] === 'rules') {
      const { listRules } = await import('./list-rules.js');
      io.stdout(listRules(builtinRules, effectiveLang, args.format === 'json'));
      return 0;
    }
    const layers: { source: string; rules: Record<string, RuleSetting> }[] = [];
    if (config.rules && configPath) layers.push({ source: path.relative(io.cwd, configPath) || configPath, rules: config.rules });
    if (args.rule.length) layers.push({ source: '--rule', rules: parseRuleFlags(args.rule as string[]) });
    const resolved = resolveRules(builtinRules, layers);

    const patterns = (args.files as string[] | undefined) ?? [];
    const files = await resolveFiles(patterns, io.cwd, config.ignores ?? []);
    if (args['only-budget-files']) files.splice(0, files.length, ...(await keepBudgetFiles(files)));
    const outFile = args['output-file'] ? path.resolve(io.cwd, args['output-file']) : undefined;
    if (outFile && files.includes(outFile)) {
      throw new ConfigError(`--output-file 不能是被检查的文件：${args['output-file']}`, `--output-file must not be one of the files being linted: ${args['output-file']}`);
    }

    // zod compiles a fast parser per schema on first use: worth it for a batch, not for a commit's few files
    if (files.length <= 8) (await import('zod')).z.config({ jitless: true });
    const { lintFile } = await import('../engine/lint-file.js');
    const { defaultLexicons, mergeLexicons } = await import('../model/lexicons.js');
    const lexicons = mergeLexicons(defaultLexicons(), config.lexicons);
    const lintOpts: LintOptions = { lexicons, ...(args['report-unused-disable-directives'] ? { reportUnusedDirectives: true } : {}) };
    if (args.previous) {
      const { readData } = await import('./read-data.js');
      lintOpts.previous = await readData(path.resolve(io.cwd, String(args.previous)), catalogue, io.cwd);
    }
    const cache = args.cache
      ? await (await import('./cache.js')).openCache(path.resolve(io.cwd, String(args['cache-location'])), cacheKey(config, args, builtinRules.length))
      : undefined;
    // both years in one run: a file's previous year is the run's file of the same department, one year earlier
    const years = !args.previous && files.length > 1 ? await (await import('./pair-years.js')).pairYears(files) : undefined;
    const results: FileResult[] = [];
    const explained: string[] = [];
    const { DOCUMENT_EXT } = await import('../engine/lint-document.js');
    for (const f of files) {
      try {
        const cached = cache && !args.explain ? await cache.get(f) : undefined;
        if (cached) {
          results.push(cached);
          continue;
        }
        let result: FileResult;
        const earlier = years?.get(f);
        const fileOpts = earlier ? { ...lintOpts, previous: await (await import('./read-data.js')).readData(earlier, catalogue, io.cwd) } : lintOpts;
        if (DOCUMENT_EXT.test(f)) {
          const { lintDocumentFile } = await import('../engine/lint-document.js');
          const done = await lintDocumentFile(f, resolved, catalogue, fileOpts);
          result = done.result;
          if (args.explain) explained.push((await import('./explain.js')).explain(path.relative(io.cwd, f), done.extraction, effectiveLang));
        } else result = await lintFile(f, resolved, fileOpts);
        results.push(result);
        cache?.set(f, result);
      } catch (e) {
        const { ReadError } = await import('../read/blocks.js');
        if (e instanceof ReadError) throw new PathError(`${path.relative(io.cwd, f)}：${e.zh}`, `${path.relative(io.cwd, f)}: ${e.en}`);
        const code = (e as NodeJS.ErrnoException).code;
        if (!code) throw e;
        throw new PathError(`无法读取 ${path.relative(io.cwd, f)}（${code}）`, `cannot read ${path.relative(io.cwd, f)} (${code})`);
      }
    }
    if (explained.length) io.stdout(explained.join('\n'));
    await cache?.save();
    let judged = results;
    if (args.baseline) {
      const { applyBaseline, writeBaseline } = await import('./baseline.js');
      const file = path.resolve(io.cwd, String(args.baseline));
      if (args['update-baseline']) {
        const n = await writeBaseline(results, file, io.cwd);
        io.stderr(effectiveLang === 'zh' ? `budgetlint: 已把 ${n} 条发现写入基线 ${args.baseline}\n` : `budgetlint: wrote ${n} findings to the baseline ${args.baseline}\n`);
        return 0;
      }
      judged = await applyBaseline(results, file, io.cwd);
    } else if (args['update-baseline']) {
      throw new ConfigError('--update-baseline 需要和 --baseline 文件一起使用', '--update-baseline needs --baseline FILE');
    }
    const shown = args.quiet ? judged.map(errorsOnly) : judged;

    const color = args.color ?? (!outFile && io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
    const rulesById = new Map(builtinRules.map((r) => [r.meta.id, r.meta]));
    const fmtCtx = { lang: effectiveLang, cwd: io.cwd, color, rules: rulesById };
    const formatter = await FORMATS[args.format as FormatName]();
    const report = formatter(shown, fmtCtx);
    if (outFile) await writeFile(outFile, report);
    else io.stdout(report);

    const errors = judged.reduce((n, r) => n + r.errorCount, 0);
    const warnings = judged.reduce((n, r) => n + r.warningCount, 0);
    const tooManyWarnings = args['max-warnings'] !== undefined && args['max-warnings'] >= 0 && warnings > args['max-warnings'];
    if (tooManyWarnings) {
      io.stderr(
        effectiveLang === 'zh'
          ? `budgetlint 发现的警告过多（上限 ${args['max-warnings']}，实有 ${warnings}）。\n`
          : `budgetlint found too many warnings (maximum: ${args['max-warnings']}, found ${warnings}).\n`,
      );
    }
    return errors > 0 || tooManyWarnings ? 1 : 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof PathError) {
      io.stderr(`budgetlint: ${e[lang]}\n`);
      return 2;
    }
    // never a stack trace: a bug is reported as one line, exit 2
    io.stderr(`budgetlint: ${lang === 'zh' ? '内部错误' : 'internal error'}: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}

/** A cached result is valid only for the same config, rules and budgetlint: their fingerprint. */
function cacheKey(config: unknown, args: Record<string, unknown>, ruleCount: number): string {
  return JSON.stringify({ config, rule: args.rule, lang: args.lang, ruleCount, v: process.env.npm_package_version ?? '' });
}

function errorsOnly(r: FileResult): FileResult {
  const findings = r.findings.filter((f) => f.level === 'error');
  return { ...r, findings, warningCount: 0, infoCount: 0 };
}
