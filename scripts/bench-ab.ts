// A/B of builds of the embedded store, in one process: every build gets the same chunks of saved
// batches (each chunk parsed separately for each build, so no build sees another's objects), the
// builds write in turn with the order rotating from chunk to chunk, and only writeDocuments is
// timed. On a shared machine the host's speed drifts (up to 1.7× within an hour on the development
// machine): runs in separate processes cannot tell a 5% change apart, interleaved runs can, since
// the drift falls on every build alike.
//
//   npm run build && cp -r dist bench-out/dist-a   (then change the code, build, cp -r dist bench-out/dist-b)
//   node dist/scripts/bench-ab.js --batches bench-out/batches-10000-s1.jsonl [--count N] [--chunk 500]
//                                 [--check-dumps] bench-out/dist-a bench-out/dist-b …
//
// The batches file is what `bench-ingest.js` saves (one DocumentBatch per line). With
// --check-dumps the builds' canonical dumps are compared at the end (same graph or not).
//
// With --neo4j (NEO4J_URI, NEO4J_PASSWORD): each build's Neo4j adapter, and two ceilings — bare
// Cypher creating the same nodes and CITES edges without (ceiling-bare) and with their properties
// (ceiling-props), queries/bench/. Community edition has one database, so contenders take turns
// over whole passes (--passes, default 2; order rotating): clear, then the first --count batches
// in chunks, only the writes timed.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DocumentBatch, GraphDump } from '../src/graph/store.js';

/** What the A/B needs of a store (the embedded store of any build). */
export interface StoreUnderTest {
  writeDocuments(batches: DocumentBatch[]): Promise<{ documents: number; citations: number }>;
  dump(): Promise<GraphDump>;
}

export interface Contender {
  name: string;
  store: StoreUnderTest;
}

export interface ContenderResult {
  name: string;
  documents: number;
  citations: number;
  /** Seconds inside writeDocuments. */
  seconds: number;
  edgesPerSecond: number;
}

export interface AbResult {
  results: ContenderResult[];
  /** Whether every build's canonical dump equals the first's (null: not checked). */
  sameGraph: boolean | null;
}

/**
 * Writes the batches of `lines` (JSON, one batch per line) into every contender, `chunk` batches
 * at a time, in rotating order.
 */
export async function runAb(lines: AsyncIterable<string>, contenders: readonly Contender[], opts: { chunk: number; count: number; checkDumps: boolean }): Promise<AbResult> {
  const totals = contenders.map((contender) => ({ name: contender.name, documents: 0, citations: 0, nanoseconds: 0n }));
  let pending: string[] = [];
  let round = 0;
  let read = 0;
  const flush = async () => {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      const batches = pending.map((line) => JSON.parse(line) as DocumentBatch);
      const started = process.hrtime.bigint();
      const summary = await contenders[index]!.store.writeDocuments(batches);
      totals[index]!.nanoseconds += process.hrtime.bigint() - started;
      totals[index]!.documents += summary.documents;
      totals[index]!.citations += summary.citations;
    }
    round++;
    pending = [];
  };
  for await (const line of lines) {
    if (read >= opts.count) break;
    if (line.trim() === '') continue;
    pending.push(line);
    read++;
    if (pending.length >= opts.chunk) await flush();
  }
  if (pending.length > 0) await flush();
  const results = totals.map((total) => {
    const seconds = Number(total.nanoseconds) / 1e9;
    return { name: total.name, documents: total.documents, citations: total.citations, seconds, edgesPerSecond: seconds > 0 ? total.citations / seconds : 0 };
  });
  let sameGraph: boolean | null = null;
  if (opts.checkDumps && contenders.length > 0) {
    const first = JSON.stringify(await contenders[0]!.store.dump());
    sameGraph = true;
    for (const contender of contenders.slice(1)) if (JSON.stringify(await contender.store.dump()) !== first) sameGraph = false;
  }
  return { results, sameGraph };
}

/** A contender that writes only what a load of citations cannot avoid (queries/bench/ceiling-*.cypher). */
async function ceiling(name: 'ceiling-bare' | 'ceiling-props', connection: { uri: string; user: string; password: string; database: string }): Promise<{ contender: Contender; clear: () => Promise<void>; close: () => Promise<void> }> {
  const neo4j = (await import('neo4j-driver')).default;
  const { query } = await import('../src/graph/neo4j/queries.js');
  const { citeTuple } = await import('../src/graph/core/cites.js');
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
  const text = query(`bench/${name}`);
  const store: StoreUnderTest = {
    async writeDocuments(batches) {
      const session = driver.session({ database: connection.database });
      try {
        await session.executeWrite((tx) => tx.run(text, { docs: batches.map((batch) => ({ key: batch.document.key, cites: batch.cites.map(citeTuple) })) }));
      } finally {
        await session.close();
      }
      return { documents: batches.length, citations: batches.reduce((sum, batch) => sum + batch.cites.length, 0) };
    },
    dump: () => Promise.reject(new Error('a ceiling has no graph to compare')),
  };
  const clear = async () => {
    const session = driver.session({ database: connection.database });
    try {
      for (const name of ['admin/clear-relationships', 'admin/clear-nodes']) await session.run(query(name));
    } finally {
      await session.close();
    }
  };
  return { contender: { name, store }, clear, close: () => driver.close() };
}

