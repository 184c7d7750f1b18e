// The embedded store's file: JSON lines, one record per line, appended and fsynced after each
// write, rewritten whole (temp file + fsync + rename) when compacted or cleared.
//
// Crash safety: a record is one line, so a document is either wholly in the file or not at all.
// A process killed in the middle of an append leaves at most one torn line at the very end;
// opening the store drops it (and truncates the file back to the last complete line), which is
// exactly "that write never happened". A bad line anywhere else is corruption and is refused.
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StoreUnavailableError } from '../errors.js';

export const LOG_FILE = 'graph.jsonl';
export const FORMAT_HEADER = { format: 'cancu-graph', version: 1 } as const;

const CHUNK = 8 * 1024 * 1024;

export class GraphLog {
  readonly path: string;
  private fd: number | null = null;
  /** Bytes of complete records in the file. */
  private size = 0;

  constructor(readonly dir: string) {
    this.path = join(dir, LOG_FILE);
  }

  /**
   * Reads every complete record in order. Creates the directory and an empty log when missing.
   * Returns how many records were read.
   */
  load(onRecord: (record: unknown) => void): number {
    try {
      mkdirSync(this.dir, { recursive: true });
      if (!existsSync(this.path)) this.rewrite([]);
    } catch (error) {
      throw new StoreUnavailableError(this.dir, 'storage', { cause: error });
    }
    const fd = openSync(this.path, 'r+');
    this.fd = fd;
    let records = 0;
    let good = 0; // bytes up to and including the last complete line
    let position = 0;
    let carry: Buffer = Buffer.alloc(0);
    let lineNo = 0;
    const buffer = Buffer.allocUnsafe(CHUNK);
    const total = statSync(this.path).size;
    while (position < total) {
      const read = readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
      const data = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        lineNo++;
        const line = data.toString('utf8', start, nl);
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch (error) {
          throw new Error(`${this.path}:${lineNo}: bản ghi hỏng (corrupt record): ${(error as Error).message}`);
        }
        if (lineNo === 1) checkHeader(record, this.path);
        else {
          onRecord(record);
          records++;
        }
        good += nl - start + 1;
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    // A torn tail (no final newline): the interrupted write never happened.
    if (good < total) ftruncateSync(fd, good);
    this.size = good;
    if (lineNo === 0) {
      // An empty file (crash between create and header): start afresh.
      this.rewrite([]);
    }
    return records;
  }

  /** Appends records and makes them durable; on failure the file is cut back and the error thrown. */
  append(lines: string[]): void {
    if (lines.length === 0) return;
    const fd = this.requireOpen();
    const data = Buffer.from(lines.join('\n') + '\n', 'utf8');
    const before = this.size;
    try {
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written, data.length - written, before + written);
      fsyncSync(fd);
      this.size = before + data.length;
    } catch (error) {
      try {
        ftruncateSync(fd, before);
      } catch {
        // The original error says more.
      }
      throw new StoreUnavailableError(this.dir, 'storage', { cause: error });
    }
  }

  /** Replaces the whole file atomically with a header and these records. */
  rewrite(lines: Iterable<string>): void {
    const temp = `${this.path}.tmp-${process.pid}`;
    try {
      const fd = openSync(temp, 'w');
      try {
        let pending: string[] = [JSON.stringify(FORMAT_HEADER)];
        let bytes = 0;
        let size = 0;
        const flush = () => {
          if (pending.length === 0) return;
          const data = Buffer.from(pending.join('\n') + '\n', 'utf8');
          let written = 0;
          while (written < data.length) written += writeSync(fd, data, written, data.length - written);
          size += data.length;
          pending = [];
          bytes = 0;
        };
        for (const line of lines) {
          pending.push(line);
          bytes += line.length;
          if (bytes > CHUNK) flush();
        }
        flush();
        fsyncSync(fd);
        this.size = size;
      } finally {
        closeSync(fd);
      }
      if (this.fd !== null) {
        closeSync(this.fd);
        this.fd = null;
      }
      renameSync(temp, this.path);
      syncDir(dirname(this.path));
      this.fd = openSync(this.path, 'r+');
    } catch (error) {
      throw new StoreUnavailableError(this.dir, 'storage', { cause: error });
    }
  }

  bytes(): number {
    return this.size;
  }

  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private requireOpen(): number {
    if (this.fd === null) throw new StoreUnavailableError(this.dir, 'storage', { cause: new Error('store is closed') });
    return this.fd;
  }
}

function checkHeader(record: unknown, path: string): void {
  const header = record as { format?: unknown; version?: unknown } | null;
  if (!header || header.format !== FORMAT_HEADER.format) throw new Error(`${path}: không phải tệp đồ thị của cancu (not a cancu graph file)`);
  if (header.version !== FORMAT_HEADER.version) throw new Error(`${path}: phiên bản định dạng ${String(header.version)} không được hỗ trợ (unsupported format version)`);
}

function syncDir(dir: string): void {
  // Makes the rename durable; not every platform lets a directory be fsynced.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
