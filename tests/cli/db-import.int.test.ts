// `cancu db import` as a user runs it (and `npm run db:reset`, the other command that restarts the
// server): the embedded store (the five seeds, the registry, and a
// document full of awkward text) bulk-loaded into the real local Neo4j by the offline importer.
// The Neo4j graph must then equal the embedded one (canonical dumps), take transactional writes on
// top, and a refused import must leave the database alone. Slow (stops and starts the server),
// so it lives in its own file and holds the shared test lock throughout.
//
// It drives the server `node scripts/neo4j.mjs` manages; it is skipped (with a warning) when
// NEO4J_TEST_URI points at another server (the importer can only load the local one).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import { Neo4jGraphStore } from '../../src/graph/neo4j/store.js';
import type { DocumentBatch } from '../../src/graph/store.js';
import { doc, instrument } from '../graph/batches.js';
import { connection, lockNeo4j, neo4jUnavailable, requireNeo4j } from '../http/neo4j.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/cancu.cjs');
// The server of scripts/neo4j.mjs (NEO4J_BOLT_PORT, as .ci/run sets it), not some other one: the
// file clears the database and stops and restarts the server, so it asks the script which server
// it runs (pid and port of this checkout's .neo4j/) instead of trusting the default port — another
// checkout's server on 127.0.0.1:7687 would otherwise be emptied while this one is restarted.
const { status: scriptStatus } = (await import(pathToFileURL(join(import.meta.dirname, '../../scripts/neo4j.mjs')).href)) as {
  status(): Promise<{ running: boolean; uri: string }>;
};
const managed = await scriptStatus();
const localServer = !process.env['CANCU_NEO4J_SCRIPT'] && managed.running && managed.uri === connection.uri;
if (!localServer) {
  console.warn(
    `SKIPPED — tests/cli/db-import.int.test.ts: ${connection.uri} is not the server scripts/neo4j.mjs runs for this checkout (${managed.running ? managed.uri : 'none running'}); set NEO4J_BOLT_PORT and NEO4J_TEST_URI to it.`,
  );
}
const available = localServer && (await requireNeo4j('tests/cli/db-import.int.test.ts'));

