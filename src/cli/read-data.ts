/** A budget file or a published document read into data, without linting it (for --previous). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decode } from '../load/decode.js';
import { parse } from '../load/parse.js';
import { formatOf } from '../engine/lint.js';
import { DOCUMENT_EXT, extractFile } from '../engine/lint-document.js';
import type { Catalogue } from '../relations/catalogue.js';
import { fileProblem, named } from './files.js';

export async function readData(file: string, cat: Catalogue, cwd: string): Promise<unknown> {
  const shown = path.relative(cwd, file) || file;
  try {
    if (DOCUMENT_EXT.test(file)) return (await extractFile(file, cat)).data;
    const r = parse(decode(await readFile(file)).text, formatOf(file));
    if (!r.ok) throw named(shown, r.error);
    return r.data;
  } catch (e) {
    throw (await fileProblem(e, shown)) ?? e;
  }
}
