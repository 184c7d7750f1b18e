// API benchmark: GET /instruments/:ref/implementers (depth 1–5) on a generated graph, over real
// HTTP on the loopback interface, measured with autocannon. Prints a Markdown table.
//
//   npm run build && node dist/scripts/bench-api.js [--count 2000] [--seed 1] [--duration 20]
//                                                   [--soak 60] [--neo4j]
//   … --reuse --batches bench-out/batches-10000-s1.jsonl [--neo4j | --data DIR] [--builds A,B]
//
// The API runs in a child process (the load generator would otherwise share its event loop):
// the child generates the corpus (scripts/generate-corpus.ts), ingests it through the real
// pipeline into a fresh embedded store (or the Neo4j of NEO4J_URI with --neo4j, after clearing
// it), starts createApp on 127.0.0.1:0 and reports its URL and the request paths.
// With --reuse the graph already in the store is used as it is (Neo4j of NEO4J_URI, or the
// embedded store in --data DIR, the directory of its graph.bin; e.g. what bench-ingest.js loaded), and the instruments asked
// about are read from the batches file that loaded it. With --builds, one API child per build
// directory (each a copy of dist/ — its own store code, this harness: copy
// dist/scripts/bench-api.js into a build that predates --reuse), all on the same store, and every
// measure is taken in slices alternating between the builds, so that the host's drift falls on
// each alike.
// The parent then runs
//   1. latency: one client, requests back to back, for --duration seconds (the service time a
//      user sees; under concurrency, latency is this plus queueing, reported in 2 and 3);
//   2. throughput: 50 concurrent connections for --duration seconds;
//   3. soak: 200 concurrent connections for --soak seconds, which must end with 0 errors.
// Targets: p50 ≤ 5 ms, p99 ≤ 50 ms, ≥ 1,000 req/s with 50 clients, 0 errors with 200 clients.
import { fork, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/pipeline.js';
import { loadConfig } from '../src/config.js';
import { MemoryGraphStore } from '../src/graph/memory/index.js';
import { openStore } from '../src/graph/index.js';
import type { DocumentBatch, GraphStore } from '../src/graph/store.js';
import { createApp } from '../src/http/app.js';
import { listen } from '../src/http/server.js';
import { writeCorpus } from './generate-corpus.js';

interface Args {
  count: number;
  seed: number;
  duration: number;
  soak: number;
  neo4j: boolean;
  /** Use the graph already in the store (no corpus, no ingest). */
  reuse: boolean;
  /** With --reuse: the batches that loaded the store (the instruments asked about come from them). */
  batches: string | null;
  /** With --reuse, embedded store: its directory (holding graph.bin). */
  data: string | null;
  /** Build directories (copies of dist/), one API child each; default this build. */
  builds: string[];
  /** Alternating slices per measure. */
  slices: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
  };
  const number = (name: string, fallback: string) => {
    const n = Number(value(name, fallback));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const optional = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : null;
  };
  const builds = (optional('builds') ?? '').split(',').filter((dir) => dir !== '');
  return {
    count: number('count', '2000'),
    seed: number('seed', '1'),
    duration: number('duration', '20'),
    soak: number('soak', '60'),
    neo4j: argv.includes('--neo4j'),
    reuse: argv.includes('--reuse'),
    batches: optional('batches'),
    data: optional('data'),
    builds,
    slices: number('slices', builds.length > 1 ? '4' : '1'),
  };
}

// — autocannon's programmatic API, typed as far as this script uses it (it ships no types) —

interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  latency: Histogram;
  requests: Histogram & { total: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  duration: number;
  '2xx': number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: 'GET'; path: string }[];
  timeout?: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// — the child: corpus → store → API —

interface Ready {
  url: string;
  paths: string[];
  store: string;
  documents: number;
  instruments: number;
  citations: number;
  hitsPerRequest: number;
  ingestSeconds: number;
}

