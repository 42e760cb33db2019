// Whole-process wall time of one lint (the pre-commit hot path) against `node -e 0`, median of N runs.
// Usage: node scripts/bench-startup.mjs [file] [runs]
// BUDGETLINT_BIN=path/to/budgetlint.js: time another build (default dist/budgetlint.js)
import { spawnSync } from 'node:child_process';

const file = process.argv[2] ?? 'examples/clean.yaml';
const runs = Number(process.argv[3] ?? 21);
const bin = process.env.BUDGETLINT_BIN || 'dist/budgetlint.js';
const time = (args) => {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const base = [];
const lint = [];
for (let i = 0; i < runs; i++) {
  base.push(time(['-e', '0']));
  lint.push(time([bin, file]));
}
const b = median(base);
const l = median(lint);
console.log(JSON.stringify({ file, runs, nodeMs: +b.toFixed(1), lintMs: +l.toFixed(1), ratio: +(l / b).toFixed(2) }));
