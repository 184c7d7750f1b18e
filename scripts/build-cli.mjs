// Builds the installed command's bundle: src/cli/bin.ts and everything it imports from src/, with
// commander, zod (and zod-to-openapi, so that there is one zod) and the ES-module-only markdown
// parser (unified, remark-parse), in one CommonJS file
// dist/cli/cancu.bundle.cjs (+ .map), and V8's code cache of it (dist/cli/cancu.bundle.cache),
// written by one `cancu check` of a seed plan. src/cli/cancu.cts (the package's bin) runs them.
// The other dependencies stay in node_modules, required only by the commands that need them
// (neo4j-driver, express, mammoth, pdfjs-dist…). zod is bundled because requiring it from
// node_modules costs a check with --date or a configuration file ~80 ms; in the bundle, ~6 ms
// more on every start (measured side by side, 21 runs). Run by `npm run build` after tsc; writes
// nothing when no input changed since the last bundle (inputs from the esbuild metafile).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/cli');
const bundle = join(out, 'cancu.bundle.cjs');
const cache = join(out, 'cancu.bundle.cache');
const metaFile = join(out, 'cancu.meta.json');
const launcher = join(root, 'dist/src/cli/cancu.cjs');
const seed = join(root, 'fixtures/plans/003_06262491b62869cd.txt');
const BUNDLED = new Set(['commander', 'unified', 'remark-parse', 'zod', '@asteasolutions/zod-to-openapi']);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outside = Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED.has(name));
const external = outside.flatMap((name) => [name, `${name}/*`]);

// A script run by node:vm cannot use import() without an experimental flag: the launcher hands the
// bundle its own import() as __cancuImport, and the dynamic imports of packages left out
// (tinyglobby, pdfjs-dist, cli-progress…) and of computed URLs (scripts/neo4j.mjs) call it.
// Relative imports and those of bundled packages (`import('commander')`, also used as a type;
// `import('zod')`) are esbuild's to bundle.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const DYNAMIC = new RegExp(`\\bimport\\((?=['"](?:${outside.map(escape).join('|')})['"/]|[A-Za-z_$])`, 'g');
const handDynamicImports = {
  name: 'cancu-dynamic-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/](?:src|ingest)[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(DYNAMIC, '__cancuImport('),
      loader: 'ts',
    }));
  },
};

// Required directly (node --enable-source-maps, see the launcher) the bundle has no __cancuImport
// given: it then uses its own import(), which works in a module Node loaded itself.
// "use strict" first: the modules are ES modules, strict; esbuild's own directive comes after the banner.
const BANNER = [
  '"use strict";',
  'var __cancuModuleUrl = require("node:url").pathToFileURL(__filename).href;',
  'var __cancuImport = typeof __cancuImport === "function" ? __cancuImport : (specifier) => import(specifier);',
].join('\n');

// commander requires node:child_process when it loads, for subcommands run as separate programs,
// which cancu has none of; the module (and net, dgram… behind it) is required on first use instead.
const lazyChildProcess = {
  name: 'cancu-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'node:child_process', namespace: 'cancu-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'cancu-lazy' }, () => ({
      contents: 'let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require("node:child_process"))[key] });\n',
      loader: 'js',
    }));
  },
};

/** Why the bundle must be made again (an input newer than it, another Node…), or null when it is up to date. */
function staleBecause() {
  if (!existsSync(bundle) || !existsSync(cache) || !existsSync(metaFile)) return 'no bundle yet';
  const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  if (meta.node !== process.version) return `made by Node ${meta.node}`;
  const made = statSync(bundle).mtimeMs;
  // The metafile's inputs are files but for the plugins' own modules ("cancu-lazy:node:child_process").
  const files = Object.keys(meta.inputs ?? {}).filter((f) => !/^[\w-]+:/.test(f));
  const inputs = [...files.map((f) => join(root, f)), fileURLToPath(import.meta.url), join(root, 'package.json'), launcher];
  const changed = inputs.find((f) => !existsSync(f) || statSync(f).mtimeMs > made);
  return changed ? `${changed.startsWith(root) ? changed.slice(root.length + 1) : changed} changed` : null;
}

const stale = staleBecause();
if (!stale) process.exit(0);

mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [join(root, 'src/cli/bin.ts')],
  outfile: bundle,
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  // The modules find the package's files (fixtures/registry, queries/, dist/web) upwards from
  // their own URL: in the bundle, the bundle's.
  define: { 'import.meta.url': '__cancuModuleUrl' },
  // Any other import.meta (dirname, filename…) would be undefined in CommonJS: a build error.
  logOverride: { 'empty-import-meta': 'error' },
  banner: { js: BANNER },
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  write: false,
  plugins: [handDynamicImports, lazyChildProcess],
  logLevel: 'warning',
});
// The build id ends the file (after the source map comment, so that no line moves): the launcher
// takes the code cache only when it names this id.
for (const file of result.outputFiles) {
  // The launcher wraps the bundle in a function: the #! line becomes a comment of the same length.
  let text = file.text.replace(/^#!/, '//');
  if (file.path === bundle && /\bimport\(\s*[^\s)]/.test(text.replace(BANNER, ''))) {
    process.stderr.write('cli: the bundle still calls import(), which fails under node:vm: a bundled package imports on demand — leave it out of BUNDLED in scripts/build-cli.mjs\n');
    process.exit(1);
  }
  if (file.path === bundle) text += `\n//# cancu-build=${createHash('sha256').update(text).digest('hex').slice(0, 32)}\n`;
  writeFileSync(`${file.path}.tmp`, text);
  renameSync(`${file.path}.tmp`, file.path);
}
writeFileSync(metaFile, JSON.stringify({ node: process.version, inputs: result.metafile.inputs }) + '\n');

// The code cache: one real check of a seed plan compiles what every check runs.
rmSync(cache, { force: true });
const run = spawnSync(process.execPath, [launcher, 'check', seed], { cwd: root, env: { ...process.env, CANCU_WRITE_CODE_CACHE: cache, NEO4J_URI: '', CANCU_DATA_DIR: '' }, encoding: 'utf8' });
if ((run.status !== 0 && run.status !== 1) || !existsSync(cache)) {
  process.stderr.write(`cli: the check that makes the code cache failed (exit ${run.status})\n${run.stderr}`);
  process.exit(1);
}
const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} KB`;
process.stdout.write(`cli: dist/cli/cancu.bundle.cjs ${kb(bundle)}, code cache ${kb(cache)} (${stale})\n`);
