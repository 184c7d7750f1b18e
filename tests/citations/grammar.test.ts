// The citation grammar on the examples of spec/citation-format.md (§1–§5): each family, the
// malformed variants, the date forms, lists sharing one type word, named instruments, and what
// is not a citation. Expected values are read off the spec by hand.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { parseSymbol } from '../../src/citations/identifier.js';
import { parseReference } from '../../src/citations/reference.js';
import { printKey } from '../../src/citations/keys.js';

const one = (text: string) => {
  const doc = analyze(text, { file: 't.txt' });
  expect(doc.citations.length, `citations in ${JSON.stringify(text)}`).toBe(1);
  return doc.citations[0]!;
};
const all = (text: string) => analyze(text, { file: 't.txt' }).citations;

describe('symbol shapes (spec §1)', () => {
  it.each([
    ['30/2020/NĐ-CP', 'legal', '30/2020/NĐ-CP'],
    ['80/2015/QH13', 'qh', '80/2015/QH13'],
    ['351/2017/UBTVQH14', 'qh', '351/2017/UBTVQH14'],
    ['55/2005/TTLT-BNV-VPCP', 'legal', '55/2005/TTLT-BNV-VPCP'],
    ['01/2014/NQLT/CP-UBTƯMTTQVN', 'legal', '01/2014/NQLT/CP-UBTƯMTTQVN'],
    ['2895/QĐ-UBND', 'admin', '2895/QĐ-UBND'],
    ['2457/UBND-VX', 'admin', '2457/UBND-VX'],
    ['3123/SGDĐT-CTTT-KHCN', 'admin', '3123/SGDĐT-CTTT-KHCN'],
    ['1656/NQ-UBTVQH15', 'admin', '1656/NQ-UBTVQH15'],
    ['66/TTr-SYT', 'admin', '66/TTr-SYT'],
    ['05-CT/TW', 'party', '05-CT/TW'],
    ['08-HD/BDVTU', 'party', '08-HD/BDVTU'],
    ['08-QĐi/TW', 'party', '08-QĐi/TW'],
    ['24-BS/UBKTTU', 'party', '24-BS/UBKTTU'],
    ['59-CV/TU', 'party', '59-CV/TU'],
    // malformed, canonicalised
    ['36/2017/TTBGDĐT', 'legal', '36/2017/TT-BGDĐT'],
    ['693/QĐSGD&ĐT', 'admin', '693/QĐ-SGDĐT'],
    ['19/KH UBND', 'admin', '19/KH-UBND'],
    ['86/QĐ UBND', 'admin', '86/QĐ-UBND'],
    ['05- ĐA/TU', 'party', '05-ĐA/TU'],
    ['44 /2005/QĐ-UBND', 'legal', '44/2005/QĐ-UBND'],
    ['255 / BC-BCĐPCGD-XMC', 'admin', '255/BC-BCĐPCGD-XMC'],
    ['1048/CT-BGD&ĐT', 'admin', '1048/CT-BGDĐT'],
    ['54-KH/BCSD', 'party', '54-KH/BCSĐ'],
    ['05-CT/TƯ', 'party', '05-CT/TW'],
    ['82/2005-QĐ-UBND', 'legal', '82/2005/QĐ-UBND'],
    ['18-2019-TT-BGDĐT', 'legal', '18/2019/TT-BGDĐT'],
  ])('%s → %s %s', (written, shape, canonical) => {
    const s = parseSymbol(written, 0)!;
    expect(s.shape).toBe(shape);
    expect(s.canonical).toBe(canonical);
    expect(s.raw).toBe(written);
  });

  it('stops before the words that follow a symbol', () => {
    expect(parseSymbol('15- ĐA/TU ngày 15/12/2022', 0)!.raw).toBe('15- ĐA/TU');
    expect(parseSymbol('04/2021/TT-TTCP Quy định về quy trình', 0)!.raw).toBe('04/2021/TT-TTCP');
    expect(parseSymbol('123/KH-UBND.', 0)!.raw).toBe('123/KH-UBND');
    expect(parseSymbol('05-CT/TW - Học tập', 0)!.raw).toBe('05-CT/TW');
  });
});

