// Shared harness of the API tests: a real app on an ephemeral loopback port, real stores, the real
// ingest pipeline on the seed plans, and fetch.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../ingest/pipeline.js';
import { loadConfig, type Config } from '../../src/config.js';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import type { GraphStore } from '../../src/graph/store.js';
import { createApp, type AppDeps } from '../../src/http/app.js';
import { listen } from '../../src/http/server.js';
import type { IngestFiles } from '../../src/service/documents.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PLANS_DIR = path.join(ROOT, 'fixtures', 'plans');
export const SEED_FILES = readdirSync(PLANS_DIR)
  .filter((name) => /^00[0-4]_.*\.txt$/.test(name))
  .sort()
  .map((name) => path.join(PLANS_DIR, name));
export const SEED_003 = '003_06262491b62869cd.txt';
export const SEED_004 = '004_723b0c46fb5dfa44.txt';

export const API_KEY = 'cancu-test-key-0123456789abcdef';
export const CYPHER_REF = "x') MATCH (n) DETACH DELETE n //";

export const ingestFiles: IngestFiles = (paths, options) => ingest(paths, options);

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), port: 0, apiKeys: [API_KEY], ...overrides };
}

const tempDirs: string[] = [];

/** A fresh embedded store in its own temporary directory. */
export function memoryStore(): GraphStore {
  const dir = mkdtempSync(path.join(tmpdir(), 'cancu-http-'));
  tempDirs.push(dir);
  return new MemoryGraphStore({ dir });
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Ingests the five seed plans through the real pipeline. */
export async function seed(store: GraphStore): Promise<void> {
  await store.init();
  await ingestFiles(SEED_FILES, { store });
}

export interface Api {
  url: string;
  store: GraphStore;
  /** What the app logged (unexpected errors only). */
  logs: string[];
  close(): Promise<void>;
}

export async function startApi(store: GraphStore, config: Partial<Config> = {}, extra: Partial<AppDeps> = {}): Promise<Api> {
  const logs: string[] = [];
  const app = createApp({ store, config: testConfig(config), ingest: ingestFiles, log: (line) => logs.push(line), ...extra });
  const running = await listen(app, 0, '127.0.0.1');
  return { url: running.url, store, logs, close: () => running.close() };
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = any>(url: string, init: RequestInit = {}): Promise<Reply<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: any = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

export const ref = (value: string) => encodeURIComponent(value);

export function jsonPost(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function multipart(filename: string, content: string | Uint8Array, fields: Record<string, string> = {}, headers: Record<string, string> = {}): RequestInit {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  form.set('file', new Blob([new Uint8Array(bytes)]), filename);
  return { method: 'POST', body: form, headers };
}

/** Key of the ingested document read from `file` (its base name). */
export async function documentKey(store: GraphStore, file: string): Promise<string> {
  const dump = await store.dump();
  const node = dump.nodes.find((n) => n.isDocument && n.file !== null && n.file !== undefined && path.basename(n.file) === file);
  if (!node) throw new Error(`no ingested document for ${file}; documents: ${dump.nodes.filter((n) => n.isDocument).map((n) => n.file).join(', ')}`);
  return node.key;
}
