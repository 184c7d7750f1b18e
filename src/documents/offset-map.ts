// Piecewise offset map from a derived text back to its source: sorted segments
// (textStart, sourceStart, length), each a run of characters copied verbatim from the source.
// Characters between segments were inserted (e.g. markdown block separators).

export interface Segment {
  textStart: number;
  sourceStart: number;
  length: number;
}

export class OffsetMapBuilder {
  private readonly parts: string[] = [];
  private readonly tStart: number[] = [];
  private readonly sStart: number[] = [];
  private readonly lens: number[] = [];
  length = 0;

  /** Append text copied from source[sourceStart…] (sourceStart ≥ 0) or inserted (sourceStart < 0). */
  append(text: string, sourceStart: number): void {
    if (text.length === 0) return;
    if (sourceStart >= 0) {
      const k = this.tStart.length - 1;
      if (k >= 0 && this.tStart[k] + this.lens[k] === this.length && this.sStart[k] + this.lens[k] === sourceStart) {
        this.lens[k] += text.length;
      } else {
        this.tStart.push(this.length);
        this.sStart.push(sourceStart);
        this.lens.push(text.length);
      }
    }
    this.parts.push(text);
    this.length += text.length;
  }

  finish(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(this.tStart, this.sStart, this.lens, this.length) };
  }
}

export class OffsetMap {
  constructor(
    private readonly tStart: number[],
    private readonly sStart: number[],
    private readonly lens: number[],
    private readonly textLength: number,
  ) {}

  get segments(): Segment[] {
    return this.tStart.map((t, i) => ({ textStart: t, sourceStart: this.sStart[i], length: this.lens[i] }));
  }

  /**
   * Source offset of a text offset in [0, textLength]:
   * - inside a segment: exact (sourceStart + delta);
   * - right after a segment's last character (an end offset, or the first inserted character):
   *   the source position just after that character;
   * - further inside inserted text, or before the first segment: the start of the next segment
   *   (the nearest following source position); past the last segment: the end of the last one.
   * O(log n) in the number of segments.
   */
  toSource(textOffset: number): number {
    const t = this.tStart;
    if (t.length === 0) return 0;
    let lo = 0;
    let hi = t.length - 1;
    if (textOffset < t[0]) return this.sStart[0];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (t[mid] <= textOffset) lo = mid;
      else hi = mid - 1;
    }
    const end = t[lo] + this.lens[lo];
    if (textOffset <= end) return this.sStart[lo] + (textOffset - t[lo]);
    if (lo + 1 < t.length) return this.sStart[lo + 1];
    return this.sStart[lo] + this.lens[lo];
  }

  get length(): number {
    return this.textLength;
  }
}
