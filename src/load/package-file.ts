/** Files shipped with budgetlint (rules/*.yaml), found from the running module whether bundled (dist/) or not (src/). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"budgetlint"/.test(readFileSync(pkg, 'utf8'))) return (root = dir);
    dir = path.dirname(dir);
  }
  throw new Error('budgetlint: cannot find its own package directory');
}

export function readPackageFile(relative: string): string {
  return readFileSync(path.join(packageRoot(), relative), 'utf8');
}
