// Bundles the CLI into dist/: one file to load instead of hundreds of modules is most of a
// pre-commit run's start-up time. Lazy imports stay separate chunks (splitting), loaded only when used.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

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

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { budgetlint: 'src/cli/main.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  target: 'node20',
  outdir: 'dist',
  minify: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [noZodLocales],
  // CommonJS dependencies (yaml) require Node built-ins: give each ESM chunk a require.
  banner: { js: "import { createRequire as __budgetlintRequire } from 'node:module'; const require = __budgetlintRequire(import.meta.url);" },
  logLevel: 'warning',
});