describe('citations in prose', () => {
  it('reads number, date, issuer and subject', () => {
    const c = one('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;');
    expect(c).toMatchObject({ type: 'Nghị định', number: '30/2020/NĐ-CP', date: '2020-03-05', issuer: 'Chính phủ', subject: 'về công tác văn thư', family: 'legal' });
    expect(c.key).toBe('vn:tw:nd-cp:2020:30');
  });

  it.each([
    ['ngày 14 tháng 03 năm 2023', '2023-03-14'],
    ['ngày 28 /3/2023', '2023-03-28'],
    ['ngày 12-1-2022', '2022-01-12'],
    ['ngày 8/4/2020', '2020-04-08'],
    [', ngày 22/05/2012', '2012-05-22'],
  ])('date form %s', (written, iso) => {
    expect(one(`Kế hoạch số 30-KH/ĐUK ${written} của Đảng ủy Khối.`).date).toBe(iso);
  });

  it('keeps an impossible date as written, with no ISO value', () => {
    const c = one('Quyết định số 12/QĐ-UBND ngày 30/02/2023 của UBND tỉnh Cà Mau.');
    expect(c.date).toBeNull();
    expect(c.dateWritten).toBe('30/02/2023');
  });

  it('reads a list that shares one type word', () => {
    const cs = all('Thực hiện các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg ngày 20/9/2016; số 1401/QĐ-TTg ngày 21/9/2016.');
    expect(cs.map((c) => [c.type, c.number, c.date])).toEqual([
      ['Quyết định', '1400/QĐ-TTg', '2016-09-20'],
      ['Quyết định', '1401/QĐ-TTg', '2016-09-21'],
    ]);
  });

  it('reads a number without "số" only when it has a symbol', () => {
    expect(one('theo Nghị định 90/2020/NĐ-CP ngày 13/8/2020.').hasSo).toBe(false);
    expect(all('Kế hoạch 2023 của trường.')).toHaveLength(0);
  });

  it('accepts a bare number after "số" when a date or issuer follows (symbol missing)', () => {
    const c = one('Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị.');
    expect(c.number).toBe('35');
    expect(c.canonicalNumber).toBe('35');
    expect(all('Quyết định số lượng 2 buổi')).toHaveLength(0);
  });

  it('joins a citation broken across a page gap', () => {
    const c = one('Quyết định số\n\n693/QĐSGD&ĐT ngày 30/3/2022 ban hành Chương trình');
    expect(c.number).toBe('693/QĐSGD&ĐT');
    expect(c.surface).toBe('Quyết định số\n\n693/QĐSGD&ĐT ngày 30/3/2022');
  });

  it('reads named laws and Party resolutions, not generic mentions', () => {
    const cs = all('Thực hiện Luật Phòng, chống tham nhũng, Luật Giáo dục năm 2019, Nghị quyết Trung ương 4 khóa XII và các nghị quyết của Đảng; pháp luật của Nhà nước; Nghị quyết Đại hội Đảng các cấp.');
    expect(cs.map((c) => c.surface)).toEqual(['Luật Phòng, chống tham nhũng', 'Luật Giáo dục năm 2019', 'Nghị quyết Trung ương 4 khóa XII']);
    expect(cs[0]!.key).toBe('vn:tw:luat:phong-chong-tham-nhung');
  });

  it('does not count self-references', () => {
    expect(all('Các trường căn cứ Kế hoạch này xây dựng kế hoạch.')).toHaveLength(0);
  });

  it('reads relations between cited instruments', () => {
    const cs = all('Thực hiện Thông tư số 01/2016/TT-BNV ngày 13/01/2016 của Bộ Nội vụ hướng dẫn một số nội dung của Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ.');
    expect(cs[0]!.relation).toMatchObject({ kind: 'guides', targetNumber: '04/2015/NĐ-CP', target: 'vn:tw:nd-cp:2015:04' });
    const amend = all('Nghị định số 48/2023/NĐ-CP ngày 17/7/2023 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP ngày 13/8/2020.');
    expect(amend[0]!.relation?.kind).toBe('amends');
  });

  it('composes decomposed (NFD) text and maps spans back to it', () => {
    const nfc = 'Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về học tập;';
    const nfd = nfc.normalize('NFD');
    const c = one(nfd);
    expect(c.number).toBe('05-CT/TW');
    expect(c.issuer!.normalize('NFC')).toBe('Bộ Chính trị');
    expect(nfd.slice(c.offset, c.offset + c.length)).toBe(c.surface);
    expect(c.surface.normalize('NFC')).toBe('Chỉ thị số 05-CT/TW ngày 15/5/2016');
  });

  it('folds Eth look-alikes and dash variants', () => {
    const c = one('Quyết định số 12/QÐ–UBND ngày 01/02/2020 của UBND tỉnh Cà Mau.');
    expect(c.canonicalNumber).toBe('12/QĐ-UBND');
    expect(c.number).toBe('12/QÐ–UBND');
  });
});

