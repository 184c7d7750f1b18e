// `cancu serve` and `cancu demo` (npm start): open the configured store, optionally ingest some
// paths first, start the HTTP API and say where it is, with two requests to try.
// This is the composition root of the API: the only place that wires the ingest pipeline in.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIngestSummary, ingest } from '../../../ingest/pipeline.js';
import { loadConfig, type Config } from '../../config.js';
import { openStore } from '../../graph/index.js';
import type { GraphStore } from '../../graph/store.js';
import { createApp } from '../../http/app.js';
import { listen } from '../../http/server.js';
import type { IngestFiles } from '../../service/documents.js';
import { resolveRef } from '../../service/resolve-ref.js';
import { loadBundledResolver } from './check.js';
import type { Output } from './query.js';

export interface ServeOptions {
  /** Overrides PORT (0 = any free port). */
  port?: number;
  /** Overrides HOST. */
  host?: string;
  stdout: Output;
  stderr: Output;
  /** Files or folders ingested before the server starts. */
  ingestPaths?: string[];
  /** Recorded file names of ingested paths are relative to this folder (default: the working directory). */
  ingestRoot?: string;
  /** Environment to read the configuration from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** An already open store (tests); it is not closed by close(). */
  store?: GraphStore;
}

export interface ServeHandle {
  url: string;
  close(): Promise<void>;
}

/** The draft of the POST /check example printed at start. */
export const CHECK_EXAMPLE = 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\nThực hiện Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị;';

const ingestFiles: IngestFiles = (paths, options) => ingest(paths, options);

/** A ref to show in the example request: the seeds' Đề án 15-ĐA/TU, else any cited instrument. */
async function exampleRef(store: GraphStore): Promise<string> {
  try {
    return await resolveRef(store, 'Đề án 15-ĐA/TU');
  } catch {
    const { items } = await store.searchInstruments({ limit: 20 });
    return items.find((node) => !node.isDocument)?.key ?? 'vn:tw:ct-tw:2016:05';
  }
}

export async function serve(opts: ServeOptions, config: Config = loadConfig(opts.env)): Promise<ServeHandle> {
  const store = opts.store ?? (await openStore(config));
  try {
    await store.init();
    if (opts.ingestPaths && opts.ingestPaths.length > 0) {
      opts.stdout.write(`Đang nạp ${opts.ingestPaths.length === 1 ? opts.ingestPaths[0] : `${opts.ingestPaths.length} đường dẫn`} …\n`);
      const summary = await ingest(opts.ingestPaths, { store, ...(opts.ingestRoot ? { root: opts.ingestRoot } : {}) });
      opts.stdout.write(`${formatIngestSummary(summary)}\n\n`);
    }
    // POST /check knows what `cancu check` knows: the bundled registry, completed by the store.
    const resolver = await loadBundledResolver();
    const app = createApp({ store, config, resolver, ingest: ingestFiles, log: (line) => opts.stderr.write(`${line}\n`) });
    const running = await listen(app, opts.port ?? config.port, opts.host ?? config.host);
    const ref = encodeURIComponent(await exampleRef(store));
    const checkBody = JSON.stringify({ text: CHECK_EXAMPLE });
    opts.stdout.write(
      [
        `cancu API (kho ${store.kind}) đang chạy tại ${running.url}`,
        `Trang kiểm tra dự thảo: ${running.url}/   Phả hệ văn bản: ${running.url}/lineage`,
        `Tài liệu: ${running.url}/docs   OpenAPI: ${running.url}/openapi.json`,
        '',
        'Thử:',
        `  curl '${running.url}/instruments/${ref}/implementers?depth=3'`,
        `  curl -X POST '${running.url}/check' -H 'Content-Type: application/json' -d '${checkBody.replace(/'/g, "'\\''")}'`,
        '',
      ].join('\n'),
    );
    return {
      url: running.url,
      async close() {
        await running.close();
        if (!opts.store) await store.close();
      },
    };
  } catch (error) {
    if (!opts.store) await store.close().catch(() => undefined);
    throw error;
  }
}

/** The package root (where fixtures/ lives), from this module's place in src/ or dist/src/. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/**
 * `npm start`: the seed plans (fixtures/plans) in the embedded store — even when NEO4J_URI is set,
 * so the demo never writes into a real database — served on the configured port.
 */
export async function demo(opts: Omit<ServeOptions, 'ingestPaths' | 'ingestRoot'>): Promise<ServeHandle> {
  const config = loadConfig(opts.env);
  const root = packageRoot();
  return serve({ ...opts, ingestPaths: [path.join(root, 'fixtures', 'plans')], ingestRoot: root }, { ...config, neo4j: null });
}
