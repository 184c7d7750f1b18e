// The embedded store's file: a header, then length-prefixed, checksummed frames, appended and
// fsynced after each write, rewritten whole (temp file + fsync + rename) when compacted or cleared.
// What a frame holds is the store's business (see store.ts and docs/graph.md); this module only
// frames, checks and recovers.
//
//   header:  "cancu-graph\0" (12 bytes), u32 LE format version
//   frame:   u32 LE payload length, u32 LE CRC-32 of the payload, payload
//
// Crash safety: a write is one frame, so it is either wholly in the file or not at all. A process
// killed in the middle of an append leaves at most one incomplete frame at the very end (short, or
// with a checksum that does not match when the file system extended the file before the data
// landed); opening the store drops it and truncates the file back to the last complete frame,
// which is exactly "that write never happened". A bad frame anywhere else is corruption and is
// refused with its byte offset.
//
// Files of format 1 (`graph.jsonl`, one JSON record per line) are still read, so that a store
// written by an earlier version opens; the store then rewrites it in the current format.
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, writevSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { StoreUnavailableError } from '../errors.js';

export const LOG_FILE = 'graph.bin';
/** The file of format 1 (JSON lines), read once and replaced. */
export const LEGACY_LOG_FILE = 'graph.jsonl';
export const FORMAT_VERSION = 2;

const MAGIC = Buffer.from('cancu-graph\0', 'latin1');
const HEADER_BYTES = MAGIC.length + 4;
const FRAME_HEADER = 8;
/** Largest frame accepted when reading (a larger length is a torn or corrupt header). */
const MAX_FRAME = 1 << 30;
const CHUNK = 8 * 1024 * 1024;
const LEGACY_HEADER = { format: 'cancu-graph', version: 1 } as const;

export interface LoadResult {
  /** Frames (or legacy records) read. */
  records: number;
  /** The file read was of format 1: the caller should rewrite it (`rewrite`), which removes it. */
  legacy: boolean;
}

export class GraphLog {
  readonly path: string;
  readonly legacyPath: string;
  private fd: number | null = null;
  /** Bytes of complete frames (header included) in the file. */
  private size = 0;

  constructor(readonly dir: string) {
    this.path = join(dir, LOG_FILE);
    this.legacyPath = join(dir, LEGACY_LOG_FILE);
  }

  /**
   * Reads every complete frame in order (`onFrame` gets the payload; the buffer may be reused
   * after the call). Creates the directory and an empty file when missing. A store of format 1 is
   * read through `onLegacy`, one parsed record per line.
   */
  load(onFrame: (payload: Buffer) => void, onLegacy: (record: unknown) => void): LoadResult {
    let legacy = false;
    try {
      mkdirSync(this.dir, { recursive: true });
      if (!existsSync(this.path)) {
        if (existsSync(this.legacyPath)) legacy = true;
        else this.rewrite([]);
      } else if (existsSync(this.legacyPath)) {
        // A rewrite finished but the old file was not removed yet: the new one is complete.
        unlinkSync(this.legacyPath);
      }
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(this.dir, 'storage', { cause: error });
    }
    if (legacy) return { records: this.loadLegacy(onLegacy), legacy: true };
    const fd = openSync(this.path, 'r+');
    this.fd = fd;
    const total = statSync(this.path).size;
    if (total < HEADER_BYTES) {
      // A crash between creating the file and writing its header: start afresh.
      this.rewrite([]);
      return { records: 0, legacy: false };
    }
    const header = Buffer.alloc(HEADER_BYTES);
    readSync(fd, header, 0, HEADER_BYTES, 0);
    checkHeader(header, this.path);
    let position = HEADER_BYTES;
    let records = 0;
    const head = Buffer.alloc(FRAME_HEADER);
    let buffer = Buffer.allocUnsafe(CHUNK);
    while (position < total) {
      if (total - position < FRAME_HEADER) break; // torn
      readSync(fd, head, 0, FRAME_HEADER, position);
      const length = head.readUInt32LE(0);
      const sum = head.readUInt32LE(4);
      const end = position + FRAME_HEADER + length;
      if (length > MAX_FRAME || end > total) {
        if (length > MAX_FRAME && end <= total) throw corrupt(this.path, position, 'độ dài khung không hợp lệ (bad frame length)');
        break; // torn
      }
      if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
      readFully(fd, buffer, length, position + FRAME_HEADER);
      const payload = buffer.subarray(0, length);
      if (crc32(payload) !== sum) {
        if (end === total) break; // the last frame, never completed
        throw corrupt(this.path, position, 'sai tổng kiểm tra (checksum mismatch)');
      }
      onFrame(payload);
      records++;
      position = end;
    }
    // A torn tail: the interrupted write never happened.
    if (position < total) ftruncateSync(fd, position);
    this.size = position;
    return { records, legacy: false };
  }

