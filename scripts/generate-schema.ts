/**
 * Writes schemas/budget.schema.json from the zod model, for editors (VS Code's YAML extension) to
 * complete and validate budget files. `--check` exits 1 when the shipped file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { budgetJsonSchema } from '../src/model/json-schema.js';

const out = fileURLToPath(new URL('../schemas/budget.schema.json', import.meta.url));
const text = JSON.stringify(budgetJsonSchema(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error('schemas/budget.schema.json is out of date: run npm run schema');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
