/**
 * Data shipped in rules/*.yaml: the table catalogue, the relations, the indicator lexicons. Read and
 * parsed here; the bundle (scripts/build.mjs) replaces this module with the same data already parsed,
 * so a run pays no YAML parsing for files that never change.
 */
import { load } from 'js-yaml';
import { readPackageFile } from './package-file.js';

export const BUILTIN_RELATION_FILES = ['rules/tables.yaml', 'rules/relations/standard.yaml'];
export const BUILTIN_LEXICON_FILE = 'rules/lexicons.yaml';

export function builtinFiles(): { file: string; data: unknown }[] {
  return BUILTIN_RELATION_FILES.map((file) => ({ file, data: load(readPackageFile(file)) }));
}

export function builtinLexicons(): unknown {
  return load(readPackageFile(BUILTIN_LEXICON_FILE));
}
