// A worker of the analysis pool (./pool.ts): analyses the files it is sent with the bundled
// registry's knowledge and answers each with its batch and findings, or the reason it failed.
import { parentPort, workerData } from 'node:worker_threads';
import { loadBundledRegistry } from '../../src/knowledge/bundled.js';
import { createRegistryResolver } from '../../src/knowledge/resolver.js';
import type { Lang } from '../../src/model/schemas.js';
import { analyzeFile } from './analyze.js';
import type { ReadFile } from './read.js';

interface Init {
  lang: Lang;
  asOf: string | null;
}

const init = workerData as Init;
let resolver: ReturnType<typeof createRegistryResolver> | null = null;
try {
  resolver = createRegistryResolver(loadBundledRegistry());
} catch {
  resolver = null;
}

parentPort!.on('message', async (message: { id: number; read: ReadFile }) => {
  const read = { ...message.read, bytes: Buffer.from(message.read.bytes.buffer, message.read.bytes.byteOffset, message.read.bytes.byteLength) };
  try {
    const result = await analyzeFile(read, { lang: init.lang, resolver, asOf: init.asOf });
    parentPort!.postMessage({ id: message.id, ok: true, result });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, ok: false, reason: error instanceof Error ? error.message : String(error) });
  }
});