function cancu(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env, timeout: 600_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A document whose text exercises the CSV: quotes, a line break, a backslash, empty and decomposed strings. */
function awkward(): DocumentBatch {
  const surface = 'Nghị định số 04/2015/NĐ-CP ngày 09 tháng 01\nnăm 2015 của Chính phủ về "dân chủ" \\ cơ sở';
  const batch = doc({
    key: 'doc:awkward',
    node: { subject: 'Về việc "thí điểm"; kiểm tra, rà soát', issuerCode: 'UBND', jurisdiction: 'hoa-binh' },
    instruments: [instrument('vn:tw:nd-cp:2015:04', { type: 'Nghị định', number: '04/2015/NĐ-CP', date: '2015-01-09', year: 2015, issuerCode: 'CP', jurisdiction: 'tw' })],
    cites: [{ to: 'vn:tw:nd-cp:2015:04' }, { to: 'vn:tw:nd-cp:2015:04' }],
    relations: [['doc:awkward', 'BASED_ON', 'vn:tw:nd-cp:2015:04']],
  });
  batch.cites[0] = { ...batch.cites[0]!, surface, length: surface.length, numberWritten: '04/2015/NĐ-CP', dateWritten: '', date: '2015-01-09', issuerWritten: 'Chi\u0301nh phu\u0309', typeWritten: 'Nghị định' };
  batch.findings = [
    { ruleId: 'citation-missing-issuer', severity: 'warning', message: 'Viết "Chính phủ"; không viết \\CP\\.', line: 4, column: 1, evidence: surface, expected: 'Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ' },
  ] as DocumentBatch['findings'];
  batch.statusEvents = [{ key: 'vn:tw:nd-cp:2015:04', event: { kind: 'amended_by', by: null, date: '2020-01-01', confidence: 'stated', source: 'doc:awkward' } }];
  return batch;
}

describe.runIf(available)('cancu db import', () => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let release: (() => void) | null = null;
  beforeAll(async () => {
    release = await lockNeo4j(900_000);
    dataDir = mkdtempSync(join(tmpdir(), 'cancu-import-'));
    env = { ...process.env, NEO4J_URI: '', CANCU_DATA_DIR: dataDir, NO_COLOR: '1' };
    const ingested = cancu(['ingest', 'fixtures/plans', '--format', 'json'], env);
    expect(ingested.code, ingested.stderr).toBe(0);
    const store = new MemoryGraphStore({ dir: join(dataDir, 'graph') });
    await store.writeDocuments([awkward()]);
    await store.close();
  }, 900_000);
  afterAll(async () => {
    try {
      // Leave the server running for whoever comes next, whatever happened above.
      if ((await neo4jUnavailable()) !== null) spawnSync(process.execPath, [join(root, 'scripts/neo4j.mjs'), 'start'], { cwd: root, timeout: 240_000 });
    } finally {
      release?.();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('refuses without --yes, or without a store, and leaves the database alone', async () => {
    const neo = new Neo4jGraphStore(connection);
    try {
      await neo.init();
      await neo.clear();
      await neo.writeDocuments([doc({ key: 'doc:kept', cites: [{ to: 'vn:tw:ct-tw:2016:05' }] })]);
      const refused = cancu(['db', 'import', '--from', dataDir], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/thay thế TOÀN BỘ cơ sở dữ liệu.*--yes/);
      const empty = mkdtempSync(join(tmpdir(), 'cancu-import-empty-'));
      const nothing = cancu(['db', 'import', '--yes', '--from', empty], env);
      rmSync(empty, { recursive: true, force: true });
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toMatch(/Không có kho nhúng tại .*cancu ingest/);
      const remote = cancu(['db', 'import', '--yes', '--from', dataDir], { ...env, NEO4J_URI: 'bolt://db.example.org:7687' });
      expect(remote.code).toBe(2);
      expect(remote.stderr).toMatch(/chỉ nạp vào máy chủ Neo4j cục bộ/);
      expect((await neo.documentHash('doc:kept')) !== null).toBe(true);
    } finally {
      await neo.close();
    }
    // clear() of whatever an earlier run (a 100k benchmark) left can take minutes.
  }, 900_000);

  it('db:reset empties the database in seconds, keeping the password and the schema to come', async () => {
    const before = new Neo4jGraphStore(connection);
    try {
      await before.init();
      await before.writeDocuments([doc({ key: 'doc:before-reset', cites: [{ to: 'vn:tw:ct-tw:2016:05' }] })]);
      expect((await before.dump()).nodes.length).toBeGreaterThan(0);
    } finally {
      // Its pooled connections die with the server.
      await before.close();
    }
    const reset = spawnSync(process.execPath, [join(root, 'scripts/neo4j.mjs'), 'reset'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stderr).toMatch(/database "neo4j" emptied/);
    // Same password, a fresh empty database; init() lays the schema down again.
    const after = new Neo4jGraphStore(connection);
    try {
      await after.init();
      expect((await after.dump()).nodes).toEqual([]);
      await after.writeDocuments([doc({ key: 'doc:after-reset', cites: [{ to: 'vn:tw:ct-tw:2016:05' }] })]);
      expect(await after.documentHash('doc:after-reset')).not.toBeNull();
    } finally {
      await after.close();
    }
  }, 300_000);

  it('loads the embedded graph into Neo4j exactly, and Neo4j takes writes on top of it', async () => {
    const imported = cancu(['db', 'import', '--yes', '--from', dataDir, '--format', 'json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    const summary = JSON.parse(imported.stdout);
    const memory = new MemoryGraphStore({ dir: join(dataDir, 'graph') });
    const neo = new Neo4jGraphStore(connection);
    try {
      const expected = await memory.dump();
      // The five seeds, the registry's instruments and the awkward document, every one of them.
      expect(summary.counts.cites).toBe(expected.edges.filter((edge) => edge.kind === 'CITES').length);
      expect(summary.counts.instruments).toBe(expected.nodes.length);
      await neo.init();
      const actual = await neo.dump();
      expect(actual.nodes).toEqual(expected.nodes);
      expect(actual.edges).toEqual(expected.edges);
      expect(actual.findings).toEqual(expected.findings);
      expect(actual.statusEvents).toEqual(expected.statusEvents);
      expect(actual.issuers).toEqual(expected.issuers);
      expect(await neo.knowledgeVersion()).toBe(await memory.knowledgeVersion());
      expect(await neo.ingestedFiles?.()).toEqual(await memory.ingestedFiles());
      expect(await neo.documentHash('doc:kept')).toBeNull(); // replaced by the import
      // The awkward text came through byte for byte.
      const awkwardCites = await neo.documentCitations('doc:awkward');
      expect(awkwardCites?.citations.map((cite) => cite.dateWritten)).toContain('');
      expect(awkwardCites?.findings[0]?.message).toBe('Viết "Chính phủ"; không viết \\CP\\.');
      // Constraints are in place: a new document citing a stored instrument lands on the same node.
      await neo.writeDocuments([doc({ key: 'doc:after', cites: [{ to: 'vn:tw:nd-cp:2015:04' }] })]);
      const after = await neo.dump();
      expect(after.nodes.filter((node) => node.key === 'vn:tw:nd-cp:2015:04')).toHaveLength(1);
      const citing = (edges: typeof after.edges) => edges.filter((edge) => edge.kind === 'CITES' && edge.to === 'vn:tw:nd-cp:2015:04').map((edge) => edge.from).sort();
      expect(citing(after.edges)).toEqual([...citing(expected.edges), 'doc:after'].sort());
      expect(citing(expected.edges)).toContain('doc:awkward');
      const search = await neo.searchInstruments({ number: '04/2015/NĐ-CP', limit: 5 });
      expect(search.items.map((item) => item.key)).toContain('vn:tw:nd-cp:2015:04');
    } finally {
      await memory.close();
      await neo.close();
    }
  }, 600_000);
});
