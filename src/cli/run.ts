/**
 * The command line: arguments → config → files → lint → format → exit code.
 * Exit codes as ESLint: 0 clean, 1 error-level findings (or too many warnings), 2 fatal.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError, parseRuleFlags, resolveRules, type ConfigFile, type ResolvedRule, type RuleSetting } from '../engine/config.js';
import type { FileResult } from '../engine/finding.js';
import type { LintOptions } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import type { Extraction } from '../extract/extract.js';
import type { Catalogue } from '../relations/catalogue.js';
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
    .option('jobs', { alias: 'j', type: 'number', describe: 'lint with this many worker threads (default: the number of cores; 1: in this process)' })
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
    const configPath = args.config ? path.resolve(io.cwd, args.config) : !args['config-lookup'] ? undefined : findConfig(io.cwd);
    const settings: LintSettings = {
      cwd: io.cwd,
      ...(configPath ? { configPath } : {}),
      rule: (args.rule as string[] | undefined) ?? [],
      ...(args.lang ? { lang: args.lang as Lang } : {}),
      reportUnusedDirectives: !!args['report-unused-disable-directives'],
      ...(args.previous ? { previous: String(args.previous) } : {}),
    };
    const setup = await loadSetup(settings);
    const { config, effectiveLang, catalogue, builtinRules } = setup;
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
    const resolved = resolveSetupRules(settings, setup);
    const jobs = args.jobs === undefined ? availableParallelism() : args.jobs;
    if (!Number.isInteger(jobs) || jobs < 1) {
      throw new ConfigError(`--jobs 应为正整数：${args.jobs}`, `--jobs must be a positive integer: ${args.jobs}`);
    }

    const patterns = (args.files as string[] | undefined) ?? [];
    const files = await resolveFiles(patterns, io.cwd, config.ignores ?? []);
    if (args['only-budget-files']) files.splice(0, files.length, ...(await keepBudgetFiles(files)));
    const outFile = args['output-file'] ? path.resolve(io.cwd, args['output-file']) : undefined;
    if (outFile && files.includes(outFile)) {
      throw new ConfigError(`--output-file 不能是被检查的文件：${args['output-file']}`, `--output-file must not be one of the files being linted: ${args['output-file']}`);
    }

    // zod compiles a fast parser per schema on first use: worth it for a batch, not for a commit's few files
    if (files.length <= 8) (await import('zod')).z.config({ jitless: true });
    const lintOpts = await lintOptionsFor(settings, setup);
    const cache = args.cache
      ? await (await import('./cache.js')).openCache(path.resolve(io.cwd, String(args['cache-location'])), cacheKey(config, args, builtinRules.length))
      : undefined;
    // both years in one run: a file's previous year is the run's file of the same department, one year earlier
    const years = !args.previous && files.length > 1 ? await (await import('./pair-years.js')).pairYears(files) : undefined;
    const results: FileResult[] = [];
    const explained: string[] = [];
    const ctx: FileContext = { cwd: io.cwd, resolved, catalogue, lintOpts };
    // worker threads pay for their start-up (each loads the bundle and rebuilds the rules) only on a batch
    const pooled = jobs > 1 && !args.explain && files.length >= Math.max(MIN_POOLED_FILES, 2 * jobs);
    if (!pooled) {
      for (const f of files) {
        try {
          const cached = cache && !args.explain ? await cache.get(f) : undefined;
          if (cached) {
            results.push(cached);
            continue;
          }
          const done = await lintOne(f, years?.get(f), ctx);
          if (args.explain && done.extraction) explained.push((await import('./explain.js')).explain(path.relative(io.cwd, f), done.extraction, effectiveLang));
          results.push(done.result);
          cache?.set(f, done.result);
        } catch (e) {
          throw await fileError(e, f, io.cwd);
        }
      }
    } else {
      // the cache is asked in this thread, file by file; only the misses go to the workers
      const slots: Outcome[] = [];
      const tasks: { index: number; file: string; earlier?: string }[] = [];
      for (const [i, f] of files.entries()) {
        try {
          const cached = cache ? await cache.get(f) : undefined;
          if (cached) slots[i] = { result: cached, cached: true };
          else {
            const earlier = years?.get(f);
            tasks.push({ index: i, file: f, ...(earlier ? { earlier } : {}) });
          }
        } catch (e) {
          slots[i] = toOutcome(await fileError(e, f, io.cwd));
          break; // the files after it would not be reached, as in one thread
        }
      }
      const { lintInWorkers } = await import('./parallel.js');
      const outcomes =
        tasks.length >= Math.max(MIN_POOLED_FILES, 2 * jobs) ? await lintInWorkers(tasks, settings, jobs) : await lintInProcess(tasks, ctx);
      for (const [k, t] of tasks.entries()) if (outcomes[k]) slots[t.index] = outcomes[k];
      // in the files' order, exactly as one thread would have stopped: results up to the first failure
      for (const [i, f] of files.entries()) {
        const o = slots[i];
        if (!o) break;
        if ('error' in o) throw fromOutcome(o);
        results.push(o.result);
        if (!o.cached) cache?.set(f, o.result);
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

/**
 * What the lint setup is built from: plain data, so that a worker thread (which cannot be sent the
 * rules, functions all) rebuilds the same rules, catalogue, lexicons and options from it.
 */
