// `cancu ingest`: files, folders and globs into the configured store, with a progress bar on a
// terminal and a summary (text or JSON). The text summary is a small table (files written,
// unchanged, refused, skipped; citations; findings by severity — "lỗi" only ever means error
// findings), then the first refused files with their reason; --verbose lists them all and
// --failures <file> writes them all as JSON.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IngestSummary } from '../../../ingest/pipeline.js';
import type { Lang } from '../../model/schemas.js';

/** Refused files shown in the text summary without --verbose. */
export const FAILURES_SHOWN = 5;

export interface IngestCommandOptions {
  format: 'text' | 'json';
  batchSize: number;
  force?: boolean;
  /** Analysis threads (ingest's default when absent). */
  jobs?: number;
  lang: Lang;
  /** List every refused file. */
  verbose?: boolean;
  /** Write every refused file and its reason to this JSON file. */
  failures?: string;
  /** Files skipped for their format (from the CLI's expansion of the paths). */
  skipped?: number;
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
    if (o.failures) writeFileSync(resolve(o.cwd, o.failures), JSON.stringify(summary.failures, null, 2) + '\n');
    if (o.format === 'json') o.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else o.stdout.write(formatSummaryTable(summary, o));
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

/** The text summary: a table of counts, then the refused files (the first few, or all with --verbose). */
export function formatSummaryTable(summary: IngestSummary, o: Pick<IngestCommandOptions, 'lang' | 'verbose' | 'failures' | 'skipped'>): string {
  const en = o.lang === 'en';
  const s = summary;
  const rows: [string, number | string][] = en
    ? [
        ['files found', s.files],
        ['  written', s.documents],
        ['  unchanged (skipped)', s.unchanged],
        ['  refused', s.failures.length],
        ...(o.skipped ? ([['other formats (skipped)', o.skipped]] as [string, number][]) : []),
        ['citations written', s.citations],
        ['cited instruments: new / updated', `${s.instrumentsNew} / ${s.instrumentsUpdated}`],
        ['findings: errors / warnings / info', `${s.findingsBySeverity.error} / ${s.findingsBySeverity.warning} / ${s.findingsBySeverity.info}`],
        ['time', `${(s.ms / 1000).toFixed(1)} s`],
      ]
    : [
        ['tệp tìm thấy', s.files],
        ['  đã ghi', s.documents],
        ['  không đổi (bỏ qua)', s.unchanged],
        ['  bị từ chối', s.failures.length],
        ...(o.skipped ? ([['định dạng khác (bỏ qua)', o.skipped]] as [string, number][]) : []),
        ['trích dẫn đã ghi', s.citations],
        ['văn bản được trích dẫn: mới / bổ sung', `${s.instrumentsNew} / ${s.instrumentsUpdated}`],
        ['phát hiện: lỗi / cảnh báo / lưu ý', `${s.findingsBySeverity.error} / ${s.findingsBySeverity.warning} / ${s.findingsBySeverity.info}`],
        ['thời gian', `${(s.ms / 1000).toFixed(1)} giây`],
      ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${String(value).padStart(8)}`);
  const k = s.knowledge;
  if (k?.written) {
    lines.push(
      en
        ? `Validity registry loaded into the graph: ${k.instruments} instruments, ${k.statusEvents} status events, ${k.relations} relations, ${k.issuers} issuers, ${k.successions} successions.`
        : `Đã nạp dữ kiện hiệu lực vào đồ thị: ${k.instruments} văn bản, ${k.statusEvents} sự kiện hiệu lực, ${k.relations} quan hệ, ${k.issuers} cơ quan ban hành, ${k.successions} quan hệ kế thừa.`,
    );
  }
  const refused = s.failures;
  if (refused.length) {
    const shown = o.verbose ? refused : refused.slice(0, FAILURES_SHOWN);
    lines.push('', en ? `Refused files (${refused.length}):` : `Tệp bị từ chối (${refused.length}):`);
    for (const failure of shown) lines.push(`  ✗ ${failure.file}: ${failure.reason}`);
    const rest = refused.length - shown.length;
    if (rest > 0) {
      const where = o.failures ? (en ? `all of them are in ${o.failures}` : `cả danh sách trong ${o.failures}`) : en ? 'all of them: --verbose, or --failures <file> for a JSON list' : 'cả danh sách: --verbose, hoặc --failures <tệp> để ghi ra tệp JSON';
      lines.push(en ? `  … and ${rest} more (${where}).` : `  … và ${rest} tệp khác (${where}).`);
    } else if (o.failures) {
      lines.push(en ? `  (also written to ${o.failures})` : `  (đã ghi cả vào ${o.failures})`);
    }
  }
  return lines.join('\n') + '\n';
}
