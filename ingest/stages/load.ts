// Stage 5 — load: write documents to the store in batches. Each document is written atomically
// with its content hash (the store guarantees it), so an interrupted ingest leaves whole documents
// only. A batch the store refuses is retried one document at a time, so one bad document is
// reported on its own and the rest still land; a store that is down stops the ingest.
import type { Finding } from '../../src/citations/model.js';
import { conflictToFinding } from '../../src/graph/core/findings.js';
import { StoreUnavailableError } from '../../src/graph/errors.js';
import type { DocumentBatch, GraphStore, WriteSummary } from '../../src/graph/store.js';
import type { Failure } from './read.js';
import type { Lang } from '../../src/model/schemas.js';

export interface LoadItem {
  file: string;
  batch: DocumentBatch;
}

export interface LoadTotals {
  documents: number;
  citations: number;
  instrumentsNew: number;
  instrumentsUpdated: number;
  unchanged: number;
}

export class Loader {
  readonly totals: LoadTotals = { documents: 0, citations: 0, instrumentsNew: 0, instrumentsUpdated: 0, unchanged: 0 };
  private pending: LoadItem[] = [];
  /**
   * Issuer descriptions of documents the store refused. The ingest sends each issuer's description
   * once, with the first document that names it; when that document is not written, the next one
   * written carries the description instead.
   */
  private carry: Required<Pick<DocumentBatch, 'issuers' | 'successions'>> = { issuers: [], successions: [] };

  constructor(
    private readonly store: GraphStore,
    private readonly options: {
      batchSize: number;
      force: boolean;
      lang: Lang;
      /** Findings the write itself produced (inconsistent citations across documents). */
      onConflicts: (findings: Finding[]) => void;
      onFailure: (failure: Failure) => void;
      /** After each write, with the number of documents it covered. */
      onWritten: (items: number) => void;
    },
  ) {}

  async add(item: LoadItem): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= this.options.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    const items = this.pending;
    this.pending = [];
    if (items.length === 0) return;
    this.attachCarry(items[0]!.batch);
    try {
      this.count(await this.store.writeDocuments(items.map((item) => item.batch), { force: this.options.force }));
    } catch (error) {
      if (error instanceof StoreUnavailableError || items.length === 1) {
        if (error instanceof StoreUnavailableError) throw error;
        this.stash(items[0]!.batch);
        this.options.onFailure({ file: items[0]!.file, reason: reasonOf(error) });
      } else {
        for (const item of items) {
          this.attachCarry(item.batch);
          try {
            this.count(await this.store.writeDocuments([item.batch], { force: this.options.force }));
          } catch (single) {
            if (single instanceof StoreUnavailableError) throw single;
            this.stash(item.batch);
            this.options.onFailure({ file: item.file, reason: reasonOf(single) });
          }
        }
      }
    }
    this.options.onWritten(items.length);
  }

  private attachCarry(batch: DocumentBatch): void {
    if (this.carry.issuers.length === 0 && this.carry.successions.length === 0) return;
    batch.issuers = [...this.carry.issuers, ...(batch.issuers ?? [])];
    batch.successions = [...this.carry.successions, ...(batch.successions ?? [])];
    this.carry = { issuers: [], successions: [] };
  }

  private stash(batch: DocumentBatch): void {
    this.carry.issuers.push(...(batch.issuers ?? []));
    this.carry.successions.push(...(batch.successions ?? []));
    batch.issuers = [];
    batch.successions = [];
  }

  private count(summary: WriteSummary): void {
    this.totals.documents += summary.documents;
    this.totals.citations += summary.citations;
    this.totals.instrumentsNew += summary.instrumentsCreated;
    this.totals.instrumentsUpdated += summary.instrumentsUpdated;
    this.totals.unchanged += summary.unchanged;
    if (summary.conflicts && summary.conflicts.length > 0) this.options.onConflicts(summary.conflicts.map((conflict) => conflictToFinding(conflict, this.options.lang)));
  }
}

export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
