// Bad and hostile input: a 50 MB plan, NFD text, and a megabyte-long single line of adversarial
// characters pushed through every pattern of the extractor and the rules. The time bound is
// generous (a linear scan of 1 MB takes milliseconds; a quadratic one takes minutes): it guards
// against catastrophic backtracking and quadratic loops, it does not measure speed.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { lint } from '../../src/lint/index.js';
import { readDocument } from '../../src/documents/index.js';
import { loadBundledResolver } from '../../src/cli/commands/check.js';

const MB = 1 << 20;
const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const HOSTILE: Record<string, string> = {
  'type words without numbers': 'Kế hoạch số Nghị định số Quyết định ',
  'number chains': 'Kế hoạch số 1/1/1/1-1-1/',
  'symbols without end': 'Quyết định số 12/QĐ-UBND-UBND-UBND ',
  'spaces inside symbols': 'số 15- ĐA/ TU - CT /',
  'one endless code': 'Thông tư số 36/2017/TTBGDĐTTTBGDĐTTTBGDĐT',
  'dates without years': 'ngày 12/3/ ngày 1-2- ngày 14 tháng 03 năm ',
  'blank number slots': 'Số:       ',
  'dotted slots': 'Số: .......... ngày .......... tháng ',
  'long lowercase law names': 'Luật Giáo dục a a a a a a a a a a a a ',
  'congress resolutions': 'Nghị quyết Đại hội Đảng bộ tỉnh a b c d e f g h i j k l m n ',
  'issuers without end': 'Kế hoạch số 1/KH-UBND ngày 01/01/2023 của Ban Ban Ban Ban Ban Ủy ban nhân dân tỉnh huyện xã ',
  'subjects without end': 'Kế hoạch số 1/KH-UBND về việc thực hiện Đề án thực hiện Kế hoạch số 2/KH-UBND về triển khai ',
  'approved programmes': 'Quyết định số 1/QĐ-UBND về việc phê duyệt Đề án dạy và học tiếng dân tộc Mường thực hiện Đề án dạy và học tiếng dân tộc Mường ',
  'shared type word lists': 'các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg; số 1401/QĐ-TTg; ',
  'letter runs': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  'quote and star runs': '”””****""""',
  'combining marks': 'e\u0323\u0302\u0300\u0301\u0303\u0309',
  'place mentions': 'tỉnh tỉnh Hòa tỉnh Bình huyện Lạc huyện ',
  'closing sentences': 'Trên đây là Kế hoạch năm 2021 của trường a ',
  'plan year phrases': 'Kế hoạch công tác dân vận chính quyền năm 2021 ngay từ những ngày đầu năm 2020 ',
  'scope phrases': 'trên địa huyện Lạc trên địa bàn huyện Lạc Thủy ',
  'dashes and eths': '–—‐−ÐðÐð\u00a0\u200b',
};

describe('a 1 MB single line of hostile text, for every pattern family', () => {
  it.each(Object.entries(HOSTILE))('%s', async (_name, unit) => {
    const resolver = await loadBundledResolver();
    const text = 'Số: 05/KH-UBND\nHòa Bình, ngày 02 tháng 10 năm 2024\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2024\n' + repeatTo(unit, MB);
    const started = performance.now();
    const doc = analyze(text, { file: 'hostile.txt' });
    const findings = lint(doc, { preset: 'strict', resolver });
    const ms = performance.now() - started;
    expect(ms, `${Math.round(ms)} ms`).toBeLessThan(20_000);
    for (const c of doc.citations) expect(text.slice(c.offset, c.offset + c.length)).toBe(c.surface);
    expect(Array.isArray(findings)).toBe(true);
  });
});

describe('large and decomposed input', () => {
  it('reads and analyses a 50 MB plan file and finds every citation in it', async () => {
    const seed = readFileSync(join(import.meta.dirname, '../../fixtures/plans/003_06262491b62869cd.txt'), 'utf8');
    const perCopy = analyze(seed, { file: 's' }).citations.length;
    const copies = Math.ceil((50 * MB) / Buffer.byteLength(seed));
    const dir = mkdtempSync(join(tmpdir(), 'cancu-big-'));
    const file = join(dir, 'big.txt');
    writeFileSync(file, Array.from({ length: copies }, () => seed).join('\n\n'));
    const src = await readDocument(file);
    expect(Buffer.byteLength(src.text)).toBeGreaterThanOrEqual(50 * MB);
    const doc = analyze(src.text, { file });
    expect(doc.citations.length).toBe(perCopy * copies);
  });

  it('gives the same citations for NFD and NFC text, with spans in the NFD original', () => {
    const seed = readFileSync(join(import.meta.dirname, '../../fixtures/plans/004_723b0c46fb5dfa44.txt'), 'utf8');
    const nfc = analyze(seed.normalize('NFC'), { file: 'a' });
    const nfdText = seed.normalize('NFD');
    const nfd = analyze(nfdText, { file: 'b' });
    expect(nfd.citations.map((c) => [c.type, c.canonicalNumber, c.date, c.section, c.line, c.key])).toEqual(
      nfc.citations.map((c) => [c.type, c.canonicalNumber, c.date, c.section, c.line, c.key]),
    );
    for (const c of nfd.citations) {
      expect(nfdText.slice(c.offset, c.offset + c.length)).toBe(c.surface);
      expect(c.surface.normalize('NFC')).toBe(nfc.citations.find((x) => x.line === c.line && x.cleanStart >= 0 && x.surface === c.surface.normalize('NFC'))!.surface);
    }
  });

  it('handles an empty text and a text without any citation', () => {
    expect(analyze('', { file: 'e' }).citations).toEqual([]);
    expect(lint(analyze('', { file: 'e' }))).toEqual([]);
    expect(analyze('Không có trích dẫn nào ở đây.\n', { file: 'n' }).citations).toEqual([]);
  });
});
