// Performance figures of the built CLI, side by side in one run (`npm run bench`, which builds first):
//   throughput   documents/s linting a generated corpus of 1,000 documents (`npm run generate`; without
//                the generator, a stand-in: copies of two real examples, and the output says so)
//   lintVsParse  the time budgetlint takes to lint the corpus in one thread (--jobs 1, whole process less
//                its start-up) ÷ the time js-yaml (yaml.load) or JSON.parse takes to read and parse the same files
//   lintVsParseDefaultJobs  the same with the default --jobs (the number of cores: worker threads from 500
//                files on): the whole process on the corpus less the same start-up (one file, --jobs 1), ÷ the
//                same parse time. What a user waits for; lintVsParse is the work of one thread.
//   single file  wall time of `budgetlint FILE` against `node -e 0`, median of N runs (the pre-commit path)
//   peak RSS     of the CLI over 1,000 and 10,000 documents (--format json -o /dev/null), the median of 3 runs each, their ratio, and a
//                control: 100 and 1,000 copies of a document without findings; and over the first 5,000 of the 10,000,
//                where the peak settles
//   --jobs 2 over 10,000  the same speed-up over the large corpus (full run only: one --jobs 1 run, against the
//                median of the RSS runs when the default is --jobs 2)
//   --jobs 2     speed-up over --jobs 1 on the same corpus (whole process, the best of two runs each)
//                and the cores one --jobs 1 run already uses (its CPU time ÷ its wall time: V8's compiler and GC
//                threads work beside the linting thread), which bounds any speed-up: cores ÷ that
//   floor        (full run) lintVsParse with every rule off but the schema: reading, parsing and the model, what any
//                rule set pays; and TIMING=1's table of the rules that take longest (src/engine/timing.ts)
//   profile      where the single-thread lint time goes (node --cpu-prof on the sources, self time by module)
// BUDGETLINT_BIN=path/to/budgetlint.js times another build (e.g. BUDGETLINT_OUTDIR's) instead of dist/.
// `--quick` (under a minute): the same 1,000 documents (on fewer, worker threads cannot pay for their start-up,
// and a --jobs speed-up measured there says nothing), one run of each --jobs and of the parse, RSS at 250 and
// 1,000 (reported under the same key), fewer latency runs, no profile or control, and only the JSON line on stdout. The full run
// prints a table, then the same JSON line last. Progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.BUDGETLINT_BIN ? path.resolve(process.env.BUDGETLINT_BIN) : path.join(root, 'dist/budgetlint.js');
const quick = process.argv.includes('--quick');
const counts = quick
  ? { corpus: 1000, rssSmall: 250, rssLarge: 1000, latencyRuns: 7, profileDocs: 0, pairs: 1, rssRuns: 1, parseRuns: 1 }
  : { corpus: 1000, rssSmall: 1000, rssLarge: 10000, latencyRuns: 21, profileDocs: 100, pairs: 2, rssRuns: 3, parseRuns: 3 };
const cores = availableParallelism();
const log = (s) => process.stderr.write(`bench: ${s}\n`);
if (!existsSync(BIN)) throw new Error('build first: npm run build');

