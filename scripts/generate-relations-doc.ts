/**
 * Writes docs/relations.md: the relation language, then one entry per built-in relation (its id,
 * what it checks, the expression). `--check` exits 1 when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../src/relations/load.js';
import { relationsDoc } from '../src/relations/doc.js';

const out = fileURLToPath(new URL('../docs/relations.md', import.meta.url));
const text = relationsDoc(await loadCatalogue());
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('docs/relations.md is out of date: run npm run docs:relations');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
