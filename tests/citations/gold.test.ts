// The seed plans against the hand-made gold list: every citation found with the right type,
// number, date and section, nothing else reported as a citation, and the finer fields too.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';

const root = join(import.meta.dirname, '../../fixtures');
const nfc = (s: string | null | undefined) => (s == null ? null : s.normalize('NFC'));
interface Gold {
  file: string;
  line: number;
  surface: string;
  type: string;
  number: string | null;
  canonical_number: string | null;
  date: string | null;
  issuer: string | null;
  section: string;
  relation_hint: string | null;
  tail?: boolean;
}
const gold: Gold[] = readFileSync(join(root, 'gold/gold-citations.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const files = readdirSync(join(root, 'plans')).filter((f) => /^00\d_.*\.txt$/.test(f)).sort();

describe.each(files)('seed %s', (file) => {
  const text = readFileSync(join(root, 'plans', file), 'utf8');
  const doc = analyze(text, { file });
  const expected = gold.filter((g) => g.file === file);
  // The tail of seed 004 is a section of its own here; the gold file calls it body + tail:true.
  const goldSection = (g: Gold) => (g.tail ? 'tail' : g.section);

  it('finds exactly the gold citations (type, number, date, section, line)', () => {
    const got = doc.citations.map((c) => [c.line, c.type, nfc(c.number), c.date, c.section].join(' | ')).sort();
    const want = expected.map((g) => [g.line, g.type, nfc(g.number), g.date, goldSection(g)].join(' | ')).sort();
    expect(got).toEqual(want);
  });

  it('gives each citation its exact surface, canonical number and issuer', () => {
    const got = doc.citations.map((c) => [c.line, nfc(c.surface), c.canonicalNumber, nfc(c.issuer)].join(' | ')).sort();
    const want = expected.map((g) => [g.line, nfc(g.surface), g.canonical_number, nfc(g.issuer)].join(' | ')).sort();
    expect(got).toEqual(want);
  });

  it('reads the relation hints from each citation description', () => {
    const got = doc.citations
      .map((c) => [c.line, nfc(c.surface), c.relations.map((r) => `${r.kind} ${r.targetNumber}`).join('; ') || null].join(' | '))
      .sort();
    const want = expected.map((g) => [g.line, nfc(g.surface), g.relation_hint].join(' | ')).sort();
    expect(got).toEqual(want);
  });

  it('maps every span back to the raw file', () => {
    for (const c of doc.citations) {
      expect(text.slice(c.offset, c.offset + c.length)).toBe(c.surface);
      const lineText = text.split('\n')[c.line - 1]!;
      expect(lineText.slice(c.column - 1).startsWith(c.surface.split('\n')[0]!)).toBe(true);
    }
  });
});

describe('identity across the seeds', () => {
  const docs = files.map((f) => analyze(readFileSync(join(root, 'plans', f), 'utf8'), { file: f }));
  const find = (file: string, number: string) => docs.find((d) => d.file === file)!.citations.find((c) => c.canonicalNumber === number)!;

  it('keys Chỉ thị 06/CT-UBND of UBND tỉnh Hòa Bình the same in seeds 003 and 004', () => {
    const a = find('003_06262491b62869cd.txt', '06/CT-UBND');
    const b = find('004_723b0c46fb5dfa44.txt', '06/CT-UBND');
    expect(a.key).toBe('vn:hoa-binh:ct-ubnd:2022:06');
    expect(b.key).toBe(a.key);
  });

  it('keys central and Party instruments without a place', () => {
    expect(find('003_06262491b62869cd.txt', '05-CT/TW').key).toBe('vn:tw:ct-tw:2016:05');
    expect(find('004_723b0c46fb5dfa44.txt', '04/2015/NĐ-CP').key).toBe('vn:tw:nd-cp:2015:04');
    // Written "04/2015/NQ-CP" in seed 003, it is still Nghị định 04/2015/NĐ-CP.
    expect(find('003_06262491b62869cd.txt', '04/2015/NĐ-CP').key).toBe('vn:tw:nd-cp:2015:04');
  });

  it('keys a district plan under its province and district', () => {
    expect(find('003_06262491b62869cd.txt', '144/KH-UBND').key).toBe('vn:hoa-binh.lac-thuy:kh-ubnd:2023:144');
    expect(find('003_06262491b62869cd.txt', '15-ĐA/TU').key).toBe('vn:hoa-binh:da-tu:2022:15');
  });

  it('gives a back-reference without a date the key of the first mention', () => {
    const d = docs.find((x) => x.file.startsWith('000'))!;
    const [first, again] = d.citations.filter((c) => c.canonicalNumber === '05-CTPH/BDVHU-PGDĐT');
    expect(again!.date).toBeNull();
    expect(again!.repeat).toBe(true);
    expect(again!.key).toBe(first!.key);
  });

  it('reads the plan headers', () => {
    const d0 = docs[0]!;
    expect(d0.header).toMatchObject({ number: '07 /KH-PGDĐT', type: 'Kế hoạch', place: 'Dầu Tiếng', date: '2023-02-16', signer: 'Tạ Tấn Tuấn' });
    expect(d0.header.title).toContain('Tiếp tục thực hiện Chương trình công tác phối hợp');
    const d3 = docs[3]!;
    expect(d3.header).toMatchObject({ number: '/KH-GD&ĐT', place: 'Lạc Thủy', date: null, year: 2023 });
    expect(d3.place).toMatchObject({ province: 'hoa-binh', district: 'lac-thuy' });
    const d4 = docs[4]!;
    expect(d4.header.issuingBody).toBe('Trường Mầm non Đỗ Đình Thiện');
    expect(d4.place.province).toBe('hoa-binh');
    // The tail of seed 004 starts at line 76.
    expect(d4.sections.find((s) => s.section === 'tail')!.offset).toBe(d4.source.split('\n').slice(0, 75).join('\n').length + 1);
  });
});