/** --neo4j: whole passes, contenders taking turns (see the header). */
async function neo4jPasses(file: string, builds: readonly string[], opts: { count: number; chunk: number; passes: number }): Promise<ContenderResult[]> {
  const connection = { uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687', user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'cancu-dev-password', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
  const entries: { contender: Contender; clear: () => Promise<void>; close: () => Promise<void> }[] = [];
  try {
    for (const dir of builds) {
      const module = (await import(pathToFileURL(resolve(dir, 'src/graph/neo4j/index.js')).href)) as typeof import('../src/graph/neo4j/index.js');
      const store = new module.Neo4jGraphStore(connection);
      await store.init();
      entries.push({ contender: { name: dir, store }, clear: () => store.clear(), close: () => store.close() });
    }
    for (const name of ['ceiling-bare', 'ceiling-props'] as const) entries.push(await ceiling(name, connection));
    const totals = new Map<string, ContenderResult[]>();
    for (let pass = 0; pass < opts.passes; pass++) {
      for (let k = 0; k < entries.length; k++) {
        const entry = entries[(k + pass) % entries.length]!;
        await entry.clear();
        const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
        const { results } = await runAb(lines, [entry.contender], { chunk: opts.chunk, count: opts.count, checkDumps: false });
        process.stderr.write(`pass ${pass + 1}: ${entry.contender.name} ${Math.round(results[0]!.edgesPerSecond)} edges/s\n`);
        totals.set(entry.contender.name, [...(totals.get(entry.contender.name) ?? []), results[0]!]);
      }
    }
    return entries.map(({ contender }) => {
      const runs = totals.get(contender.name)!;
      const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
      const citations = runs.reduce((sum, run) => sum + run.citations, 0);
      return { name: contender.name, documents: runs.reduce((sum, run) => sum + run.documents, 0), citations, seconds, edgesPerSecond: citations / seconds };
    });
  } finally {
    for (const entry of entries) await entry.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      batches: { type: 'string' },
      count: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
      chunk: { type: 'string', default: '500' },
      'check-dumps': { type: 'boolean', default: false },
      neo4j: { type: 'boolean', default: false },
      passes: { type: 'string', default: '2' },
    },
  });
  const count = Number(values.count);
  const chunk = Number(values.chunk);
  if (!values.batches || positionals.length === 0 || !Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(chunk) || chunk < 1) {
    console.error('usage: node dist/scripts/bench-ab.js --batches FILE [--count N] [--chunk 500] [--check-dumps | --neo4j [--passes 2]] BUILD_DIR…');
    process.exit(2);
  }
  if (values.neo4j) {
    const results = await neo4jPasses(values.batches, positionals, { count, chunk, passes: Number(values.passes) });
    console.log('| contender (Neo4j, transactional) | documents | citation edges | s in writes | edges/s |');
    console.log('|---|---:|---:|---:|---:|');
    for (const result of results) {
      console.log(`| ${result.name} | ${result.documents.toLocaleString('en')} | ${result.citations.toLocaleString('en')} | ${result.seconds.toFixed(2)} | ${Math.round(result.edgesPerSecond).toLocaleString('en')} |`);
    }
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'cancu-ab-'));
  const closers: (() => Promise<void>)[] = [];
  try {
    const contenders: Contender[] = [];
    for (const [i, dir] of positionals.entries()) {
      const module = (await import(pathToFileURL(resolve(dir, 'src/graph/memory/index.js')).href)) as typeof import('../src/graph/memory/index.js');
      const store = new module.MemoryGraphStore({ dir: join(scratch, String(i)) });
      await store.init();
      contenders.push({ name: dir, store });
      closers.push(() => store.close());
    }
    const lines = createInterface({ input: createReadStream(values.batches, 'utf8'), crlfDelay: Infinity });
    const { results, sameGraph } = await runAb(lines, contenders, { chunk, count, checkDumps: values['check-dumps'] });
    console.log('| build | documents | citation edges | s in writeDocuments | edges/s |');
    console.log('|---|---:|---:|---:|---:|');
    for (const result of results) {
      console.log(`| ${result.name} | ${result.documents.toLocaleString('en')} | ${result.citations.toLocaleString('en')} | ${result.seconds.toFixed(2)} | ${Math.round(result.edgesPerSecond).toLocaleString('en')} |`);
    }
    if (sameGraph !== null) console.log(sameGraph ? '\nSame graph: every build\'s canonical dump is equal.' : '\nGRAPHS DIFFER: the builds\' canonical dumps are not equal.');
    if (sameGraph === false) process.exitCode = 1;
  } finally {
    for (const close of closers) await close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
