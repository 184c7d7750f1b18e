#!/usr/bin/env node
// The installed `cancu` (package.json "bin"): starts the command from the one-file bundle
// dist/cli/cancu.bundle.cjs that scripts/build-cli.mjs makes of bin.ts, with V8's code cache of it
// (dist/cli/cancu.bundle.cache, written by a check run at build time) so that a start-up neither
// resolves and reads some ninety modules nor compiles again the functions every check runs.
// The cache is used only when it names the bundle it was made from (the build id on the bundle's
// last line) and V8 accepts it (same Node, same flags); otherwise the bundle compiles as usual.
// Without a bundle (only `tsc -b` was run) the unbundled bin.js runs: same command, slower start.
// Kept CommonJS and small: an ES module entry costs the ESM loader's start on every run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { debuglog } from 'node:util';
import vm from 'node:vm';

const bundle = join(__dirname, '..', '..', 'cli', 'cancu.bundle.cjs');
const codeCache = join(__dirname, '..', '..', 'cli', 'cancu.bundle.cache');
/** Build time only (scripts/build-cli.mjs): after this run, write the code cache to this path. */
const writeCacheTo = process.env.CANCU_WRITE_CODE_CACHE;
const BUILD_ID = '//# cancu-build=';
/** NODE_DEBUG=cancu: says which entry ran and what became of the code cache. */
const debug = debuglog('cancu');

/** The build id the bundle ends with, '' if none. */
function buildIdOf(source: string): string {
  const at = source.lastIndexOf(BUILD_ID);
  return at < 0 ? '' : source.slice(at + BUILD_ID.length).trim();
}

/** The cached code made from this build, or undefined. The header line names build and Node. */
function readCache(id: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(codeCache);
  } catch {
    return undefined;
  }
  const end = data.indexOf(10);
  if (end < 0 || data.toString('latin1', 0, end) !== `${id} ${process.version}`) return undefined;
  return data.subarray(end + 1);
}

/**
 * import() for the bundle: code run by node:vm has none without an experimental flag, so the
 * packages it leaves out and loads on demand (zod, tinyglobby, pdfjs-dist…) come through this
 * module's. Bare names resolve from the same node_modules as the bundle's own require().
 */
function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}

function runBundle(): boolean {
  if (process.sourceMapsEnabled) {
    // node --enable-source-maps: Node maps the stacks of the modules it loads, not of node:vm code;
    // the bundle is then required as it is (no code cache) and its errors point into src/.
    if (!existsSync(bundle)) return false;
    debug('bundle %s, required (source maps on)', bundle);
    require(bundle);
    return true;
  }
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return false;
  }
  const id = buildIdOf(source);
  const cachedData = id && !writeCacheTo ? readCache(id) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __cancuImport) {${source}\n})`, { filename: bundle, cachedData });
  debug('bundle %s; code cache %s', bundle, !cachedData ? 'none for this build' : script.cachedDataRejected ? 'rejected by V8' : 'used');
  if (writeCacheTo) {
    // After the run, so that the cache also holds the functions the check compiled lazily.
    process.once('exit', () => writeFileSync(writeCacheTo, Buffer.concat([Buffer.from(`${id} ${process.version}\n`, 'latin1'), script.createCachedData()])));
  }
  const start = script.runInThisContext() as (exports: object, req: NodeJS.Require, module: object, filename: string, dir: string, load: typeof importModule) => void;
  const module = { exports: {} };
  start.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle), importModule);
  return true;
}

if (!runBundle()) {
  debug('no bundle at %s: the unbundled bin.js', bundle);
  void import('./bin.js');
}
