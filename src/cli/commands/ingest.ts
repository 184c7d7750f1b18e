// `cancu ingest`: files, folders and globs into the configured store, with a progress bar on a
// terminal and a summary (text or JSON).
export interface IngestCommandOptions {
  format: 'text' | 'json';
  batchSize: number;
  force?: boolean;
  /** Analysis threads (ingest's default when absent). */
  jobs?: number;
  lang: 'vi' | 'en';
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

export async function ingestCommand(paths: string[], o: IngestCommandOptions): Promise<number> {
  const { openStore, configFromEnv, StoreUnavailableError } = await import('../../graph/index.js');
  const { ingest } = await import('../../../ingest/pipeline.js');
  let store;
  try {
    store = await openStore(configFromEnv(o.env));
  } catch (err) {
    const e = err as Error & { messageEn?: string };
    o.stderr.write(`${o.lang === 'en' && e.messageEn ? e.messageEn : e.message}\n`);
    return 2;
  }
  let bar: { start(total: number, v: number): void; update(v: number): void; stop(): void } | null = null;
  if (o.format === 'text' && (o.stderr as { isTTY?: boolean }).isTTY) {
    const { SingleBar, Presets } = (await import('cli-progress')).default;
    bar = new SingleBar({ format: ' {bar} {value}/{total} tệp | {duration_formatted}', stream: process.stderr }, Presets.shades_classic);
  }
  try {
    let started = false;
    const summary = await ingest(paths, {
      store,
      cwd: o.cwd,
      batchSize: o.batchSize || 500,
      force: o.force,
      jobs: o.jobs,
      lang: o.lang,
      onProgress: (p) => {
        if (!bar) return;
        if (!started) {
          bar.start(p.total, 0);
          started = true;
        }
        bar.update(p.done);
      },
    });
    bar?.stop();
    if (o.format === 'json') o.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      const { formatIngestSummary } = await import('../../../ingest/pipeline.js');
      o.stdout.write(formatIngestSummary(summary, o.lang) + '\n');
    }
    return summary.failures.length ? 2 : 0;
  } catch (err) {
    bar?.stop();
    const e = err as Error & { messageEn?: string };
    o.stderr.write(`${o.lang === 'en' && e.messageEn ? e.messageEn : e.message}\n`);
    void StoreUnavailableError;
    return 2;
  } finally {
    await store.close();
  }
}
