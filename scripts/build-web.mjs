// Builds the web pages (src/web) into dist/web: type-checks them (src/web/tsconfig.json, DOM
// types), bundles each page's script with esbuild (one ES module per page, minified), copies the
// HTML, the stylesheet and cytoscape's own minified build (served from the package: the pages
// work offline). Run by `npm run build`. Fails when a page's own script + styles pass 300 KB.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src/web');
const out = join(root, 'dist/web');
const assets = join(out, 'assets');
const require = createRequire(import.meta.url);
const BUDGET = 300 * 1024;

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(src, 'tsconfig.json')], { stdio: 'inherit' });

mkdirSync(join(assets, 'vendor'), { recursive: true });
await build({
  entryPoints: { check: join(src, 'check.ts'), lineage: join(src, 'lineage.ts'), app: join(src, 'app.css') },
  outdir: assets,
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const page of ['index.html', 'lineage.html']) copyFileSync(join(src, page), join(out, page));
copyFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), join(assets, 'vendor/cytoscape.min.js'));

const size = (file) => statSync(join(assets, file)).size;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const css = size('app.css');
for (const page of ['check', 'lineage']) {
  const own = size(`${page}.js`) + css;
  process.stdout.write(`web: ${page}.js ${kb(size(`${page}.js`))} + app.css ${kb(css)} = ${kb(own)} (budget ${kb(BUDGET)})\n`);
  if (own > BUDGET) {
    process.stderr.write(`web: the ${page} page's own script and styles (${kb(own)}) exceed ${kb(BUDGET)}\n`);
    process.exit(1);
  }
}
process.stdout.write(`web: vendor/cytoscape.min.js ${kb(size('vendor/cytoscape.min.js'))} (lineage page only, counted apart)\n`);

