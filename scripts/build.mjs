// Bundles the CLI into dist/: one file to load instead of hundreds of modules is most of a
// pre-commit run's start-up time. Lazy imports stay separate chunks (splitting), loaded only when used.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { load } from 'js-yaml';

/** zod's namespace re-exports every locale (~250 files); budgetlint writes its own messages and needs none. */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales-stub', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * `import { z } from 'zod'` hands every module zod's whole namespace object, which esbuild cannot shake:
 * all of zod (~190 kB) would be compiled and run at start-up. `import * as z from 'zod'` is the same API,
 * but esbuild sees each `z.string`, `z.strictObject`… used and keeps only those (~100 kB). Rewritten here,
 * in budgetlint's own sources only, so a file written either way bundles the small way.
 */
const zodNamespaceImports = {
  name: 'zod-namespace-imports',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes("import { z } from 'zod';")) return undefined;
      return { contents: text.replaceAll("import { z } from 'zod';", "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

/**
 * budgetlint decides colour itself (--color, a TTY, NO_COLOR) and gives chalk the level (new Chalk({ level })).
 * chalk's own detection would import node:process, node:tty and node:os at start-up for an answer never used.
 */
const noChalkDetection = {
  name: 'no-chalk-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes('/chalk/') ? { path: 'chalk-supports-color-stub', namespace: 'stub-chalk' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub-chalk' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/** The data in rules/*.yaml, parsed now rather than on every run (see src/load/builtin-data.ts). */
const inlineBuiltinData = {
  name: 'inline-builtin-data',
  setup(b) {
    b.onLoad({ filter: /src[\\/]load[\\/]builtin-data\.ts$/ }, () => {
      const files = ['rules/tables.yaml', 'rules/relations/standard.yaml'];
      const data = files.map((file) => ({ file, data: load(readFileSync(file, 'utf8')) }));
      const lexicons = load(readFileSync('rules/lexicons.yaml', 'utf8'));
      return {
        contents: [
          `export const BUILTIN_RELATION_FILES = ${JSON.stringify(files)};`,
          `export const BUILTIN_LEXICON_FILE = 'rules/lexicons.yaml';`,
          `const DATA = ${JSON.stringify(data)};`,
          `const LEXICONS = ${JSON.stringify(lexicons)};`,
          'export function builtinFiles() { return DATA; }',
          'export function builtinLexicons() { return LEXICONS; }',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

// BUDGETLINT_OUTDIR: a build elsewhere (e.g. a benchmark of a change) without touching dist/
const outdir = process.env.BUDGETLINT_OUTDIR || 'dist';
// BUDGETLINT_PROFILE=1: keep identifiers and write source maps, so a `node --cpu-prof` of the bundle names
// its functions and files (off by default: the shipped bundle is minified and carries no maps)
const profile = process.env.BUDGETLINT_PROFILE === '1';
rmSync(outdir, { recursive: true, force: true });
await build({
  // worker: the --jobs thread's entry, found beside budgetlint.js (src/cli/parallel.ts)
  entryPoints: { budgetlint: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  target: 'node20',
  outdir,
  minify: true,
  ...(profile ? { minifyIdentifiers: false, sourcemap: 'linked', sourcesContent: false } : {}),
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [noZodLocales, inlineBuiltinData, zodNamespaceImports, noChalkDetection],
  // pdf.js (read only for a PDF, loaded lazily) stays a runtime dependency in node_modules: its worker
  // module is imported beside it (src/read/pdf.ts) and its CMaps and fonts are read from its package
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  // CommonJS dependencies (yaml) require Node built-ins: give each ESM chunk a require.
  banner: { js: "import { createRequire as __budgetlintRequire } from 'node:module'; const require = __budgetlintRequire(import.meta.url);" },
  logLevel: 'warning',
});
