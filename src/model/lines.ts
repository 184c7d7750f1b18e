// Line index of a string: offsets where lines start, then O(log n) offset → line/column. The one
// line index: the document adapters and the extractor's default locator use it alike.
// Lines end at "\n", "\r\n" or a lone "\r" (the same rule as remark/micromark and most editors).

export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly source: string) {}

  /** Offsets (UTF-16 code units) where each line starts; computed on first use, O(n). */
  lineStarts(): number[] {
    if (this.starts) return this.starts;
    const s = this.source;
    const starts = [0];
    if (s.indexOf('\r') < 0) {
      // Common case (no CR at all): native indexOf is several times faster than a char loop.
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return starts;
    }
    for (let i = 0, n = s.length; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) {
        starts.push(i + 1);
      } else if (c === 13) {
        if (s.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  /** 1-based line and column (UTF-16 code units) of a source offset in [0, source.length]. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
}

export function checkOffset(offset: number, length: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(`locate: offset ${offset} is outside the text [0, ${length}]`);
  }
}