export interface LintSettings {
  cwd: string;
  /** the config file in force (--config, or the one found upwards), resolved */
  configPath?: string;
  /** --rule flags */
  rule: string[];
  /** --lang */
  lang?: Lang;
  reportUnusedDirectives: boolean;
  /** --previous, as given */
  previous?: string;
}

export interface Setup {
  configPath?: string;
  config: ConfigFile;
  effectiveLang: Lang;
  catalogue: Catalogue;
  builtinRules: readonly Rule<unknown>[];
}

/** settings → config, catalogue and rules (what every command needs); the main thread and the workers both call it. */
export async function loadSetup(s: LintSettings): Promise<Setup> {
  const { allRules } = await import('../../rules/index.js');
  const { loadCatalogue } = await import('../relations/load.js');
  const config = s.configPath ? readConfig(s.configPath) : {};
  const effectiveLang: Lang = s.lang ?? config.lang ?? 'zh';
  const configDir = s.configPath ? path.dirname(s.configPath) : s.cwd;
  const catalogue = await loadCatalogue(
    (config.relations ?? []).map((f) => ({ path: path.resolve(configDir, f), shown: path.relative(s.cwd, path.resolve(configDir, f)) || f })),
  );
  return { ...(s.configPath ? { configPath: s.configPath } : {}), config, effectiveLang, catalogue, builtinRules: allRules(catalogue) };
}

/** The rules as configured: defaults, then the config file, then --rule flags. */
export function resolveSetupRules(s: LintSettings, setup: Setup): ResolvedRule[] {
  const layers: { source: string; rules: Record<string, RuleSetting> }[] = [];
  if (setup.config.rules && s.configPath) layers.push({ source: path.relative(s.cwd, s.configPath) || s.configPath, rules: setup.config.rules });
  if (s.rule.length) layers.push({ source: '--rule', rules: parseRuleFlags(s.rule) });
  return resolveRules(setup.builtinRules, layers);
}

/** Lexicons, directive reporting and --previous's data. */
export async function lintOptionsFor(s: LintSettings, setup: Setup): Promise<LintOptions> {
  const { defaultLexicons, mergeLexicons } = await import('../model/lexicons.js');
  const lexicons = mergeLexicons(defaultLexicons(), setup.config.lexicons);
  const lintOpts: LintOptions = { lexicons, ...(s.reportUnusedDirectives ? { reportUnusedDirectives: true } : {}) };
  if (s.previous) {
    const { readData } = await import('./read-data.js');
    lintOpts.previous = await readData(path.resolve(s.cwd, s.previous), setup.catalogue, s.cwd);
  }
  return lintOpts;
}