describe('references and keys', () => {
  it.each([
    ['Chỉ thị 05-CT/TW', { type: 'Chỉ thị', canonicalNumber: '05-CT/TW' }],
    ['Nghị định số 30/2020/NĐ-CP', { type: 'Nghị định', canonicalNumber: '30/2020/NĐ-CP', key: 'vn:tw:nd-cp:2020:30' }],
    ['NĐ 30/2020', { type: 'Nghị định', seq: '30', year: 2020, canonicalNumber: null }],
    ['04/2015/NĐ-CP', { canonicalNumber: '04/2015/NĐ-CP', key: 'vn:tw:nd-cp:2015:04' }],
    ['vn:tw:nd-cp:2015:04', { key: 'vn:tw:nd-cp:2015:04', canonicalNumber: '04/2015/NĐ-CP' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toMatchObject(expected);
  });

  it('prints keys back in Vietnamese', () => {
    expect(printKey('vn:tw:nd-cp:2015:04')!.number).toBe('04/2015/NĐ-CP');
    expect(printKey('vn:tw:ct-tw:2016:05')!.number).toBe('05-CT/TW');
    expect(printKey('vn:hoa-binh:ct-ubnd:2022:06')!.text).toBe('06/CT-UBND (Hoa Binh)');
    expect(printKey('vn:hoa-binh:qp.qd-ubnd:2019:45')!.number).toBe('45/2019/QĐ-UBND');
    expect(parseReference("x') MATCH (n) DETACH DELETE n //")).toBeNull();
  });
});

describe("the document's own key", () => {
  const plan = (place: string, number: string, unit: string) =>
    `Số: ${number}\n\n${place}, ngày 10 tháng 3 năm 2023\n\nKẾ HOẠCH\n\nCông tác dân vận năm 2023\n\n${unit} xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n`;

  it('keys a UBND plan under the district its header names', () => {
    expect(analyze(plan('Thủ Đức', '05/KH-UBND', 'Ủy ban nhân dân thành phố'), { file: 'a' }).ownKey).toBe('vn:ho-chi-minh.thu-duc:kh-ubnd:2023:05');
    expect(analyze(plan('Hòa Bình', '05/KH-UBND', 'Ủy ban nhân dân tỉnh'), { file: 'b' }).ownKey).toBe('vn:hoa-binh:kh-ubnd:2023:05');
  });

  it('keeps two schools of one district apart although they share a code', () => {
    const a = analyze(plan('Lạc Thủy', '12/KH-THCS', 'Trường THCS Thanh Hà'), { file: 'a' }).ownKey;
    const b = analyze(plan('Lạc Thủy', '12/KH-THCS', 'Trường THCS Đồng Tâm'), { file: 'b' }).ownKey;
    expect(a).toBe('vn:hoa-binh.lac-thuy:kh-thcs~truong-thcs-thanh-ha:2023:12');
    expect(b).not.toBe(a);
    expect(printKey(a!)!.number).toBe('12/KH-THCS');
  });
});
