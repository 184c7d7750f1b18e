// `cancu db import --yes [--from <data dir>]`: bulk-loads the embedded store into the local Neo4j
// server (the one `cancu db start` runs). For a large corpus this is the fast way into Neo4j:
// ingest into the embedded store (`cancu ingest`, no server needed), then import — the offline
// importer writes the store files directly, several times faster than transactions
// (BENCHMARKS.md). It replaces the whole Neo4j database, hence `--yes`.
// Exit codes: 0 imported, 2 refused or failed (the message says why and what to do).
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LEGACY_LOG_FILE, LOG_FILE, MemoryGraphStore } from '../../graph/memory/index.js';
import { Neo4jGraphStore } from '../../graph/neo4j/store.js';
import { writeImportFiles, type ImportFiles } from '../../graph/neo4j/bulk.js';
import { DEV_NEO4J_PASSWORD } from '../../graph/index.js';
import type { Output } from './query.js';

export interface DbImportOptions {
  /** Data directory of the embedded store (its graph is `<dir>/graph`). */
  from: string;
  /** The embedded store's own directory, when it is not `<from>/graph` (benchmarks). */
  graphDir?: string;
  yes: boolean;
  format: 'text' | 'json';
  /** The project root (scripts/neo4j.mjs and .neo4j/ live there). */
  root: string;
  env: NodeJS.ProcessEnv;
  stdout: Output;
  stderr: Output;
}

export interface DbImportSummary {
  uri: string;
  counts: ImportFiles['counts'];
  /** Reading the embedded store and writing the import files. */
  exportSeconds: number;
  /** The importer itself (server stopped). */
  importSeconds: number;
  /** Server start, constraints and indexes. */
  startSeconds: number;
  seconds: number;
  /** CITES edges per second over the whole command. */
  citesPerSecond: number;
  /** The importer's closing lines (counts, its peak memory). */
  report: string[];
}

const LOOPBACK = /^(bolt|neo4j)(\+s|\+ssc)?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/;

export async function dbImport(options: DbImportOptions): Promise<{ code: number; summary: DbImportSummary | null }> {
  const { stdout, stderr, env } = options;
  const graphDir = options.graphDir ?? join(resolve(options.from), 'graph');
  const uri = env.NEO4J_URI?.trim();
  if (uri && !LOOPBACK.test(uri)) {
    stderr.write(`cancu db import chỉ nạp vào máy chủ Neo4j cục bộ (cancu db start); NEO4J_URI=${uri} không phải máy này. Bỏ NEO4J_URI hoặc dùng "cancu ingest" để ghi vào máy chủ đó.\n`);
    return { code: 2, summary: null };
  }
  if (!existsSync(join(graphDir, LOG_FILE)) && !existsSync(join(graphDir, LEGACY_LOG_FILE))) {
    stderr.write(`Không có kho nhúng tại ${graphDir}. Hãy nạp trước: CANCU_DATA_DIR=${options.from} cancu ingest <thư mục kế hoạch>, hoặc chỉ đúng thư mục bằng --from.\n`);
    return { code: 2, summary: null };
  }
  if (!options.yes) {
    stderr.write('Lệnh này thay thế TOÀN BỘ cơ sở dữ liệu của máy chủ Neo4j cục bộ bằng đồ thị trong kho nhúng (máy chủ sẽ dừng rồi chạy lại). Thêm --yes để xác nhận.\n');
    return { code: 2, summary: null };
  }
  const began = performance.now();
  const script = (await import(pathToFileURL(join(options.root, 'scripts/neo4j.mjs')).href)) as {
    importCsv(files: { nodes: string[]; relationships: string[] }): Promise<{ uri: string; importSeconds: number; seconds: number; report: string[] }>;
  };
  const filesDir = join(options.root, '.neo4j', 'import', `cancu-${process.pid}`);
  try {
    const source = new MemoryGraphStore({ dir: graphDir });
    let files: ImportFiles;
    try {
      await source.init();
      files = writeImportFiles(source, filesDir);
    } finally {
      await source.close();
    }
    const exported = performance.now();
    if (files.counts.instruments === 0) {
      stderr.write(`Kho nhúng tại ${graphDir} trống: không có gì để nạp.\n`);
      return { code: 2, summary: null };
    }
    const imported = await script.importCsv({ nodes: files.nodes, relationships: files.relationships });
    const startBegan = performance.now();
    // Constraints and indexes, as every store start applies them; then the server is checked.
    const target = new Neo4jGraphStore({ uri: imported.uri, user: env.NEO4J_USER?.trim() || 'neo4j', password: env.NEO4J_PASSWORD || DEV_NEO4J_PASSWORD, database: env.NEO4J_DATABASE?.trim() || 'neo4j' });
    try {
      await target.init();
      const health = await target.health();
      if (!health.ok) throw new Error(health.detail);
    } finally {
      await target.close();
    }
    const seconds = (performance.now() - began) / 1000;
    const summary: DbImportSummary = {
      uri: imported.uri,
      counts: files.counts,
      exportSeconds: (exported - began) / 1000,
      importSeconds: imported.importSeconds,
      startSeconds: (performance.now() - startBegan) / 1000 + (imported.seconds - imported.importSeconds),
      seconds,
      citesPerSecond: Math.round(files.counts.cites / seconds),
      report: imported.report,
    };
    if (options.format === 'json') stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      const c = files.counts;
      stdout.write(
        `Đã nạp vào Neo4j tại ${summary.uri}: ${c.instruments} văn bản (nút Instrument), ${c.cites} trích dẫn (CITES), ${c.relations} quan hệ, ${c.issuers} cơ quan ban hành, ${c.successions} quan hệ kế thừa.\n` +
          `Thời gian: ${seconds.toFixed(1)} s (xuất ${summary.exportSeconds.toFixed(1)} s, nạp ${summary.importSeconds.toFixed(1)} s, khởi động và chỉ mục ${summary.startSeconds.toFixed(1)} s) — ${summary.citesPerSecond} trích dẫn/s.\n`,
      );
    }
    return { code: 0, summary };
  } catch (error) {
    stderr.write(`Không nạp được vào Neo4j: ${error instanceof Error ? error.message : String(error)}\n`);
    return { code: 2, summary: null };
  } finally {
    rmSync(filesDir, { recursive: true, force: true });
  }
}
