/**
 * The corpus generator (issue 7): N realistic, consistent budget disclosures, a share of them with
 * known errors injected, and injected.json listing each injection with the findings it must produce.
 *
 *   npm run generate -- --count 100 --seed 7 --out corpus [--rate 0.3] [--format yaml|json]
 *
 * The same seed writes the same files, byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusFiles, type CorpusFormat, type InjectedEntry } from '../src/generate/corpus.js';

const USAGE = 'usage: npm run generate -- --count N --seed S --out DIR [--rate R] [--format yaml|json]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      rate: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = Number(values.count);
if (values.count === undefined || !Number.isInteger(count) || count < 0) fail('--count: a whole number of documents is required');
if (values.seed === undefined || values.seed === '') fail('--seed is required');
if (values.out === undefined || values.out === '') fail('--out is required');
const rate = values.rate === undefined ? 0.3 : Number(values.rate);
if (!(rate >= 0 && rate <= 1)) fail('--rate: a share between 0 and 1');
const format = (values.format ?? 'yaml') as CorpusFormat;
if (format !== 'yaml' && format !== 'json') fail('--format: yaml or json');

const out = path.resolve(String(values.out));
mkdirSync(out, { recursive: true });
// each document written as it is made: memory stays that of one document, whatever the count
const injected: InjectedEntry[] = [];
let documents = 0;
for (const f of corpusFiles({ count, seed: String(values.seed), rate, format })) {
  writeFileSync(path.join(out, f.file), f.text);
  documents++;
  for (const e of f.injections) {
    injected.push({ file: f.file, kind: e.kind, family: e.family, path: e.path, rules: e.rules, expected: e.expected, description: e.description });
  }
}
writeFileSync(path.join(out, 'injected.json'), JSON.stringify(injected, null, 2) + '\n');
const withErrors = new Set(injected.map((e) => e.file)).size;
console.log(`wrote ${documents} documents to ${out} (${withErrors} with ${injected.length} injected errors; see injected.json)`);
