// Cuts a text into runs at every boundary of the marked spans (citations, findings), so that
// each run knows which spans cover it. Overlapping and nested spans are fine. O(n log n) in the
// number of spans, linear in the text.
export interface Span {
  id: number;
  offset: number;
  length: number;
}

export interface Run {
  start: number;
  end: number;
  /** Ids of the spans covering this run, in the order given. */
  covering: number[];
}

export function runsOf(textLength: number, spans: readonly Span[]): Run[] {
  const points = new Set<number>([0, textLength]);
  const valid = spans.filter((s) => s.offset >= 0 && s.offset <= textLength);
  for (const s of valid) {
    points.add(s.offset);
    points.add(Math.min(textLength, s.offset + Math.max(0, s.length)));
  }
  const cuts = [...points].sort((a, b) => a - b);
  const starts = [...valid].sort((a, b) => a.offset - b.offset);
  const runs: Run[] = [];
  const active: Span[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    while (next < starts.length && starts[next]!.offset <= start) active.push(starts[next++]!);
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.offset + Math.max(active[k]!.length, 0) <= start) active.splice(k, 1);
    runs.push({ start, end, covering: active.map((s) => s.id) });
  }
  return runs;
}
