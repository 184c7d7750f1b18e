// Metamorphic tests: a document re-rendered as real copies of it arrive — hard-wrapped at a random
// width (20–100 columns), CRLF line ends, tabs, doubled and no-break spaces, its title in capitals,
// decomposed (NFD) Unicode — must yield the same citations: the same (type, number, date, issuer)
// for every citation of the seeds and of the corpus (both halves: this test only compares the
// extractor with itself, it reads no gold).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';

const fixtures = join(import.meta.dirname, '../../fixtures');
const files: string[] = [];
for (const dir of ['plans', 'corpus/dev', 'corpus/test']) {
  const d = join(fixtures, dir);
  if (!existsSync(d)) continue;
  for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(join(d, f));
}

/** A citation as compared: letters and digits of the number, the date, the issuer's words. */
const key = (c: { type: string; number: string | null; date: string | null; issuer: string | null }) =>
  [
    c.type,
    c.number ? c.number.normalize('NFC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '') : '',
    c.date ?? '',
    c.issuer ? c.issuer.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() : '',
  ].join(' | ');

const citations = (text: string) => analyze(text, { file: 'doc.txt' }).citations.map(key).sort();

interface Rendering {
  width: number;
  crlf: boolean;
  tabs: boolean;
  doubleSpaces: boolean;
  noBreakSpaces: boolean;
  upperTitle: boolean;
  nfd: boolean;
  seed: number;
}

/** Breaks every line longer than `width` at its last space before the width (the way PDF text and mail clients wrap). */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      // A line's trailing spaces are not a word: they make no line of their own (a wrapper breaks
      // between words, so it never leaves a line of spaces — which would read as a paragraph break).
      if (rest.trim() || !out.length) out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}

/** A small deterministic generator, so that one rendering is one seed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function render(text: string, r: Rendering): string {
  let t = text;
  if (r.upperTitle) {
    // The title — the lines after the type heading, up to a blank line or the preamble (its items
    // may open with a list mark: "- Căn cứ …") — in capitals.
    const lines = t.split('\n');
    const heading = lines.findIndex((l) => /^\s*(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CÔNG VĂN|HƯỚNG DẪN|THÔNG TƯ|CHỈ THỊ|BÁO CÁO|TỜ TRÌNH)\s*$/u.test(l));
    let i = heading + 1;
    while (heading >= 0 && i < lines.length && !lines[i]!.trim()) i++;
    for (; heading >= 0 && i < lines.length && lines[i]!.trim() && !/^\s*(?:[-+•–]\s*)?(?:Căn cứ|Thực hiện|Xét|Theo)/u.test(lines[i]!); i++) lines[i] = lines[i]!.toUpperCase();
    t = lines.join('\n');
  }
  t = hardWrap(t, r.width);
  const rand = lcg(r.seed);
  if (r.doubleSpaces || r.noBreakSpaces || r.tabs) {
    t = t.replace(/ /g, () => {
      const x = rand();
      if (r.doubleSpaces && x < 0.1) return '  ';
      if (r.noBreakSpaces && x >= 0.1 && x < 0.2) return '\u00a0';
      if (r.tabs && x >= 0.2 && x < 0.25) return '\t';
      return ' ';
    });
  }
  if (r.crlf) t = t.replace(/\n/g, '\r\n');
  if (r.nfd) t = t.normalize('NFD');
  return t;
}

const renderings: fc.Arbitrary<Rendering> = fc.record({
  width: fc.integer({ min: 20, max: 100 }),
  crlf: fc.boolean(),
  tabs: fc.boolean(),
  doubleSpaces: fc.boolean(),
  noBreakSpaces: fc.boolean(),
  upperTitle: fc.boolean(),
  nfd: fc.boolean(),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

// Documents on which some rendering still changes what is read, each with the cause found. The
// test fails if another document breaks, and also if a listed one holds again (then strike it).
const known: Record<string, string> = JSON.parse(readFileSync(join(import.meta.dirname, 'metamorphic-known.json'), 'utf8'));

describe('the same citations however the document is rendered', () => {
  it('has documents to render', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files.map((f) => [f.slice(fixtures.length + 1), f]))('%s', (name, file) => {
    const text = readFileSync(file, 'utf8');
    const want = citations(text);
    const result = fc.check(
      fc.property(renderings, (r) => {
        const got = citations(render(text, r));
        return JSON.stringify(got) === JSON.stringify(want);
      }),
      { numRuns: 6, seed: 20261203, endOnFailure: true },
    );
    const detail = result.failed ? `fails with ${JSON.stringify(result.counterexample)}` : 'holds';
    if (known[name]) expect(result.failed, `${name} is listed as known (${known[name]}) but ${detail}: strike it from metamorphic-known.json`).toBe(true);
    else expect(result.failed, `${name} ${detail}`).toBe(false);
  });
});