/** Instruments with the most implementers (incoming IMPLEMENTS / CONTINUES / GUIDES), then a spread of others. */
async function targets(store: GraphStore): Promise<string[]> {
  const dump = await store.dump();
  const implementers = new Map<string, number>();
  for (const edge of dump.edges) {
    if (edge.kind === 'IMPLEMENTS' || edge.kind === 'CONTINUES' || edge.kind === 'GUIDES') implementers.set(edge.to, (implementers.get(edge.to) ?? 0) + 1);
  }
  const ranked = [...implementers.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
  const spread = ranked.filter((_, index) => index % Math.max(1, Math.floor(ranked.length / 40)) === 0);
  return [...new Set([...ranked.slice(0, 10), ...spread])].slice(0, 50);
}

/** With --reuse: the store as it is, and the API on it; the parent knows what to ask. */
async function reuseChild(args: Args): Promise<void> {
  const store = args.neo4j ? await openStore(loadConfig()) : new MemoryGraphStore({ dir: args.data ?? join('.cancu', 'graph') });
  if (args.neo4j && store.kind !== 'neo4j') throw new Error('--neo4j needs NEO4J_URI');
  try {
    await store.init();
    const app = createApp({ store, config: { ...loadConfig({}), apiKeys: [] }, log: (line) => process.stderr.write(`${line}\n`) });
    const running = await listen(app, 0, '127.0.0.1');
    const ready: Ready = { url: running.url, paths: [], store: store.kind, documents: 0, instruments: 0, citations: 0, hitsPerRequest: 0, ingestSeconds: 0 };
    process.send!(ready);
    await new Promise<void>((resolve) => process.once('disconnect', resolve));
    await running.close();
  } finally {
    await store.close();
  }
}

/** The instruments with the most implementers in a batches file, then a spread of others (as `targets`), and the file's counts. */
async function targetsFromBatches(file: string): Promise<{ keys: string[]; documents: number; citations: number }> {
  const implementers = new Map<string, number>();
  let documents = 0;
  let citations = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const batch = JSON.parse(line) as DocumentBatch;
    documents++;
    citations += batch.cites.length;
    for (const relation of batch.relations) {
      if (relation.kind === 'IMPLEMENTS' || relation.kind === 'CONTINUES' || relation.kind === 'GUIDES') implementers.set(relation.to, (implementers.get(relation.to) ?? 0) + 1);
    }
  }
  const ranked = [...implementers.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
  const spread = ranked.filter((_, index) => index % Math.max(1, Math.floor(ranked.length / 40)) === 0);
  return { keys: [...new Set([...ranked.slice(0, 10), ...spread])].slice(0, 50), documents, citations };
}

const pathsOf = (keys: readonly string[]) => keys.flatMap((key) => [1, 2, 3, 4, 5].map((depth) => `/instruments/${encodeURIComponent(key)}/implementers?depth=${depth}`));

async function child(args: Args): Promise<void> {
  if (args.reuse) return reuseChild(args);
  const work = mkdtempSync(join(tmpdir(), 'cancu-bench-api-'));
  let store: GraphStore | null = null;
  try {
    const corpus = join(work, 'corpus');
    await writeCorpus({ count: args.count, seed: args.seed, out: corpus });
    if (args.neo4j) {
      store = await openStore(loadConfig());
      if (store.kind !== 'neo4j') throw new Error('--neo4j needs NEO4J_URI');
      await store.clear();
    } else {
      store = new MemoryGraphStore({ dir: join(work, 'graph') });
      await store.init();
    }
    const started = performance.now();
    const summary = await ingest([corpus], { store, root: corpus });
    const ingestSeconds = (performance.now() - started) / 1000;
    const keys = await targets(store);
    const paths = pathsOf(keys);
    const app = createApp({ store, config: { ...loadConfig({}), apiKeys: [] }, log: (line) => process.stderr.write(`${line}\n`) });
    const running = await listen(app, 0, '127.0.0.1');
    let hits = 0;
    for (const path of paths) {
      const response = await fetch(`${running.url}${path}`);
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      hits += ((await response.json()) as { data: { items: unknown[] } }).data.items.length;
    }
    const dump = await store.dump();
    const ready: Ready = {
      url: running.url,
      paths,
      store: store.kind,
      documents: summary.documents,
      instruments: dump.nodes.length,
      citations: summary.citations,
      hitsPerRequest: hits / paths.length,
      ingestSeconds,
    };
    process.send!(ready);
    await new Promise<void>((resolve) => process.once('disconnect', resolve));
    await running.close();
  } finally {
    await store?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

// — the parent: load and report —

function startChild(args: string[], script = fileURLToPath(import.meta.url)): { child: ChildProcess; ready: Promise<Ready> } {
  const child = fork(script, ['--child', ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`the API process exited (${code}) before it was ready`)));
  });
  return { child, ready };
}

