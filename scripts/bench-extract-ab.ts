// Extraction throughput of several builds side by side, in one process: the same generated plans
// (and the real corpus documents) for every build, passes alternating between builds, so that the
// host's drift falls on all of them alike. A build is a directory holding a compiled `src/` (a copy
// of `dist/`).
//   node dist/scripts/bench-extract-ab.js [--mb 20] [--passes 3] BUILD_DIR…
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/cli/main.js';
import { generateCorpus } from './generate-corpus.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = args[i + 1]!;
  args.splice(i, 2);
  return v;
};
const mb = Number(opt('mb', '20'));
const passes = Number(opt('passes', '3'));
const builds = args.map((a) => resolve(a));
if (!builds.length) {
  console.error('usage: bench-extract-ab [--mb 20] [--passes 3] BUILD_DIR…');
  process.exit(2);
}

type Analyze = (text: string, opts: { file: string }) => { citations: unknown[] };
const analyzers: { dir: string; analyze: Analyze }[] = [];
for (const dir of builds) {
  const mod = (await import(pathToFileURL(join(dir, 'src/citations/analyze.js')).href)) as { analyze: Analyze };
  analyzers.push({ dir, analyze: mod.analyze });
}

// Generated plans up to the size asked, then every real document of the corpus and the seeds.
const texts: string[] = [];
let bytes = 0;
for (const plan of generateCorpus({ count: 1_000_000, seed: 7 })) {
  texts.push(plan.text);
  bytes += Buffer.byteLength(plan.text);
  if (bytes >= mb * 2 ** 20) break;
}
const root = packageRoot();
let realBytes = 0;
let skipped = 0;
const real: string[] = [];
for (const d of ['fixtures/plans', 'fixtures/corpus/dev', 'fixtures/corpus/test']) {
  const dir = join(root, d);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.txt')) continue;
    const t = readFileSync(join(dir, f), 'utf8');
    // Only documents every build can read (an older build may fail on some): the same work for all.
    const readable = analyzers.every((a) => {
      try {
        a.analyze(t, { file: f });
        return true;
      } catch {
        return false;
      }
    });
    if (!readable) {
      skipped++;
      continue;
    }
    real.push(t);
    realBytes += Buffer.byteLength(t);
  }
}

function pass(analyze: Analyze, docs: string[]): number {
  const t0 = performance.now();
  let n = 0;
  for (const t of docs) n += analyze(t, { file: 'x.txt' }).citations.length;
  if (n < 0) console.log(n);
  return performance.now() - t0;
}

for (const a of analyzers) pass(a.analyze, texts.slice(0, 300)); // warm-up
const times = analyzers.map(() => ({ generated: [] as number[], real: [] as number[] }));
for (let p = 0; p < passes; p++) {
  analyzers.forEach((a, i) => {
    times[i]!.generated.push(pass(a.analyze, texts));
    // The real documents are small: several rounds make one timing.
    let ms = 0;
    for (let k = 0; k < 20; k++) ms += pass(a.analyze, real);
    times[i]!.real.push(ms / 20);
  });
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(`generated plans: ${(bytes / 2 ** 20).toFixed(1)} MB (${texts.length} plans); real documents: ${(realBytes / 2 ** 10).toFixed(0)} KB (${real.length}; ${skipped} left out: a build fails on them); ${passes} alternating passes`);
console.log('| build | generated plans MB/s (median) | real documents MB/s (median) |');
console.log('|---|---|---|');
analyzers.forEach((a, i) => {
  const g = bytes / 2 ** 20 / (median(times[i]!.generated) / 1000);
  const r = realBytes / 2 ** 20 / (median(times[i]!.real) / 1000);
  console.log(`| ${a.dir} | ${g.toFixed(1)} | ${r.toFixed(1)} |`);
});
