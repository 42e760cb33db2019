/**
 * A corpus: N consistent documents from one seed, a share of them (`rate`) with known errors injected,
 * and the list of injections. Document i draws from its own stream (seed/doc/i), so it does not depend
 * on the others; which errors go where depends on the kinds used so far, so that every kind is used
 * about as often as the others.
 */
import { buildDocument, type DocInfo } from './build.js';
import { injectErrors, type Injection } from './inject.js';
import { createRng } from './prng.js';
import { toJson, toYaml } from './tree.js';

export type CorpusFormat = 'yaml' | 'json';

export interface CorpusOptions {
  count: number;
  seed: string | number;
  /** the share of documents that get one or more injected errors (default 0.3) */
  rate?: number;
  format?: CorpusFormat;
  /** the most injections one document gets (default 3) */
  maxPerDocument?: number;
}

export interface CorpusFile {
  /** file name, relative to the output directory */
  file: string;
  text: string;
  info: DocInfo;
  injections: Injection[];
}

export interface InjectedEntry extends Injection {
  file: string;
}

export interface Corpus {
  files: CorpusFile[];
  /** what injected.json holds */
  injected: InjectedEntry[];
}

export function generateCorpus(opts: CorpusOptions): Corpus {
  const files: CorpusFile[] = [];
  const injected: InjectedEntry[] = [];
  for (const f of corpusFiles(opts)) {
    files.push(f);
    for (const inj of f.injections) injected.push({ file: f.file, ...inj });
  }
  return { files, injected };
}

/**
 * The corpus one document at a time, in order: a caller that writes each as it comes holds one
 * document, not thousands of them (a document is about 60 KB of text and its tree).
 */
export function* corpusFiles(opts: CorpusOptions): Generator<CorpusFile> {
  const { count, seed } = opts;
  const rate = opts.rate ?? 0.3;
  const format = opts.format ?? 'yaml';
  const max = opts.maxPerDocument ?? 3;
  if (!Number.isInteger(count) || count < 0) throw new Error(`--count must be a whole number, got ${count}`);
  if (!(rate >= 0 && rate <= 1)) throw new Error(`--rate must be between 0 and 1, got ${rate}`);
  const root = createRng(String(seed));
  const usage = new Map<string, number>();
  const width = Math.max(4, String(count).length);
  for (let i = 0; i < count; i++) {
    const { doc, info } = buildDocument(root.fork(`doc/${i}`));
    const pick = root.fork(`inject/${i}`);
    const file = `budget-${String(i + 1).padStart(width, '0')}.${format}`;
    let injections: Injection[] = [];
    if (pick.chance(rate)) {
      let n = 1;
      while (n < max && pick.chance(0.45)) n++;
      injections = injectErrors(doc, info, pick, { count: n, usage });
    }
    const header = [`${info.department} ${info.year}年部门预算 (generated: seed ${seed}, document ${i + 1})`];
    const text = format === 'json' ? toJson(doc) : toYaml(doc, header);
    yield { file, text, info, injections };
  }
}