/**
 * Service time as one user sees it: requests back to back on one keep-alive connection, timed
 * with performance.now() (autocannon's histogram has whole-millisecond resolution).
 */
async function sequentialLatency(url: string, paths: string[], seconds: number, times: number[] = []): Promise<{ p50: number; p99: number; count: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      http
        .get(`${url}${path}`, { agent }, (response) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode === 200 ? performance.now() - started : -1));
        })
        .once('error', reject);
    });
  let errors = 0;
  const before = times.length;
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const time = await get(paths[i % paths.length]!).catch(() => -1);
    if (time < 0) errors++;
    else times.push(time);
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), count: times.length - before + errors, errors };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`;
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');

interface BuildMeasures {
  name: string;
  url: string;
  times: number[];
  singleErrors: number;
  single: { count: number };
  load: { requests: number; seconds: number; failures: number; p50: number[]; p99: number[]; cpu: number | null };
  soak: { requests: number; seconds: number; failures: number; p50: number[]; p99: number[] };
}

/** `argv` without `--name value`. */
function withoutOption(argv: readonly string[], name: string): string[] {
  const at = argv.indexOf(`--${name}`);
  return at < 0 ? [...argv] : [...argv.slice(0, at), ...argv.slice(at + 2)];
}

/** CPU seconds a process has used (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** --builds / --reuse: one API child per build on the same store, every measure in alternating slices. */
async function compareBuilds(args: Args, argv: string[]): Promise<void> {
  if (!args.reuse || !args.batches) throw new Error('--builds needs --reuse and --batches FILE (the batches that loaded the store)');
  const builds = args.builds.length > 0 ? args.builds : [resolve(fileURLToPath(import.meta.url), '../..')];
  process.stderr.write(`reading the instruments to ask about from ${args.batches} …\n`);
  const targetsRead = await targetsFromBatches(args.batches);
  const paths = pathsOf(targetsRead.keys);
  const requests = paths.map((path) => ({ method: 'GET' as const, path }));
  const children = builds.map((dir) => ({ dir, ...startChild(withoutOption(argv, 'builds'), resolve(dir, 'scripts/bench-api.js')) }));
  try {
    const measures: BuildMeasures[] = [];
    for (const entry of children) {
      const api = await entry.ready;
      measures.push({ name: entry.dir, url: api.url, times: [], singleErrors: 0, single: { count: 0 }, load: { requests: 0, seconds: 0, failures: 0, p50: [], p99: [], cpu: 0 }, soak: { requests: 0, seconds: 0, failures: 0, p50: [], p99: [] } });
    }
    let hits = 0;
    for (const path of paths) {
      const response = await fetch(`${measures[0]!.url}${path}`);
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      hits += ((await response.json()) as { data: { items: unknown[] } }).data.items.length;
    }
    // Same answers from every build.
    for (const other of measures.slice(1)) {
      for (const path of paths) {
        const [a, b] = await Promise.all([fetch(`${measures[0]!.url}${path}`).then((r) => r.text()), fetch(`${other.url}${path}`).then((r) => r.text())]);
        if (a !== b) throw new Error(`${path}: ${other.name} answers differently from ${measures[0]!.name}`);
      }
    }
    for (const m of measures) await autocannon({ url: m.url, connections: 10, duration: 3, requests });
    const slice = (seconds: number) => Math.max(1, Math.round(seconds / args.slices));
    const failures = (r: AutocannonResult) => r.errors + r.timeouts + r.non2xx + r.resets;
    for (let round = 0; round < args.slices; round++) {
      const order = measures.map((_, k) => measures[(k + round) % measures.length]!);
      process.stderr.write(`round ${round + 1}/${args.slices}: 1 client …\n`);
      for (const m of order) {
        const r = await sequentialLatency(m.url, paths, slice(args.duration), m.times);
        m.single.count += r.count;
        m.singleErrors += r.errors;
      }
      process.stderr.write(`round ${round + 1}/${args.slices}: 50 connections …\n`);
      for (const m of order) {
        const pid = children[measures.indexOf(m)]!.child.pid;
        const cpuBefore = cpuSeconds(pid);
        const r = await autocannon({ url: m.url, connections: 50, duration: slice(args.duration), requests, timeout: 10 });
        const cpuAfter = cpuSeconds(pid);
        m.load.cpu = m.load.cpu === null || cpuBefore === null || cpuAfter === null ? null : m.load.cpu + cpuAfter - cpuBefore;
        m.load.requests += r.requests.total;
        m.load.seconds += r.duration;
        m.load.failures += failures(r);
        m.load.p50.push(r.latency.p50);
        m.load.p99.push(r.latency.p99);
      }
      process.stderr.write(`round ${round + 1}/${args.slices}: 200 connections …\n`);
      for (const m of order) {
        const r = await autocannon({ url: m.url, connections: 200, duration: slice(args.soak), requests, timeout: 10 });
        m.soak.requests += r.requests.total;
        m.soak.seconds += r.duration;
        m.soak.failures += failures(r);
        m.soak.p50.push(r.latency.p50);
        m.soak.p99.push(r.latency.p99);
      }
    }
    const lines = [
      `### API on ${children.length > 1 ? 'each build, alternating' : 'this build'}: GET /instruments/:ref/implementers?depth=1..5 (${args.neo4j ? 'neo4j' : 'memory'} store, graph reused)`,
      '',
      `Graph: loaded from ${args.batches} (${targetsRead.documents.toLocaleString('en-US')} documents, ${targetsRead.citations.toLocaleString('en-US')} citation edges). ` +
        `${paths.length / 5} instruments × depths 1–5, ${(hits / paths.length).toFixed(1)} implementers per answer on average; every build gave the same answers. ` +
        `${args.slices} alternating slices per measure. Loopback, ${cpus().length} CPU(s), Node ${process.version}.`,
      '',
      '| build | p50, 1 client | p99, 1 client | req/s, 50 clients | p50 / p99, 50 clients (median of slices) | API process CPU per request, 50 clients | req/s, 200 clients | errors (1, 50, 200 clients) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    ];
    let errors = 0;
    for (const m of measures) {
      m.times.sort((a, b) => a - b);
      const at = (q: number) => m.times[Math.min(m.times.length - 1, Math.floor(q * m.times.length))] ?? NaN;
      const failed = m.singleErrors + m.load.failures + m.soak.failures;
      errors += failed;
      lines.push(
        `| ${m.name} | ${ms(at(0.5))} | ${ms(at(0.99))} | ${perSecond(m.load.requests / m.load.seconds)} | ${ms(median(m.load.p50))} / ${ms(median(m.load.p99))} | ${m.load.cpu === null ? '—' : ms((1000 * m.load.cpu) / m.load.requests)} | ${perSecond(m.soak.requests / m.soak.seconds)} | ${failed} of ${(m.single.count + m.load.requests + m.soak.requests).toLocaleString('en-US')} |`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    for (const entry of children) if (entry.child.connected) entry.child.disconnect();
    await Promise.all(children.map((entry) => new Promise<void>((done) => (entry.child.exitCode !== null ? done() : entry.child.once('exit', () => done())))));
  }
}