  /** Appends frames and makes them durable; on failure the file is cut back and the error thrown. */
  append(payloads: Buffer[]): void {
    if (payloads.length === 0) return;
    const fd = this.requireOpen();
    const before = this.size;
    try {
      let at = before;
      for (const payload of payloads) at += writeFrame(fd, payload, at);
      fsyncSync(fd);
      this.size = at;
    } catch (error) {
      try {
        ftruncateSync(fd, before);
      } catch {
        // The original error says more.
      }
      throw new StoreUnavailableError(this.dir, 'storage', { cause: error });
    }
  }

  /** Replaces the whole file atomically with a header and these frames (and removes a format-1 file). */
  rewrite(payloads: Iterable<Buffer>): void {
    const temp = `${this.path}.tmp-${process.pid}`;
    try {
      const fd = openSync(temp, 'w');
      try {
        const header = Buffer.alloc(HEADER_BYTES);
        MAGIC.copy(header, 0);
        header.writeUInt32LE(FORMAT_VERSION, MAGIC.length);
        let at = writeAll(fd, header, 0);
        for (const payload of payloads) at += writeFrame(fd, payload, at);
        fsyncSync(fd);
        this.size = at;
      } finally {
        closeSync(fd);
      }
      if (this.fd !== null) {
        closeSync(this.fd);
        this.fd = null;
      }
      renameSync(temp, this.path);
      syncDir(dirname(this.path));
      if (existsSync(this.legacyPath)) {
        unlinkSync(this.legacyPath);
        syncDir(dirname(this.path));
      }
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

  /** Format 1: JSON lines. A torn last line is ignored (the rewrite that follows drops it). */
  private loadLegacy(onRecord: (record: unknown) => void): number {
    const fd = openSync(this.legacyPath, 'r');
    try {
      let records = 0;
      let position = 0;
      let carry: Buffer = Buffer.alloc(0);
      let lineNo = 0;
      const buffer = Buffer.allocUnsafe(CHUNK);
      const total = statSync(this.legacyPath).size;
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
            throw new Error(`${this.legacyPath}:${lineNo}: bản ghi hỏng (corrupt record): ${(error as Error).message}`);
          }
          if (lineNo === 1) checkLegacyHeader(record, this.legacyPath);
          else {
            onRecord(record);
            records++;
          }
          start = nl + 1;
        }
        carry = Buffer.from(data.subarray(start));
      }
      return records;
    } finally {
      closeSync(fd);
    }
  }
}

function writeFrame(fd: number, payload: Buffer, at: number): number {
  const head = Buffer.allocUnsafe(FRAME_HEADER);
  head.writeUInt32LE(payload.length, 0);
  head.writeUInt32LE(crc32(payload), 4);
  const total = FRAME_HEADER + payload.length;
  let written = writevSync(fd, [head, payload], at);
  if (written < total) {
    // Short write: finish it from a single buffer.
    const whole = Buffer.concat([head, payload]);
    while (written < total) written += writeSync(fd, whole, written, total - written, at + written);
  }
  return total;
}

function writeAll(fd: number, data: Buffer, at: number): number {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written, at + written);
  return data.length;
}

function readFully(fd: number, buffer: Buffer, length: number, position: number): void {
  let read = 0;
  while (read < length) {
    const got = readSync(fd, buffer, read, length - read, position + read);
    if (got === 0) throw new Error('unexpected end of file');
    read += got;
  }
}

function corrupt(path: string, offset: number, why: string): Error {
  return new Error(`${path}@${offset}: bản ghi hỏng (corrupt frame): ${why}`);
}

function checkHeader(header: Buffer, path: string): void {
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${path}: không phải tệp đồ thị của cancu (not a cancu graph file)`);
  const version = header.readUInt32LE(MAGIC.length);
  if (version !== FORMAT_VERSION) throw new Error(`${path}: phiên bản định dạng ${version} không được hỗ trợ (unsupported format version)`);
}

function checkLegacyHeader(record: unknown, path: string): void {
  const header = record as { format?: unknown; version?: unknown } | null;
  if (!header || header.format !== LEGACY_HEADER.format) throw new Error(`${path}: không phải tệp đồ thị của cancu (not a cancu graph file)`);
  if (header.version !== LEGACY_HEADER.version) throw new Error(`${path}: phiên bản định dạng ${String(header.version)} không được hỗ trợ (unsupported format version)`);
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
