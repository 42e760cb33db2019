// How long reading a PDF takes (`node scripts/bench-pdf.mjs [--runs N] [file.pdf …]`): src/read/pdf.ts,
// bundled as the CLI bundles it (pdfjs-dist external), run in a fresh Node process per run, so each time
// counts loading pdf.js, opening the file, every page's text and the layout into blocks; median of N runs.
//
// Without files it measures a 30-page PDF made of the two published documents in ../shared/documents
// (the 25 pages of the 2024 final accounts, then the first 5 pages of the 2025 budget) when poppler's
// pdfseparate/pdfunite are on the machine; otherwise it measures the two documents as they are and says
// what 30 pages would take at their rate (fixed cost + 30 × the cost of a page), marked as extrapolated.
// With dist/budgetlint.js built, it also times the whole CLI on the same file (`budgetlint extract`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const log = (s) => process.stderr.write(`bench-pdf: ${s}\n`);

// the reader, bundled where `pdfjs-dist` resolves from node_modules
const cache = path.join(root, 'node_modules', '.cache', 'budgetlint-bench-pdf');
mkdirSync(cache, { recursive: true });
const reader = path.join(cache, 'reader.mjs');
await build({ entryPoints: [path.join(root, 'src/read/pdf.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: reader, external: ['pdfjs-dist', 'pdfjs-dist/*'], logLevel: 'warning' });

const work = mkdtempSync(path.join(tmpdir(), 'budgetlint-bench-pdf-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const shared = path.resolve(root, '..', 'shared', 'documents');
const final24 = path.join(shared, 'putuo-czj-2024-final-accounts.pdf');
const budget25 = path.join(shared, 'putuo-czj-2025-budget.pdf');
const has = (cmd) => spawnSync(cmd, ['-v'], { encoding: 'utf8' }).error === undefined;

let files = args;
let made = '';
if (!files.length) {
  if (!existsSync(final24) || !existsSync(budget25)) throw new Error(`no file given and ${shared} is not there`);
  if (has('pdfseparate') && has('pdfunite')) {
    const pages = [1, 2, 3, 4, 5].map((n) => path.join(work, `b${n}.pdf`));
    spawnSync('pdfseparate', ['-f', '1', '-l', '5', budget25, path.join(work, 'b%d.pdf')]);
    const thirty = path.join(work, 'thirty-pages.pdf');
    const r = spawnSync('pdfunite', [final24, ...pages, thirty], { encoding: 'utf8' });
    if (r.status === 0) {
      files = [thirty];
      made = '30 pages: putuo-czj-2024-final-accounts.pdf (25) + pages 1–5 of putuo-czj-2025-budget.pdf';
    }
  }
  if (!files.length) files = [final24, budget25];
}

/** One read in a fresh process: ms from before pdf.js loads to the blocks, and the page count. */
function once(file) {
  const code = `const t0 = performance.now(); const { readPdf } = await import(${JSON.stringify(reader)}); const { readFileSync } = await import('node:fs');
const r = await readPdf(readFileSync(${JSON.stringify(file)})); const ms = performance.now() - t0;
const pages = new Set(r.blocks.map((b) => b.loc.page)).size; const tables = r.blocks.filter((b) => b.type === 'table').length;
console.log(JSON.stringify({ ms, pages, tables }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pagesOf = (file) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? NaN);
const results = [];
for (const file of files) {
  const times = [];
  let info;
  for (let i = 0; i < runs; i++) {
    info = once(file);
    times.push(info.ms);
  }
  const ms = median(times);
  const pages = has('pdfinfo') ? pagesOf(file) : info.pages;
  let cli;
  const bin = path.join(root, 'dist', 'budgetlint.js');
  if (existsSync(bin)) {
    const walls = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [bin, 'extract', file, '-o', path.join(work, 'out.yaml')], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      walls.push(performance.now() - t);
    }
    cli = median(walls);
  }
  results.push({ file: path.basename(file), pages, tables: info.tables, readMs: Math.round(ms), perPageMs: Math.round((ms / pages) * 10) / 10, ...(cli ? { cliExtractMs: Math.round(cli) } : {}) });
  log(`${path.basename(file)}: ${pages} pages, ${info.tables} tables, read in ${Math.round(ms)} ms (median of ${runs}, fresh process, pdf.js load included)${cli ? `; budgetlint extract ${Math.round(cli)} ms wall` : ''}`);
}
if (made) log(made);
else {
  // no 30-page file: 30 pages at the slower document's rate a page (its fixed costs, loading pdf.js and
  // its fonts, spread over its pages: an overestimate for a longer document)
  const slow = results.reduce((a, b) => (a.readMs / a.pages > b.readMs / b.pages ? a : b), results[0]);
  if (slow) {
    const est = Math.round((slow.readMs / slow.pages) * 30);
    log(`30 pages, extrapolated (not measured): ${est} ms at the rate of ${slow.file}`);
    results.push({ file: '30 pages (extrapolated)', pages: 30, readMs: est, extrapolated: true });
  }
}
console.log(JSON.stringify({ node: process.version, runs, results }));