/** Below this many files to lint, worker threads cost more to start than they save. */
export const MIN_POOLED_FILES = 16;

export interface FileContext {
  cwd: string;
  resolved: readonly ResolvedRule[];
  catalogue: Catalogue;
  lintOpts: LintOptions;
}

/** One file, as the file loop lints it: a budget file or an imported document, with its previous year if paired. */
export async function lintOne(f: string, earlier: string | undefined, ctx: FileContext): Promise<{ result: FileResult; extraction?: Extraction }> {
  const fileOpts = earlier ? { ...ctx.lintOpts, previous: await (await import('./read-data.js')).readData(earlier, ctx.catalogue, ctx.cwd) } : ctx.lintOpts;
  const { DOCUMENT_EXT } = await import('../engine/lint-document.js');
  if (DOCUMENT_EXT.test(f)) {
    const { lintDocumentFile } = await import('../engine/lint-document.js');
    return await lintDocumentFile(f, ctx.resolved, ctx.catalogue, fileOpts);
  }
  const { lintFile } = await import('../engine/lint-file.js');
  return { result: await lintFile(f, ctx.resolved, fileOpts) };
}

/**
 * A failure while linting file f → the error the run reports: a PathError naming the file (unreadable,
 * not a document), a PathError or ConfigError as thrown (they name their file), or a bug, named by file.
 */
export async function fileError(e: unknown, f: string, cwd: string): Promise<unknown> {
  if (e instanceof PathError || e instanceof ConfigError) return e;
  const { ReadError } = await import('../read/blocks.js');
  if (e instanceof ReadError) return new PathError(`${path.relative(cwd, f)}：${e.zh}`, `${path.relative(cwd, f)}: ${e.en}`);
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code || typeof code !== 'string') return new Error(`${path.relative(cwd, f)}: ${(e as Error | undefined)?.message ?? String(e)}`);
  return new PathError(`无法读取 ${path.relative(cwd, f)}（${code}）`, `cannot read ${path.relative(cwd, f)} (${code})`);
}

/** A file's outcome as plain data (structured-clonable): its result, or the error that stops the run. */
export type Outcome = { result: FileResult; cached?: boolean } | { error: { zh: string; en: string; path: true } | { message: string } };

export function toOutcome(e: unknown): Outcome {
  if (e instanceof PathError || e instanceof ConfigError) return { error: { zh: e.zh, en: e.en, path: true } };
  return { error: { message: (e as Error)?.message ?? String(e) } };
}

export function fromOutcome(o: Extract<Outcome, { error: unknown }>): Error {
  return 'path' in o.error ? new PathError(o.error.zh, o.error.en) : new Error(o.error.message);
}

/** The pool's fallback when the cache left few files: one thread, stopping at the first failure. */
async function lintInProcess(tasks: readonly { file: string; earlier?: string }[], ctx: FileContext): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const t of tasks) {
    try {
      out.push({ result: (await lintOne(t.file, t.earlier, ctx)).result });
    } catch (e) {
      out.push(toOutcome(await fileError(e, t.file, ctx.cwd)));
      break;
    }
  }
  return out;
}

/** A cached result is valid only for the same config, rules and budgetlint: their fingerprint. */
function cacheKey(config: unknown, args: Record<string, unknown>, ruleCount: number): string {
  // what changes a file's findings besides its own bytes (the cache adds budgetlint's build itself)
  return JSON.stringify({ config, rule: args.rule, ruleCount, unused: !!args['report-unused-disable-directives'], previous: args.previous ?? null });
}

function errorsOnly(r: FileResult): FileResult {
  const findings = r.findings.filter((f) => f.level === 'error');
  return { ...r, findings, warningCount: 0, infoCount: 0 };
}