const work = mkdtempSync(path.join(tmpdir(), 'budgetlint-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// ---- the corpus ----------------------------------------------------------------------------------
const STAND_IN = ['examples/standard-budget-clean.yaml', 'examples/dachang-zhengfawei-2021.yaml'];
let corpusNote = '';

/** The project's generator (`npm run generate -- --count N --seed S --out DIR`) when it is there. */
function generate(count, dir) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!existsSync(path.join(root, 'src/generate')) || !pkg.scripts?.generate) return 'src/generate or the "generate" script is not there yet';
  const r = spawnSync('npm', ['run', '--silent', 'generate', '--', '--count', String(count), '--seed', '1', '--out', dir], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return `npm run generate failed (exit ${r.status}): ${(r.stderr || '').trim().split('\n').pop()}`;
  if (listFiles(dir).length === 0) return 'npm run generate wrote no files';
  return '';
}

/** The stand-in: the two real examples, copied alternately under varied names. */
function standIn(count, dir) {
  for (let i = 0; i < count; i++) {
    const src = STAND_IN[i % STAND_IN.length];
    const sub = path.join(dir, `d${String(i % 37).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    copyFileSync(path.join(root, src), path.join(sub, `${String(i).padStart(5, '0')}-${path.basename(src)}`));
  }
}

function listFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    // what the CLI lints in a directory: YAML/JSON with a top-level `document` key (not the generator's injected.json)
    else if (/\.(ya?ml|json)$/i.test(e.name) && /^(?:\uFEFF)?document\s*:|"document"\s*:/m.test(readFileSync(p, 'utf8').slice(0, 65536))) out.push(p);
  }
  return out.sort();
}

function corpus(count) {
  const dir = path.join(work, `corpus-${count}`);
  mkdirSync(dir, { recursive: true });
  const why = generate(count, dir);
  if (why) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    standIn(count, dir);
    corpusNote = `stand-in corpus (${why}): copies of ${STAND_IN.join(' and ')}, alternately, under varied names`;
  } else corpusNote = 'corpus: npm run generate -- --count N --seed 1';
  const files = listFiles(dir);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return { dir, files, bytes };
}

// ---- measuring -----------------------------------------------------------------------------------
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Whole-process wall time (ms) of `node ARGS`. */
function wall(args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', cwd: work, maxBuffer: 1 << 26, ...opts });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')}: exit ${r.status} ${r.signal ?? ''}\n${r.stderr}`);
  return { ms, stderr: r.stderr ?? '' };
}

/** The CLI run in a wrapper that reports the process's peak RSS (worker threads included) as it exits. */
const RSS_WRAPPER = `
const [bin, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], bin, ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write('\\nBENCH_MAX_RSS_KB=' + u.maxRSS + ' BENCH_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n');
});
await import(bin);
`;

const wrapper = path.join(work, 'rss-wrapper.mjs');
writeFileSync(wrapper, RSS_WRAPPER);

function lintRun(dir, jobs, more = []) {
  const r = wall([wrapper, BIN, '--jobs', String(jobs), '--format', 'json', '-o', '/dev/null', '--no-config-lookup', ...more, dir]);
  const m = /BENCH_MAX_RSS_KB=(\d+) BENCH_CPU_US=(\d+)/.exec(r.stderr);
  return { ms: r.ms, rssMB: m ? Number(m[1]) / 1024 : NaN, cpuMs: m ? Number(m[2]) / 1000 : NaN };
}

/** Reading and parsing the same files with js-yaml (default schema) or JSON.parse, timed inside a fresh process. */
const PARSE_CHILD = `
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
const files = JSON.parse(readFileSync(0, 'utf8'));
const t = process.hrtime.bigint();
let n = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const data = /\\.json$/i.test(f) ? JSON.parse(text) : load(text);
  if (data) n++;
}
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
`;

function parseOnly(files) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', PARSE_CHILD], { input: JSON.stringify(files), encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout);
}

// ---- the runs ------------------------------------------------------------------------------------
const t0 = Date.now();
log(`building the corpus of ${counts.corpus} documents`);
const main = corpus(counts.corpus);
log(corpusNote);

// start-up: the CLI with the same flags on one document of the corpus, median of a few runs
const one = path.join(work, 'one');
mkdirSync(one);
copyFileSync(main.files[0], path.join(one, path.basename(main.files[0])));
const startup = median(Array.from({ length: quick ? 3 : 5 }, () => lintRun(one, 1).ms));

// --jobs 1 and --jobs 2 in turn (twice in the full run), keeping each one's best run: other processes on
// the machine only ever slow a run down, so the faster is the nearer to what the machine can do
log(`linting with --jobs 1 and --jobs 2${counts.pairs > 1 ? `, ${counts.pairs} times each` : ''}`);
const runs1 = [];
const runs2 = [];
for (let i = 0; i < counts.pairs; i++) {
  runs1.push(lintRun(main.dir, 1));
  runs2.push(lintRun(main.dir, 2));
}
const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const j1 = best(runs1);
const j2 = best(runs2);
const jDefault = cores === 2 ? j2 : cores === 1 ? j1 : (log(`linting with --jobs ${cores}`), lintRun(main.dir, cores));
const parseMs = median(Array.from({ length: counts.parseRuns }, () => parseOnly(main.files)));
const lintMs = Math.max(1, j1.ms - startup);
const lintDefaultMs = Math.max(1, jDefault.ms - startup);

// full run only: the floor under lintVsParse, the same lint with every rule off but the schema (reading,
// decoding, parsing, the model: what any rule set pays), and where the rest goes, rule by rule (TIMING=1)
let floor;
let timingTable = '';
if (!quick) {
  log('linting with --jobs 1 and every rule off but the schema, twice; then once with TIMING=1');
  // the built-in rules, as the --no-config-lookup runs have them (a config file's relations would add ids)
  const listed = spawnSync(process.execPath, [BIN, 'rules', '--format', 'json', '--no-config-lookup'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`budgetlint rules: exit ${listed.status}\n${listed.stderr}`);
  const ids = JSON.parse(listed.stdout).map((r) => r.id).filter((id) => id !== 'schema');
  const schemaOnly = path.join(work, 'schema-only.yaml');
  writeFileSync(schemaOnly, `rules:\n${ids.map((id) => `  ${JSON.stringify(id)}: off\n`).join('')}`);
  floor = { ...best([lintRun(main.dir, 1, ['-c', schemaOnly]), lintRun(main.dir, 1, ['-c', schemaOnly])]), rules: ids.length };
  timingTable = wall([BIN, '--jobs', '1', '--format', 'json', '-o', '/dev/null', '--no-config-lookup', '--lang', 'en', main.dir], { env: { ...process.env, TIMING: '1' } }).stderr.trimEnd();
}

log(`single-file latency, ${counts.latencyRuns} runs`);
const single = path.join(root, 'examples/clean.yaml');
const nodeMs = [];
const cliMs = [];
for (let i = 0; i < counts.latencyRuns; i++) {
  nodeMs.push(wall(['-e', '0']).ms);
  cliMs.push(wall([BIN, single], { cwd: root }).ms);
}

log(`peak RSS at ${counts.rssSmall} and ${counts.rssLarge} documents (default --jobs ${cores})`);
// the peak RSS of one run swings by up to 2× from run to run (V8's heap sizing, same build and corpus):
// the median of rssRuns runs (3 in the full run)
const rssOf = (dir) => {
  const runs = Array.from({ length: counts.rssRuns }, () => lintRun(dir, cores));
  return { rssMB: median(runs.map((r) => r.rssMB)), all: runs.map((r) => r.rssMB), ms: median(runs.map((r) => r.ms)) };
};
const small = rssOf(counts.rssSmall === counts.corpus ? main.dir : corpus(counts.rssSmall).dir);
const largeCorpus = counts.rssLarge === counts.corpus ? main : corpus(counts.rssLarge);
const large = rssOf(largeCorpus.dir);
// full run only: where the peak settles (the first half of the large corpus: does memory still grow between
// 5,000 and 10,000 documents?), and --jobs 2 against --jobs 1 over the large corpus, where the second
// thread's fixed cost (start-up, its own compiler warm-up) is spread over ten times the documents
let settle;
let scaled;
if (!quick) {
  log(`peak RSS at ${counts.rssLarge / 2} documents (the first half of the same corpus), --jobs 1 and 2 over ${counts.rssLarge}`);
  const half = path.join(work, 'half');
  mkdirSync(half);
  for (const f of largeCorpus.files.slice(0, counts.rssLarge / 2)) copyFileSync(f, path.join(half, path.basename(f)));
  settle = rssOf(half);
  rmSync(half, { recursive: true, force: true });
  // one --jobs 1 run (80 s) against the median of the RSS runs when they are --jobs 2, else one --jobs 2 run:
  // one run a side, as near as the time allows to the 1,000-document figure's best of two
  const one10k = lintRun(largeCorpus.dir, 1);
  const two10k = cores === 2 ? large.ms : lintRun(largeCorpus.dir, 2).ms;
  scaled = { j1: one10k.ms, j2: two10k, cores: one10k.cpuMs / one10k.ms, j2Is: cores === 2 ? `the median of the ${counts.rssRuns} RSS runs` : 'one run' };
}
if (largeCorpus !== main) rmSync(largeCorpus.dir, { recursive: true, force: true });

// the control: documents without findings, so the report holds nothing per document (full run only)
let control;
if (!quick) {
  log('peak RSS over 100 and 1,000 copies of a document without findings (examples/standard-budget-clean.yaml)');
  const copies = (count) => {
    const dir = path.join(work, `clean-${count}`);
    mkdirSync(dir);
    for (let i = 0; i < count; i++) copyFileSync(path.join(root, 'examples/standard-budget-clean.yaml'), path.join(dir, `c${i}.yaml`));
    return dir;
  };
  control = { small: rssOf(copies(100)), large: rssOf(copies(1000)) };
}

let profile = [];
if (counts.profileDocs) {
  log(`profiling --jobs 1 over ${counts.profileDocs} documents (node --cpu-prof, from the sources under tsx)`);
  profile = cpuProfile(main.files.slice(0, counts.profileDocs));
}

const figures = {
  lintVsParse: round(lintMs / parseMs, 1),
  lintVsParseDefaultJobs: round(lintDefaultMs / parseMs, 1),
  singleFileVsNode: round(median(cliMs) / median(nodeMs), 2),
  rssRatio10kTo1k: round(large.rssMB / small.rssMB, 2),
  jobsSpeedup: round(j1.ms / j2.ms, 2),
  docsPerSecond: round(main.files.length / (jDefault.ms / 1000), 1),
};

if (!quick) {
  const rows = [
    ['corpus', `${main.files.length} documents, ${(main.bytes / 1e6).toFixed(1)} MB (${corpusNote})`],
    ['machine', `${cores} cores (os.availableParallelism()), Node ${process.version}`],
    ['throughput, --jobs 1', `${(main.files.length / (j1.ms / 1000)).toFixed(1)} documents/s (${(j1.ms / 1000).toFixed(1)} s whole process)`],
    ['throughput, --jobs 2', `${(main.files.length / (j2.ms / 1000)).toFixed(1)} documents/s (${(j2.ms / 1000).toFixed(1)} s)`],
    [`throughput, default (--jobs ${cores})`, `${figures.docsPerSecond} documents/s`],
    ['lint time, one thread', `${(lintMs / 1000).toFixed(2)} s = ${(lintMs / main.files.length).toFixed(1)} ms/document (whole process ${(j1.ms / 1000).toFixed(2)} s less start-up ${startup.toFixed(0)} ms)`],
    ['parse time (js-yaml load)', `${(parseMs / 1000).toFixed(3)} s = ${(parseMs / main.files.length).toFixed(2)} ms/document (read + parse, in a fresh process)`],
    ['lintVsParse (target ≤ 1.5)', `${figures.lintVsParse}×`],
    // what lintVsParse can come down to with these rules: the floor, plus the rules' share of the TIMING table below
    ['  floor: every rule off but schema', `${round(Math.max(1, floor.ms - startup) / parseMs, 2)}× (${(floor.ms / 1000).toFixed(2)} s whole process, ${floor.rules} rules off: reading, parsing and the model only)`],
    [`lintVsParseDefaultJobs (--jobs ${cores})`, `${figures.lintVsParseDefaultJobs}× (whole process ${(jDefault.ms / 1000).toFixed(2)} s less the same start-up)`],
    ['single file vs node -e 0 (target ≤ 2.5)', `${figures.singleFileVsNode}× (median of ${counts.latencyRuns}: ${median(cliMs).toFixed(0)} ms vs ${median(nodeMs).toFixed(0)} ms; examples/clean.yaml)`],
    [`peak RSS, ${counts.rssSmall} documents`, `${small.rssMB.toFixed(0)} MB (median of ${small.all.map((x) => x.toFixed(0)).join(', ')})`],
    [`peak RSS, ${counts.rssLarge} documents`, `${large.rssMB.toFixed(0)} MB (median of ${large.all.map((x) => x.toFixed(0)).join(', ')})`],
    [`  peak RSS, ${counts.rssLarge / 2} documents`, `${settle.rssMB.toFixed(0)} MB (median of ${settle.all.map((x) => x.toFixed(0)).join(', ')}): ${counts.rssLarge} ÷ ${counts.rssLarge / 2} = ${round(large.rssMB / settle.rssMB, 2)}`],
    ['RSS ratio (target ≈ 1)', `${figures.rssRatio10kTo1k}`],
    ['  control: no findings', `${control.small.rssMB.toFixed(0)} MB at 100 documents, ${control.large.rssMB.toFixed(0)} MB at 1,000 (ratio ${round(control.large.rssMB / control.small.rssMB, 2)})`],
    ['--jobs 2 speed-up (target ≥ 1.7)', `${figures.jobsSpeedup}× (best of ${counts.pairs} runs each: ${runs1.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s vs ${runs2.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s)`],
    [`  over ${counts.rssLarge} documents`, `${round(scaled.j1 / scaled.j2, 2)}× (--jobs 1 ${(scaled.j1 / 1000).toFixed(1)} s, using ${scaled.cores.toFixed(2)} cores; --jobs 2 ${(scaled.j2 / 1000).toFixed(1)} s, ${scaled.j2Is})`],
    // the ceiling of any --jobs speed-up: V8's helper threads (optimising compiler, GC) already give one linting
    // thread more than one core, and on `cores` cores the run can use no more than `cores`
    ['  cores one thread already uses', `${(j1.cpuMs / j1.ms).toFixed(2)} (--jobs 1: ${(j1.cpuMs / 1000).toFixed(1)} s of CPU in ${(j1.ms / 1000).toFixed(1)} s; --jobs 2: ${(j2.cpuMs / 1000).toFixed(1)} s of CPU), so --jobs ${cores} can give at most ${(cores / (j1.cpuMs / j1.ms)).toFixed(2)}×`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n'));
  if (timingTable) console.log(`\nwhere one thread's time goes, rule by rule (TIMING=1, --jobs 1, ${main.files.length} documents; ms summed over the documents):\n${timingTable}`);
  if (profile.length) {
    console.log(`\nwhere one thread's time goes (self time, ${counts.profileDocs} documents, node --cpu-prof):`);
    for (const [name, pct] of profile) console.log(`  ${pct.toFixed(1).padStart(5)}%  ${name}`);
  }
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
} else log(`${((Date.now() - t0) / 1000).toFixed(0)} s; ${corpusNote}; quick: ${counts.corpus} documents, RSS at ${counts.rssSmall} and ${counts.rssLarge}`);
console.log(JSON.stringify(figures));

function round(x, places) {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/** Self time by module (the sources, not the minified bundle, so that names mean something). */
function cpuProfile(files) {
  const dir = path.join(work, 'prof');
  const sub = path.join(work, 'prof-corpus');
  mkdirSync(sub);
  for (const f of files) copyFileSync(f, path.join(sub, path.basename(f)));
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', path.join(root, 'src/cli/main.ts'), '--jobs', '1', '--format', 'json', '-o', '/dev/null', '--no-config-lookup', sub],
    { cwd: root, stdio: 'ignore' },
  );
  if (r.status !== 0 && r.status !== 1) return [];
  // the main thread's profile is the largest (tsx's loader thread writes one too)
  const prof = readdirSync(dir)
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const p = JSON.parse(readFileSync(prof, 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const by = new Map();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const cf = nodes.get(p.samples[i]).callFrame;
    const name = category(cf);
    if (name === null) continue;
    const d = p.timeDeltas[i] ?? 0;
    total += d;
    by.set(name, (by.get(name) ?? 0) + d);
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14)
    .map(([n, t]) => [n, (100 * t) / total]);
}

function category(cf) {
  const u = cf.url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  if (!u) {
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') return null;
    if (cf.functionName === '(garbage collector)') return 'garbage collection';
    // tsx's loader thread answering module loads
    if (cf.functionName === '(postMessage)') return 'start-up: loading the sources (tsx)';
    return `native: ${cf.functionName.replace(/^RegExp: .*/, 'regular expressions')}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (pkg) {
    if (pkg[1] === 'tsx' || pkg[1] === 'esbuild') return 'start-up: loading the sources (tsx)';
    const what = { 'js-yaml': 'parsing YAML', yaml: 'locating findings (position-keeping YAML)', zod: 'the model (schema)', 'decimal.js': 'exact arithmetic' }[pkg[1]];
    return `${pkg[1]}${what ? ` (${what})` : ''}`;
  }
  if (u.startsWith('node:')) return 'start-up and I/O: node internals';
  const rel = path.relative(root, u);
  return rel.startsWith('rules/') || rel.startsWith('src/relations/') || rel.startsWith('src/functions/') ? rel : path.dirname(rel) + '/';
}
