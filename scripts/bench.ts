// `npm run bench`: extraction throughput end to end (clean + extract + resolve, then + lint) on a
// generated corpus of realistic plans (≥ 50 MB), accuracy on the planted citations, and the
// whole-process wall time of `cancu check` on one plan; then the ingest and API benchmarks
// (scripts/bench-ingest.ts, scripts/bench-api.ts). Prints Markdown for BENCHMARKS.md.
//   node dist/scripts/bench.js [--mb 50] [--only extraction|check|ingest|api] [--plans N]
//     check: [--runs 15] [--runs-1000 3] [--before bench-out/dist-a] (a dist/ copy of an older build, timed alongside)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { analyze } from '../src/citations/analyze.js';
import { scanTriggers } from '../src/citations/extract.js';
import { lint } from '../src/lint/index.js';
import { packageRoot } from '../src/cli/main.js';
import { generateCorpus } from './generate-corpus.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const only = arg('only', 'all');
const root = packageRoot();
const out: string[] = [];
const say = (s: string) => {
  out.push(s);
  process.stdout.write(s + '\n');
};

function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function extraction(): void {
  const targetMb = Number(arg('mb', '50'));
  const texts: { file: string; text: string; planted: { type: string; number: string | null; date: string | null }[] }[] = [];
  let bytes = 0;
  for (const plan of generateCorpus({ count: 1_000_000, seed: 7 })) {
    texts.push({ file: plan.file, text: plan.text, planted: plan.citations });
    bytes += Buffer.byteLength(plan.text);
    if (bytes >= targetMb * 2 ** 20) break;
  }
  // Warm up the JIT on a slice, then measure one pass over everything on this core.
  for (const t of texts.slice(0, 300)) analyze(t.text, { file: t.file });
  let citations = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const docs = texts.map((t) => {
    const d = analyze(t.text, { file: t.file });
    citations += d.citations.length;
    return d;
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // The reference the goal names: a bare scan of the same text for the type-word triggers.
  for (const t of texts.slice(0, 300)) scanTriggers(t.text);
  let triggers = 0;
  const tb = performance.now();
  for (const t of texts) triggers += scanTriggers(t.text);
  const bareMs = performance.now() - tb;
  let findings = 0;
  const t1 = performance.now();
  for (const d of docs) findings += lint(d).length;
  const lintMs = performance.now() - t1;
  // Accuracy on the planted citations: (type, number, date) as a multiset per file.
  let tp = 0;
  let planted = 0;
  let found = 0;
  docs.forEach((d, i) => {
    const want = new Map<string, number>();
    for (const p of texts[i]!.planted) {
      const k = `${p.type}|${p.number}|${p.date}`;
      want.set(k, (want.get(k) ?? 0) + 1);
      planted++;
    }
    for (const c of d.citations) {
      found++;
      const k = `${c.type}|${c.number}|${c.date}`;
      const n = want.get(k) ?? 0;
      if (n > 0) {
        tp++;
        want.set(k, n - 1);
      }
    }
  });
  const mb = bytes / 2 ** 20;
  say(`\n### Extraction (clean + extract + resolve), one core\n`);
  say(`Corpus: ${texts.length} generated plans, ${mb.toFixed(1)} MB (scripts/generate-corpus.ts, seed 7). Machine: ${machine()}.\n`);
  say('| measure | value |');
  say('|---|---|');
  say(`| throughput, wall | ${(mb / (ms / 1000)).toFixed(1)} MB/s (${(ms / 1000).toFixed(2)} s) |`);
  say(`| throughput, CPU time of the process | ${(mb / ((cpu.user + cpu.system) / 1e6)).toFixed(1)} MB/s |`);
  say(`| bare scan for the type-word triggers (one regex pass) | ${(mb / (bareMs / 1000)).toFixed(1)} MB/s, ${triggers} triggers; extraction is ${(bareMs / ms).toFixed(3)} × the bare scan (goal ≥ 0.3) |`);
  say(`| documents/s | ${Math.round(texts.length / (ms / 1000))} |`);
  say(`| citations found | ${citations} (${Math.round(citations / (ms / 1000))}/s) |`);
  say(`| lint (recommended preset, no registry) | ${(mb / (lintMs / 1000)).toFixed(1)} MB/s, ${findings} findings |`);
  say(`| recall / precision on planted (type, number, date) | ${(tp / planted).toFixed(4)} / ${(tp / found).toFixed(4)} (${tp} of ${planted} planted, ${found} found) |`);
}

/** The command of a build: its package bin (dist/src/cli/cancu.cjs) or, in builds before it, bin.js. */
function binOf(dist: string): string {
  const fast = join(dist, 'src/cli/cancu.cjs');
  return existsSync(fast) ? fast : join(dist, 'src/cli/bin.js');
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * Whole-process wall time of `cancu check` on one plan, and on 1,000 generated plans in one
 * process, for this build and, with --before <dist copy>, an older one: runs interleaved (node -e 0,
 * then each build, round after round) so that the machine's load falls on all alike.
 */
function checkWallTime(): void {
  const plan = join(root, 'fixtures/plans/003_06262491b62869cd.txt');
  const runs = Number(arg('runs', '15'));
  const bigRuns = Number(arg('runs-1000', '3'));
  const before = arg('before', '');
  const builds: [string, string][] = [...(before ? ([['before', binOf(join(root, before))]] as [string, string][]) : []), ['this build', binOf(join(root, 'dist'))]];
  const wall = (argv: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, argv, { stdio: 'ignore', env: { ...process.env, NEO4J_URI: '', CANCU_DATA_DIR: '' } });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited with ${r.status}`);
    return performance.now() - t;
  };
  const loadBefore = load();
  const node: number[] = [];
  const one = new Map<string, { stylish: number[]; json: number[]; config: number[]; ratio: number[] }>(builds.map(([name]) => [name, { stylish: [], json: [], config: [], ratio: [] }]));
  // A team's configuration file (validated with zod, which the bundle holds).
  const config = join(root, 'bench-out/check-config.json');
  mkdirSync(dirname(config), { recursive: true });
  writeFileSync(config, JSON.stringify({ preset: 'strict', rules: { 'citation-missing-so': 'off' } }));
  for (let i = 0; i < runs; i++) {
    const n = wall(['-e', '0']);
    node.push(n);
    for (const [name, bin] of builds) {
      const t = wall([bin, 'check', plan]);
      one.get(name)!.stylish.push(t);
      one.get(name)!.ratio.push(t / n);
      one.get(name)!.json.push(wall([bin, 'check', plan, '--format', 'json']));
      one.get(name)!.config.push(wall([bin, 'check', plan, '--config', config]));
    }
  }
  // 1,000 generated plans (scripts/generate-corpus.ts, seed 7) in one `cancu check <folder>`.
  const corpus = join(root, 'bench-out/check-1000');
  if (!existsSync(join(corpus, 'manifest.json'))) spawnSync(process.execPath, ['-e', `import(${JSON.stringify(join(root, 'dist/scripts/generate-corpus.js'))}).then((m) => m.writeCorpus({ count: 1000, seed: 7, out: ${JSON.stringify(corpus)} }))`], { stdio: 'inherit' });
  const mb = readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0) / 2 ** 20;
  const big = new Map<string, number[]>(builds.map(([name]) => [name, []]));
  for (let i = 0; i < bigRuns; i++) for (const [name, bin] of builds) big.get(name)!.push(wall([bin, 'check', corpus, '--format', 'json']));
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
  say(`\n### Whole-process wall time of \`cancu check\`\n`);
  say(`\`cancu check fixtures/plans/003_06262491b62869cd.txt\` (the package bin, \`node dist/src/cli/cancu.cjs\`), ${runs} runs each, interleaved with \`node -e 0\`; ratio: median of (check ÷ the \`node -e 0\` run just before it). Machine: ${machine()}; load average ${loadBefore} before, ${load()} after.\n`);
  say('| build | command | median | p90 | ÷ `node -e 0` |');
  say('|---|---|---|---|---|');
  say(`| | \`node -e 0\` (Node start-up alone) | ${ms(node)} | ${pct(node, 90).toFixed(0)} ms | 1 |`);
  for (const [name] of builds) {
    const r = one.get(name)!;
    say(`| ${name} | \`cancu check\` (stylish) | ${ms(r.stylish)} | ${pct(r.stylish, 90).toFixed(0)} ms | ${median(r.ratio).toFixed(2)} |`);
    say(`| ${name} | \`cancu check --format json\` | ${ms(r.json)} | ${pct(r.json, 90).toFixed(0)} ms | |`);
    say(`| ${name} | \`cancu check --config bench-out/check-config.json\` | ${ms(r.config)} | ${pct(r.config, 90).toFixed(0)} ms | |`);
  }
  say(`\n1,000 plans in one process: \`cancu check bench-out/check-1000 --format json\` (${mb.toFixed(1)} MB, generated with seed 7), ${bigRuns} runs each, median:\n`);
  say('| build | wall | plans/s |');
  say('|---|---|---|');
  for (const [name] of builds) say(`| ${name} | ${(median(big.get(name)!) / 1000).toFixed(2)} s | ${Math.round(1000 / (median(big.get(name)!) / 1000))} |`);
}

function runScript(name: string): void {
  const file = join(root, `dist/scripts/${name}.js`);
  if (!existsSync(file)) {
    say(`\n(${name}: not built, skipped)`);
    return;
  }
  const r = spawnSync(process.execPath, [file, ...args.filter((a) => a !== '--only' && a !== only)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  say(r.stdout ?? '');
  if (r.status !== 0) say(`(${name} exited with ${r.status})`);
}

if (only === 'all' || only === 'extraction') extraction();
if (only === 'all' || only === 'check') checkWallTime();
if (only === 'all' || only === 'ingest') runScript('bench-ingest');
if (only === 'all' || only === 'api') runScript('bench-api');
mkdirSync(join(root, 'bench-out'), { recursive: true });
writeFileSync(join(root, 'bench-out', `bench-${only}.md`), out.join('\n') + '\n');
