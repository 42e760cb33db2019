/**
 * The command line: arguments → config → files → lint → format → exit code.
 * Exit codes as ESLint: 0 clean, 1 error-level findings (or too many warnings), 2 fatal.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError, parseRuleFlags, resolveRules, type ConfigFile, type ResolvedRule, type RuleSetting } from '../engine/config.js';
import type { FileResult } from '../engine/finding.js';
import { previousModel, type LintOptions } from '../engine/lint.js';
import type { Bilingual, Rule } from '../engine/rule.js';
import type { Extraction } from '../extract/extract.js';
import type { Catalogue } from '../relations/catalogue.js';
import type { Cache } from './cache.js';
import type { Lang } from '../format/types.js';
import { PathError, fileProblem, keepBudgetFiles, resolveFiles } from './files.js';
import { findConfig, readConfig } from './config-file.js';
import { FORMAT_NAMES, STREAMS, type FormatName } from '../format/index.js';
// what every lint needs, imported statically so the bundle's chunks load in parallel, not one await after another
import { allRules } from '../../rules/index.js';
import { loadCatalogue } from '../relations/load.js';
import { defaultLexicons, mergeLexicons } from '../model/lexicons.js';
import { fatal, lintFile } from '../engine/lint-file.js';
import { DOCUMENT_EXT } from '../engine/lint-document.js';
import { STAGES, addTime, clock, startTiming, stopTiming } from '../engine/timing.js';

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
    .option('jobs', { alias: 'j', type: 'number', describe: 'lint on this many threads: this one and N-1 worker threads (default: the number of cores, from 500 files on; 1: in this process)' })
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
  // TIMING=1 (ESLint's): where the lint's time went, rule by rule, on stderr after the report (not for a
  // subcommand, nor a run that ends in exit 2 before its report)
  const timingFormat = io.env.TIMING ? await import('../format/timing.js') : undefined;
  const timingRowCount = timingFormat?.timingRows(io.env.TIMING);
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
    if (timingFormat) {
      startTiming();
      settings.timing = true;
    }
    const setup = await loadSetup(settings);
    const { config, effectiveLang, catalogue, builtinRules } = setup;
    const printTimes = () => {
      // only the run that started timing stops it (and another timed run in this thread may have stopped it first)
      if (!timingFormat) return;
      const times = stopTiming();
      if (times) io.stderr(timingFormat.timingTable(times, timingRowCount!, effectiveLang));
    };
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

    const lintOpts = await lintOptionsFor(settings, setup);
    const cache = args.cache
      ? await (await import('./cache.js')).openCache(path.resolve(io.cwd, String(args['cache-location'])), cacheKey(config, args, builtinRules.length))
      : undefined;
    // both years in one run: a file's previous year is the run's file of the same department, one year earlier
    const years = !args.previous && files.length > 1 ? await (await import('./pair-years.js')).pairYears(files) : undefined;

    // The report is written as the results come, in the files' order, and no result is kept once reported:
    // a run's memory does not grow with its files. What each result goes through: the cache, the baseline
    // (accepting findings, or recording them with --update-baseline, which writes no report), --quiet, the
    // counts of the exit code, the format. A baseline that cannot be read is reported after the lint, as a
    // file that cannot be read comes first.
    const update = !!args['update-baseline'];
    const baselineFile = args.baseline ? path.resolve(io.cwd, String(args.baseline)) : undefined;
    const baselineMod = baselineFile ? await import('./baseline.js') : undefined;
    const recorder = update && baselineFile ? baselineMod!.baselineWriter(baselineFile, io.cwd) : undefined;
    let accept: ((r: FileResult) => FileResult) | undefined;
    let baselineError: unknown;
    if (baselineFile && !update) accept = await baselineMod!.baselineMatcher(baselineFile, io.cwd).catch((e: unknown) => ((baselineError = e), undefined));
    const color = args.color ?? (!outFile && io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
    const rulesById = new Map(builtinRules.map((r) => [r.meta.id, r.meta]));
    const fmtCtx = { lang: effectiveLang, cwd: io.cwd, color, rules: rulesById };
    const stream = (await STREAMS[args.format as FormatName]())(fmtCtx);
    const { HeldReport } = await import('../format/output.js');
    const held = new HeldReport();
    let errors = 0;
    let warnings = 0;
    let refusals = 0;
    const take = (f: string, r: FileResult, cached: boolean, refused?: Bilingual): void => {
      if (refused) {
        // named at once on stderr, and reported below as its file's fatal finding (which no baseline accepts);
        // never cached or recorded in a baseline, so that the next run refuses it again
        refusals++;
        io.stderr(`budgetlint: ${refused[effectiveLang]}\n`);
      } else {
        if (!cached) cache?.set(f, r);
        if (recorder) recorder.add(r);
      }
      if (update || baselineError !== undefined) return;
      const judged = accept ? accept(r) : r;
      errors += judged.errorCount;
      warnings += judged.warningCount;
      held.write(stream.file(args.quiet ? errorsOnly(judged) : judged));
    };
    try {
      held.write(stream.head);
      // worker threads pay for their start-up (each loads the bundle, rebuilds the rules and warms up) only on
      // a batch: from MIN_POOLED_FILES when --jobs is asked for, from DEFAULT_POOLED_FILES by default
      const minPooled = Math.max(args.jobs === undefined ? DEFAULT_POOLED_FILES : MIN_POOLED_FILES, 2 * jobs);
      const ctx: FileContext = { cwd: io.cwd, resolved, catalogue, lintOpts };
      if (jobs > 1 && !args.explain && files.length >= minPooled) {
        await lintPooled(files, { cache, years, settings, jobs, minPooled, ctx }, take);
      } else {
        const explained = await lintHere(files, { cache, years, ctx, explain: args.explain ? effectiveLang : undefined }, take);
        if (explained.length) io.stdout(explained.join('\n'));
      }
      await cache?.save();
      if (recorder) {
        const n = await recorder.write();
        io.stderr(effectiveLang === 'zh' ? `budgetlint: 已把 ${n} 条发现写入基线 ${args.baseline}\n` : `budgetlint: wrote ${n} findings to the baseline ${args.baseline}\n`);
        printTimes();
        // a refused file was not checked: its entries in the baseline are kept as they were, and the exit says so
        return refusals > 0 ? 2 : 0;
      }
      if (baselineError !== undefined) throw baselineError;
      if (update) throw new ConfigError('--update-baseline 需要和 --baseline 文件一起使用', '--update-baseline needs --baseline FILE');
      held.write(stream.end());
      if (outFile) {
        const fh = await open(outFile, 'w');
        try {
          await held.deliver((text) => fh.writeFile(text));
        } finally {
          await fh.close();
        }
      } else await held.deliver(io.stdout);
    } finally {
      held.discard();
    }

    const tooManyWarnings = args['max-warnings'] !== undefined && args['max-warnings'] >= 0 && warnings > args['max-warnings'];
    if (tooManyWarnings) {
      io.stderr(
        effectiveLang === 'zh'
          ? `budgetlint 发现的警告过多（上限 ${args['max-warnings']}，实有 ${warnings}）。\n`
          : `budgetlint found too many warnings (maximum: ${args['max-warnings']}, found ${warnings}).\n`,
      );
    }
    printTimes();
    return refusals > 0 ? 2 : errors > 0 || tooManyWarnings ? 1 : 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof PathError) {
      io.stderr(`budgetlint: ${e[lang]}\n`);
      return 2;
    }
    // never a stack trace: a bug is reported as one line, exit 2
    io.stderr(`budgetlint: ${lang === 'zh' ? '内部错误' : 'internal error'}: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  } finally {
    if (timingFormat) stopTiming();
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
  /** TIMING is set: each thread keeps its times (src/engine/timing.ts) */
  timing?: boolean;
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
  const lexicons = mergeLexicons(defaultLexicons(), setup.config.lexicons);
  const lintOpts: LintOptions = { lexicons, ...(s.reportUnusedDirectives ? { reportUnusedDirectives: true } : {}) };
  if (s.previous) {
    const { readData } = await import('./read-data.js');
    lintOpts.previous = await readData(path.resolve(s.cwd, s.previous), setup.catalogue, s.cwd);
    const model = previousModel(lintOpts.previous);
    if (model) lintOpts.previousModel = model;
  }
  return lintOpts;
}