async function parent(args: Args, argv: string[]): Promise<void> {
  if (args.reuse || args.builds.length > 0) return compareBuilds(args, argv);
  const { child, ready } = startChild(argv);
  try {
    process.stderr.write(`generating ${args.count} plans and ingesting them …\n`);
    const api = await ready;
    const requests = api.paths.map((path) => ({ method: 'GET' as const, path }));
    process.stderr.write(`API at ${api.url} (${api.store}): ${api.paths.length} request paths; warming up …\n`);
    await autocannon({ url: api.url, connections: 10, duration: 3, requests });
    process.stderr.write(`1 client for ${args.duration} s …\n`);
    const single = await sequentialLatency(api.url, api.paths, args.duration);
    process.stderr.write(`50 connections for ${args.duration} s …\n`);
    const load = await autocannon({ url: api.url, connections: 50, duration: args.duration, requests, timeout: 10 });
    process.stderr.write(`200 connections for ${args.soak} s …\n`);
    const soak = await autocannon({ url: api.url, connections: 200, duration: args.soak, requests, timeout: 10 });
    const failures = (r: AutocannonResult) => r.errors + r.timeouts + r.non2xx + r.resets;
    const breakdown = (r: AutocannonResult) =>
      failures(r) === 0 ? '' : ` (errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, resets ${r.resets})`;
    const soakErrors = failures(soak);
    const loadErrors = failures(load) + single.errors;

    const lines = [
      `### API: GET /instruments/:ref/implementers?depth=1..5 (${api.store} store)`,
      '',
      `Graph: ${args.count} generated plans (seed ${args.seed}) → ${api.documents} documents, ${api.instruments} instruments, ${api.citations} citation edges (ingested in ${api.ingestSeconds.toFixed(1)} s). ` +
        `${api.paths.length / 5} instruments × depths 1–5, ${api.hitsPerRequest.toFixed(1)} implementers per answer on average. ` +
        `Loopback, server and load generator in separate processes on ${cpus().length} CPU(s), Node ${process.version}.`,
      '',
      '| Measure | Result | Target | Met |',
      '|---|---|---|---|',
      `| Latency p50, 1 client (${single.count.toLocaleString('en-US')} requests) | ${ms(single.p50)} | ≤ 5 ms | ${mark(single.p50 <= 5)} |`,
      `| Latency p99, 1 client | ${ms(single.p99)} | ≤ 50 ms | ${mark(single.p99 <= 50)} |`,
      `| Throughput, 50 clients (${args.duration} s) | ${perSecond(load.requests.average)} | ≥ 1,000 req/s | ${mark(load.requests.average >= 1000)} |`,
      `| Latency p50 / p99 under 50 clients (queueing included) | ${ms(load.latency.p50)} / ${ms(load.latency.p99)} | — | |`,
      `| Errors, 1 and 50 clients | ${loadErrors} of ${(load.requests.total + single.count).toLocaleString('en-US')}${breakdown(load)} | 0 | ${mark(loadErrors === 0)} |`,
      `| Errors, 200 clients for ${args.soak} s | ${soakErrors} of ${soak.requests.total.toLocaleString('en-US')}${breakdown(soak)} | 0 | ${mark(soakErrors === 0)} |`,
      `| Throughput / p50 / p99, 200 clients | ${perSecond(soak.requests.average)} / ${ms(soak.latency.p50)} / ${ms(soak.latency.p99)} | — | |`,
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (soakErrors > 0 || loadErrors > 0) process.exitCode = 1;
  } finally {
    if (child.connected) child.disconnect();
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  }
}

const argv = process.argv.slice(2);
if (argv.includes('--child')) await child(parseArgs(argv));
else await parent(parseArgs(argv), argv);
