/** Reading relation files (I/O edge): the built-in ones, then those a config names, errors located. */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { ConfigError } from '../engine/config.js';
import { CatalogueError, emptyCatalogue, mergeCatalogue, type Catalogue } from './catalogue.js';

import { builtinFiles } from '../load/builtin-data.js';

async function located(e: CatalogueError, text: string): Promise<ConfigError> {
  const { locatorFor } = await import('../load/locate.js');
  const r = (await locatorFor(text, [e.path]))(e.path);
  return new ConfigError(`${e.file}:${r.line}:${r.column}：${e.zh}`, `${e.file}:${r.line}:${r.column}: ${e.en}`);
}

/** Built-in files, then each user file in order; a bad file is a ConfigError naming file, line and column. */
export async function loadCatalogue(userFiles: readonly { path: string; shown: string }[] = []): Promise<Catalogue> {
  const cat = emptyCatalogue();
  // the built-in files are checked by the tests, not on every run
  for (const { file, data } of builtinFiles()) mergeCatalogue(cat, data, file, { trusted: true });
  const files = [
    ...userFiles.map((f) => ({
      shown: f.shown,
      text: () => {
        try {
          return readFileSync(f.path, 'utf8');
        } catch {
          throw new ConfigError(`无法读取关系文件：${f.shown}`, `cannot read the relations file: ${f.shown}`);
        }
      },
    })),
  ];
  for (const f of files) {
    const text = f.text();
    let data: unknown;
    try {
      data = load(text);
    } catch (e) {
      const mark = (e as { mark?: { line: number; column: number } }).mark;
      const where = mark ? `:${mark.line + 1}:${mark.column + 1}` : '';
      const reason = (e as { reason?: string }).reason ?? String(e);
      throw new ConfigError(`${f.shown}${where}：YAML 语法错误：${reason}`, `${f.shown}${where}: YAML syntax error: ${reason}`);
    }
    try {
      mergeCatalogue(cat, data, f.shown);
    } catch (e) {
      if (e instanceof CatalogueError) throw await located(e, text);
      throw e;
    }
  }
  return cat;
}
