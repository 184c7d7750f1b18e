// Run by crash.test.ts in a child process (vite-node) so that it can be killed with SIGKILL in the
// middle of an ingest: `vite-node ingest-child.ts <corpus> <batchSize> <memory-dir | neo4j>`.
// Prints "processed <n> documents <m>" after every file.
import { ingest } from '../../ingest/pipeline.js';
import { openStore } from '../../src/graph/index.js';

const [corpus, batchSize, target] = process.argv.slice(2);
const store = await openStore(
  target === 'neo4j'
    ? { neo4j: { uri: process.env.NEO4J_TEST_URI ?? 'bolt://127.0.0.1:7687', user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'cancu-dev-password', database: process.env.NEO4J_DATABASE ?? 'neo4j' } }
    : { graphDir: target! },
);
const summary = await ingest([corpus!], {
  store,
  root: corpus,
  batchSize: Number(batchSize),
  resolver: null,
  onProgress: (p) => process.stdout.write(`processed ${p.done} documents ${p.documents}\n`),
});
process.stdout.write(`done ${JSON.stringify(summary)}\n`);
await store.close();
