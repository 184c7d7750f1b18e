// Interned strings of the embedded store, and the ids they have in its file.
import { detach } from '../../citations/memo.js';

/**
 * Interned strings, and the ids they have in the file. Ids in memory are the order of interning
 * in this process; the file numbers strings in the order it first wrote them. A write frame lists
 * the strings new to the file, and its ints use file ids, so reading maps them back (`fromFile`).
 */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  /** Memory id → file id (-1: not in the file yet). */
  private fileIds: number[] = [];
  /** File id → memory id. */
  private fromFileIds: number[] = [];
  /** Values given a file id since the last `takePending`, in file-id order. */
  private pending: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      const own = detach(value);
      id = this.values.length;
      this.values.push(own);
      this.fileIds.push(-1);
      this.ids.set(own, id);
    }
    return id;
  }
  /**
   * A new id for `value` without looking it up (the caller knows it is new to its own index, see
   * surfaceId). A value may thus hold two ids; both read back the same.
   */
  add(value: string): number {
    const id = this.values.length;
    this.values.push(detach(value));
    this.fileIds.push(-1);
    return id;
  }
  /** The stored (detached, deduplicated) copy of `value`. */
  own(value: string): string {
    return this.values[this.id(value)]!;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
  get size(): number {
    return this.values.length;
  }
  toFile(id: number): number {
    let fileId = this.fileIds[id]!;
    if (fileId === -1) {
      fileId = this.fromFileIds.length;
      this.fromFileIds.push(id);
      this.fileIds[id] = fileId;
      this.pending.push(this.values[id]!);
    }
    return fileId;
  }
  takePending(): string[] {
    const pending = this.pending;
    this.pending = [];
    return pending;
  }
  /** Registers the values a frame introduces (the next file ids, in order). */
  loadFile(values: unknown): void {
    if (!Array.isArray(values)) throw new Error('string table is not a list');
    for (const value of values) {
      if (typeof value !== 'string') throw new Error('string table holds a non-string');
      const id = this.id(value);
      if (this.fileIds[id] === -1) this.fileIds[id] = this.fromFileIds.length;
      this.fromFileIds.push(id);
    }
  }
  fromFile(fileId: number): number {
    const id = this.fromFileIds[fileId];
    if (id === undefined) throw new Error(`string id ${fileId} is not in the file's table`);
    return id;
  }
  /** Forgets the file numbering (the file is being rewritten from scratch). */
  resetFile(): void {
    this.fileIds.fill(-1);
    this.fromFileIds = [];
    this.pending = [];
  }
}