/** Below this many files to lint, worker threads cannot save what they cost to start (with --jobs given). */
export const MIN_POOLED_FILES = 16;
/**
 * Without --jobs, worker threads are used from this many files. Measured on two cores (generated documents,
 * this thread + one worker against this thread alone): 128 files 2.1 s against 1.8 s, 256: 2.9 against 2.7,
 * 512: 4.45 against 4.47, 1,000: 7.5 against 8.4. A second isolate costs ~1.7 s of CPU (its start-up, its
 * own compiler warm-up and V8 helper threads) and one thread alone already keeps ~1.4 cores busy, so on two
 * cores threads pay only in large batches. On more cores they may pay sooner: --jobs says so.
 */
export const DEFAULT_POOLED_FILES = 500;

export interface FileContext {
  cwd: string;
  resolved: readonly ResolvedRule[];
  catalogue: Catalogue;
  lintOpts: LintOptions;
}

/** One file, as the file loop lints it: a budget file or an imported document, with its previous year if paired. */
export async function lintOne(f: string, earlier: string | undefined, ctx: FileContext): Promise<{ result: FileResult; extraction?: Extraction }> {
  const fileOpts = earlier ? await withEarlier(earlier, ctx) : ctx.lintOpts;
  if (DOCUMENT_EXT.test(f)) {
    const { lintDocumentFile } = await import('../engine/lint-document.js');
    return await lintDocumentFile(f, ctx.resolved, ctx.catalogue, fileOpts);
  }
  return { result: await lintFile(f, ctx.resolved, fileOpts) };
}

/**
 * The lint options with the previous year's data of a paired file. A previous-year file that cannot be read
 * or parsed is linted in this run too, where its own findings say so: this year's is linted without it.
 */
async function withEarlier(earlier: string, ctx: FileContext): Promise<LintOptions> {
  try {
    // (a run with --previous pairs no years, so no previousModel of its own is dropped here)
    const { previousModel: _, ...opts } = ctx.lintOpts;
    const t0 = clock();
    const previous = await (await import('./read-data.js')).readData(earlier, ctx.catalogue, ctx.cwd);
    addTime(STAGES.previous, t0);
    return { ...opts, previous };
  } catch (e) {
    if (e instanceof PathError) return ctx.lintOpts;
    throw e;
  }
}

/**
 * A failure while linting file f → the error the run reports: a PathError naming the file (unreadable,
 * not a document), a PathError or ConfigError as thrown (they name their file), or a bug, named by file.
 */
export async function fileError(e: unknown, f: string, cwd: string): Promise<unknown> {
  if (e instanceof ConfigError) return e;
  const shown = path.relative(cwd, f) || f;
  return (await fileProblem(e, shown)) ?? new Error(`${shown}: ${(e as Error | undefined)?.message ?? String(e)}`);
}

/**
 * A file's outcome as plain data (structured-clonable): its result; or, for a file it cannot read (unreadable,
 * corrupt, encrypted, a scanned PDF…: a PathError naming it), that file's fatal finding and the message,
 * and the run goes on; or the error that stops the run (a bad config, a bug).
 */
export type Outcome =
  | { result: FileResult; cached?: boolean; refused?: Bilingual }
  | { error: { zh: string; en: string; path: true } | { message: string } };

/** What a failure while linting file f becomes: a refusal of that file, the run going on, or the error that stops it. */
export async function outcomeOfFailure(e: unknown, f: string, cwd: string): Promise<Outcome> {
  const err = await fileError(e, f, cwd);
  if (!(err instanceof PathError)) return toOutcome(err);
  // the finding sits under its file's name: its message need not repeat it
  const finding = err.bare ?? err;
  return { result: fatal(f, finding.zh, finding.en), refused: { zh: err.zh, en: err.en } };
}

export function toOutcome(e: unknown): Outcome {
  if (e instanceof PathError || e instanceof ConfigError) return { error: { zh: e.zh, en: e.en, path: true } };
  return { error: { message: (e as Error)?.message ?? String(e) } };
}

export function fromOutcome(o: Extract<Outcome, { error: unknown }>): Error {
  return 'path' in o.error ? new PathError(o.error.zh, o.error.en) : new Error(o.error.message);
}

/** What the run does with each file's result as it comes (src/cli/run.ts's take). */
type Take = (f: string, r: FileResult, cached: boolean, refused?: Bilingual) => void;

/**
 * The files one after another in this thread, each result taken as it is linted; a file it cannot read is
 * taken as refused, and any other failure stops the run. With --explain (the language given), what was read
 * from each imported document, to print first.
 */
async function lintHere(
  files: readonly string[],
  run: { cache: Cache | undefined; years: ReadonlyMap<string, string> | undefined; ctx: FileContext; explain: Lang | undefined },
  take: Take,
): Promise<string[]> {
  const { cache, years, ctx, explain } = run;
  const explained: string[] = [];
  for (const f of files) {
    // only reading and linting the file are its own failures; what take does with the result is the run's
    let result: FileResult;
    let cached = false;
    let extraction: Extraction | undefined;
    try {
      const hit = cache && !explain ? await cache.get(f) : undefined;
      if (hit) [result, cached] = [hit, true];
      else ({ result, extraction } = await lintOne(f, years?.get(f), ctx));
    } catch (e) {
      const o = await outcomeOfFailure(e, f, ctx.cwd);
      if ('error' in o) throw fromOutcome(o);
      take(f, o.result, false, o.refused);
      continue;
    }
    if (explain && extraction) explained.push((await import('./explain.js')).explain(path.relative(ctx.cwd, f), extraction, explain));
    take(f, result, cached);
  }
  return explained;
}

/** What lintPooled needs of the run. */
interface PoolRun {
  cache: Cache | undefined;
  years: ReadonlyMap<string, string> | undefined;
  settings: LintSettings;
  jobs: number;
  minPooled: number;
  ctx: FileContext;
}

/**
 * A batch on worker threads. The cache is asked in this thread, file by file; only the misses go to the
 * workers. Results and refusals are taken in the files' order as they come back (one come early waits for
 * those before it), and the run stops where one thread would have: at the first failure, none taken after it.
 */
async function lintPooled(files: readonly string[], run: PoolRun, take: Take): Promise<void> {
  const { cache, years, ctx } = run;
  /** outcomes not taken yet, by file index: cached results, a failure, results come early */
  const waiting = new Map<number, Outcome>();
  const tasks: { index: number; file: string; earlier?: string }[] = [];
  for (const [i, f] of files.entries()) {
    try {
      const cached = cache ? await cache.get(f) : undefined;
      if (cached) waiting.set(i, { result: cached, cached: true });
      else {
        const earlier = years?.get(f);
        tasks.push({ index: i, file: f, ...(earlier ? { earlier } : {}) });
      }
    } catch (e) {
      const o = await outcomeOfFailure(e, f, ctx.cwd);
      waiting.set(i, o);
      if ('error' in o) break; // the files after it would not be reached, as in one thread
    }
  }
  let next = 0;
  let failure: Extract<Outcome, { error: unknown }> | undefined;
  const advance = () => {
    for (let o = waiting.get(next); o && !failure; o = waiting.get(next)) {
      waiting.delete(next);
      if ('error' in o) failure = o;
      else take(files[next]!, o.result, !!o.cached, o.refused);
      next++;
    }
  };
  advance();
  const arrived = (k: number, o: Outcome) => {
    waiting.set(tasks[k]!.index, o);
    advance();
  };
  if (tasks.length >= run.minPooled) await (await import('./parallel.js')).lintInWorkers(tasks, run.settings, run.jobs, arrived, (t) => outcomeOf(t, ctx));
  else await lintInProcess(tasks, ctx, arrived);
  if (failure) throw fromOutcome(failure);
}

/** The pool's fallback when the cache left few files: one thread, stopping at the first failure. */
async function lintInProcess(tasks: readonly { file: string; earlier?: string }[], ctx: FileContext, arrived: (k: number, o: Outcome) => void): Promise<void> {
  for (const [k, t] of tasks.entries()) {
    const o = await outcomeOf(t, ctx);
    arrived(k, o);
    if ('error' in o) break;
  }
}

/** One task linted as a thread reports it: its result, its refusal, or the error that stops the run (this thread and the workers). */
export async function outcomeOf(t: { file: string; earlier?: string }, ctx: FileContext): Promise<Outcome> {
  try {
    return { result: (await lintOne(t.file, t.earlier, ctx)).result };
  } catch (e) {
    return await outcomeOfFailure(e, t.file, ctx.cwd);
  }
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
