// The grammar on the classes of real-document damage and phrasing (issue "Extraction that holds
// on real documents from anywhere"): hard wraps, named laws, lists, the positions of issuer and
// date, citations with no type word, damaged symbols and dates, vague references. The sentences
// are written for these tests from spec/citation-format.md and spec/evaluation.md, not copied
// from documents; each expected value is read off the sentence by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { reflow, isCaps, isSoftWrap } from '../../src/citations/reflow.js';

type Row = [type: string, number: string | null, date: string | null, issuer: string | null];

/** (type, number, date, issuer) of every citation, whitespace in the issuer folded. */
const read = (text: string): Row[] =>
  analyze(text, { file: 't.txt' }).citations.map((c) => [c.type, c.number === null ? null : c.number.replace(/\s+/g, ' '), c.date, c.issuer === null ? null : c.issuer.replace(/\s+/g, ' ')]);

describe('hard-wrapped text (reflow)', () => {
  it.each<[string, string, Row[]]>([
    ['a type word broken in two', 'Căn cứ Quyết\nđịnh số 522/QĐ-TTg ngày 14/5/2021 của Thủ tướng Chính phủ;', [['Quyết định', '522/QĐ-TTg', '2021-05-14', 'Thủ tướng Chính phủ']]],
    ['the date on the next line', 'Thực hiện Kế hoạch số 141-KH/TU\nngày 27/12/2024 của Ban Thường vụ Tỉnh ủy về chuyển đổi số;', [['Kế hoạch', '141-KH/TU', '2024-12-27', 'Ban Thường vụ Tỉnh ủy']]],
    ['a break after "ngày"', 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày\n05/3/2020 của Chính phủ về công tác văn thư;', [['Nghị định', '30/2020/NĐ-CP', '2020-03-05', 'Chính phủ']]],
    ['a break inside the date', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng\n6 năm 2015;', [['Luật', null, '2015-06-19', null]]],
    ['a break inside the issuer', 'Căn cứ Quyết định số 15/QĐ-UBND ngày 15/3/2022 của Ủy ban nhân dân\ntỉnh Hòa Bình về việc ban hành Quy chế;', [['Quyết định', '15/QĐ-UBND', '2022-03-15', 'Ủy ban nhân dân tỉnh Hòa Bình']]],
    ['CRLF line ends', 'Căn cứ Nghị định số 30/2020/NĐ-CP\r\nngày 05/3/2020 của Chính phủ;\r\nCăn cứ Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ;', [['Nghị định', '30/2020/NĐ-CP', '2020-03-05', 'Chính phủ'], ['Thông tư', '01/2011/TT-BNV', '2011-01-19', 'Bộ Nội vụ']]],
    ['a literal "\\r\\n" escape', 'Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2023 của UBND tỉnh;\\r\\nCăn cứ Kế hoạch số 5/KH-UBND ngày 03/01/2023 của UBND tỉnh;', [['Quyết định', '1/QĐ-UBND', '2023-01-02', 'UBND tỉnh'], ['Kế hoạch', '5/KH-UBND', '2023-01-03', 'UBND tỉnh']]],
    ['a symbol broken after its hyphen', 'Căn cứ Quyết định số 2752/QĐ-\nUBND ngày 28/11/2023 của UBND tỉnh;', [['Quyết định', '2752/QĐ- UBND', '2023-11-28', 'UBND tỉnh']]],
  ])('%s', (_name, text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('keeps paragraph breaks: an item ends at its ";" and the next "Căn cứ" starts a new one', () => {
    const text = 'Căn cứ Nghị quyết số 05-NQ/TU ngày 20/9/2021 của Ban Thường vụ Tỉnh ủy;\nCăn cứ Kế hoạch số 61/KH-SGDĐT ngày 12/01/2023 của Sở Giáo dục và Đào tạo;';
    expect(read(text)).toEqual([
      ['Nghị quyết', '05-NQ/TU', '2021-09-20', 'Ban Thường vụ Tỉnh ủy'],
      ['Kế hoạch', '61/KH-SGDĐT', '2023-01-12', 'Sở Giáo dục và Đào tạo'],
    ]);
  });

  it.each<[string, string, boolean]>([
    ['Căn cứ Nghị định số 30/2020/NĐ-CP ngày', '05/3/2020 của Chính phủ;', true],
    ['của', 'Ủy ban nhân dân tỉnh Hòa Bình;', true],
    ['Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị (Khóa', 'XII) về đại hội đảng các cấp;', true],
    ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', 'Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;', false],
    ['KẾ HOẠCH', 'TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG', false],
    ['QUYẾT ĐỊNH', 'Về việc ban hành Quy chế làm việc', false],
    ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', false],
    ['Nơi nhận:', '- Như trên;', false],
    ['CHỦ TỊCH', 'Nguyễn Văn An', false],
    // A full line broken before a spaced dash goes on; a site's numbered item ("- 8Nghị định") does not.
    ['thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hằng năm và Kế hoạch 5 năm (2021', '- 2025) theo Nghị quyết Đại hội XIII;', true],
    ['tiêu chí chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016-2020 do Thủ tướng Chính phủ ban hành', '- 8Nghị định 163/2016/NĐ-CP hướng dẫn Luật ngân sách nhà nước', false],
  ])('soft wrap between %j and %j: %s', (a, b, soft) => {
    expect(isSoftWrap(a, b, 90, a === 'KẾ HOẠCH' || a === 'QUYẾT ĐỊNH')).toBe(soft);
  });

  it.each([
    ['KẾ HOẠCH THỰC HIỆN', true],
    ['QUYẾT ĐỊNH', true],
    ['CHỦ TỊCH', true],
    ['05-CTPH/BDVHU-PGDĐT', false],
    ['UBND', false],
    ['NQ - HĐND', true],
    ['ỦY BAN NHÂN DÂN', true],
    ['Ủy ban nhân dân', false],
    ['19/CT-TTG NGÀY', false],
  ])('%j is a heading in capitals: %s', (line, caps) => {
    expect(isCaps(line)).toBe(caps);
  });

  it('reads capitals as the rule written as regular expressions does, on random lines', () => {
    const reference = (s: string) => {
      if (/\p{Ll}/u.test(s)) return false;
      let words = 0;
      for (const token of s.split(/\s+/u)) {
        if (/\d/.test(token)) continue;
        for (const part of token.split(/[-–/]+/u)) if (/\p{Lu}\p{M}*\p{Lu}/u.test(part)) words++;
        if (words >= 2) return true;
      }
      return false;
    };
    const alphabet = ['A', 'Ê', 'Đ', 'Ư', 'a', 'ê', '1', '-', '–', '/', ' ', '\t', '\u0301', '.', '(', 'Q'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        expect(isCaps(chars.join(''))).toBe(reference(chars.join('')));
      }),
      { numRuns: 3000 },
    );
  });

  it('maps every offset back: a joined citation keeps its exact source span', () => {
    const text = 'Căn cứ Quyết định số 522/QĐ-TTg   \n   ngày 14/5/2021 của Thủ tướng Chính phủ;';
    const c = analyze(text, { file: 't.txt' }).citations[0]!;
    expect(c.surface).toBe('Quyết định số 522/QĐ-TTg   \n   ngày 14/5/2021');
    expect(text.slice(c.offset, c.offset + c.length)).toBe(c.surface);
    expect(reflow(text).text).toBe('Căn cứ Quyết định số 522/QĐ-TTg ngày 14/5/2021 của Thủ tướng Chính phủ;');
  });
});

describe('named laws', () => {
  it.each<[string, string, Row[]]>([
    ['a law with its date', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', [['Luật', null, '2015-06-19', null]]],
    ['the number after the name', 'Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;', [['Luật', '57/2014/QH13', null, null]]],
    ['two laws of one name', 'Căn cứ Luật Ngân sách nhà nước số 01/2002/QH11 ngày 16/12/2002; số 83/2015/QH13 ngày 25/6/2015;', [['Luật', '01/2002/QH11', '2002-12-16', null], ['Luật', '83/2015/QH13', '2015-06-25', null]]],
    ['the Constitution by its full name', 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;', [['Hiến pháp', null, null, null]]],
    ['a code', 'Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;', [['Bộ luật', null, '2015-11-24', null]]],
    ['an amending law is one citation', 'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;', [['Luật', null, '2019-11-22', null]]],
    ['a name with a comma', 'Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;', [['Luật', null, '2008-11-13', null]]],
    ['a name in lower case, with its number', 'theo Luật bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008;', [['Luật', '25/2008/QH12', '2008-11-14', null]]],
    ['a name begun in lower case, with capitals inside, and its date', 'Căn cứ Luật tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;', [['Luật', null, '2003-11-26', null]]],
    ['a name that holds "của" the councils (the 2004 law)', 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004;', [['Luật', null, '2004-12-03', null]]],
    ['the amended edition\'s mark before the date', 'Căn cứ Luật Tổ chức HĐND và UBND (sửa đổi) ngày 21 tháng 6 năm 1994;', [['Luật', null, '1994-06-21', null]]],
    ['a code written "Bộ Luật"', 'Căn cứ Bộ Luật Dân sự ngày 28 tháng 10 năm 1995;', [['Bộ luật', null, '1995-10-28', null]]],
    ['a "- Căn cứ" item with doubled spaces, wrapped before a capitalised word', '-  Căn  cứ Luật Doanh nghiệp\nNhà nước ngày 20 tháng 4 năm 1995;', [['Luật', null, '1995-04-20', null]]],
    ['a "- Căn cứ" item wrapped before a capitalised word', '- Căn cứ Luật Doanh nghiệp\nNhà nước ngày 20 tháng 4 năm 1995;\n- Căn cứ Luật Báo chí ngày 28 tháng 12 năm 1989;', [['Luật', null, '1995-04-20', null], ['Luật', null, '1989-12-28', null]]],
    ['a name begun in lower case that ends with its year', '- 2Luật khiếu nại 2011\n- 3Luật tố cáo 2011\n', [['Luật', null, null, null], ['Luật', null, null, null]]],
    ['"và" before a council\'s code, even mistyped', 'Căn cứ Luật Tổ chức HĐND và UNBD ngày 26/11/2003;', [['Luật', null, '2003-11-26', null]]],
    ['the type word in lower case, with the date', 'Căn cứ luật ngân sách nhà nước ngày 16/12/2003;', [['Luật', null, '2003-12-16', null]]],
    ['the type word in lower case, with the number', 'theo luật bảo hiểm y tế số 25/2008/QH12 ngày 14/11/2008;', [['Luật', '25/2008/QH12', '2008-11-14', null]]],
    ['"pháp luật" and "luật" in prose are no citation', 'tuân thủ pháp luật về đất đai ngày 01/7/2014 theo luật định.', []],
    ['a lower-case name with no number or date is no citation', 'thực hiện theo quy định của Luật hiện hành về đất đai.', []],
    ['a site\'s name "… Luật Việt Nam" is no law', 'Tham gia cộng đồng Dân Luật Việt Nam, Hệ thống Luật Việt Nam.', []],
    ['a law named for the Fatherland Front keeps "Việt Nam"', 'Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015;', [['Luật', null, '2015-06-09', null]]],
    ['a function word inside an ordinance\'s name its date closes', 'Căn cứ Pháp lệnh ưu đãi người có công với cách mạng ngày 29 tháng 6 năm 2005;', [['Pháp lệnh', null, '2005-06-29', null]]],
    ['… and its number', 'Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 26/2005/PL-UBTVQH11 ngày 29 tháng 6 năm 2005 của Ủy ban Thường vụ Quốc hội;', [['Pháp lệnh', '26/2005/PL-UBTVQH11', '2005-06-29', 'Ủy ban Thường vụ Quốc hội']]],
    ['an effective date is not the law\'s date', 'Luật Đất đai có hiệu lực ngày 01/7/2014.', [['Luật', null, null, null]]],
    ['"Pháp lệnh thay thế" speaks of a future ordinance', 'trình hồ sơ Dự án Pháp lệnh thay thế Pháp lệnh Ưu đãi người có công với cách mạng hiện hành.', [['Pháp lệnh', null, null, null]]],
    ['a named type\'s syllables on two lines of a table row', '| Số: 2638/LĐTBXH-KHTC V/v dự toán thực hiện Pháp\nlệnh ưu đãi người có công với cách mạng ngày 29 tháng 6 năm 2005 |', [['Pháp lệnh', null, '2005-06-29', null]]],
    ['a law the subject line cites on the number\'s line', 'Số: 19046/BTC-TCHQ V/v hướng dẫn thực hiện các quy định của Luật hải quan 2014\nHà Nội, ngày 29 tháng 12 năm 2014\n', [['Luật', null, null, null]]],
    ['a council\'s code run into "ngày"', 'Căn cứ Luật Tổ chức HĐND và UBNDngày 26/11/2003;', [['Luật', null, '2003-11-26', null]]],
    ['a law whose name begins with "Các"', 'Căn cứ Luật Các tổ chức tín dụng ngày 18 tháng 01 năm 2024;', [['Luật', null, '2024-01-18', null]]],
    ['a law passed on the day written before it', '- Ngày 16/6/2025, Quốc hội đã thông qua Luật Tổ chức chính quyền địa phương số 72/2025/QH15 với những quy định mới', [['Luật', '72/2025/QH15', '2025-06-16', 'Quốc hội']]],
    ['a Central Committee plenum with its term in brackets', 'theo Chỉ thị số 05-CT/TW và Nghị quyết Trung ương 4 (khóa XII) của Đảng.', [['Chỉ thị', '05-CT/TW', null, null], ['Nghị quyết', null, null, 'Đảng']]],
    ['a law named by its initials and year; "LUẬT SƯ" is no law', 'Theo quy định tại Luật NSNN 2015, các Luật sư và LUẬT SƯ 2020 của đoàn.', [['Luật', null, null, null]]],
    ['a "*Căn cứ" item in markdown emphasis runs to its ";"', '*Căn cứ Luật Tổ chức\nChính phủ số 63/2025/QH15;*\n*Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26/02/2025 của Chính phủ;*', [['Luật', '63/2025/QH15', null, null], ['Nghị định', '40/2025/NĐ-CP', '2025-02-26', 'Chính phủ']]],
    ['an amending law with "Sửa đổi" and "Điều" in capitals is one citation', 'Căn cứ Luật Sửa đổi, bổ sung một số Điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;', [['Luật', null, '2019-11-22', null]]],
    ['"và" inside a lower-case name its year closes', '- Luật nhà ở 2014 - Luật phí và lệ phí 2015 - Nghị định số 102/2017/NĐ-CP', [['Luật', null, null, null], ['Luật', null, null, null], ['Nghị định', '102/2017/NĐ-CP', null, null]]],
  ])('%s', (_name, text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('several amending laws spoken of together ("các Luật sửa đổi, bổ sung …") are not one named law', () => {
    const got = analyze('Căn cứ Nghị định số 136/2006/NĐ-CP ngày 14/11/2006 của Chính phủ quy định chi tiết và hướng dẫn thi hành các Luật sửa đổi, bổ sung một số điều của Luật Khiếu nại, tố cáo;', { file: 't.txt' }).citations;
    expect(got.filter((c) => /sửa đổi/u.test(c.surface))).toEqual([]);
  });

  it('a name written in lower case after a capitalised type word is a law, up to its verb', () => {
    const surfaces = (t: string) => analyze(t, { file: 't.txt' }).citations.map((c) => [c.type, c.surface]);
    expect(surfaces('theo quy định của Luật viên chức và Bộ Luật lao động hiện hành.')).toEqual([['Luật', 'Luật viên chức'], ['Bộ luật', 'Bộ Luật lao động']]);
    expect(surfaces('Luật thuế thu nhập cá nhân quy định người nộp thuế phải kê khai.')).toEqual([['Luật', 'Luật thuế thu nhập cá nhân']]);
    expect(surfaces('căn cứ Luật sửa đổi, bổ sung một số điều của Luật thuế thu nhập cá nhân, thu nhập được miễn thuế')).toEqual([['Luật', 'Luật sửa đổi, bổ sung một số điều của Luật thuế thu nhập cá nhân']]);
  });

  it('a common noun after "Luật" is no law: a lawyer, the law in general, specialised laws', () => {
    const read1 = (t: string) => analyze(t, { file: 't.txt' }).citations.map((c) => c.surface);
    expect(read1('Luật sư Nguyễn Văn An cho biết; Luật pháp nghiêm minh; các Luật chuyên ngành liên quan; Luật quy định rõ trách nhiệm.')).toEqual([]);
    // A one-word name in lower case is too little to tell.
    expect(read1('theo Luật mới thì')).toEqual([]);
  });

  it('does not take the sentence that follows into the name', () => {
    const got = analyze('người lao động quy định tại Điều 43 của Luật Việc làm đang tham gia bảo hiểm thất nghiệp trước ngày 01 tháng 10 năm 2021', { file: 't.txt' }).citations;
    expect(got.map((c) => [c.surface, c.date])).toEqual([['Luật Việc làm', null]]);
  });
});

describe('lists', () => {
  it.each<[string, string, Row[]]>([
    ['one type word and issuer for several numbers', 'Căn cứ các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg ngày 30/9/2021; số 1486/QĐ-TTg ngày 10/10/2021;', [['Quyết định', '1400/QĐ-TTg', '2021-09-30', 'Thủ tướng Chính phủ'], ['Quyết định', '1486/QĐ-TTg', '2021-10-10', 'Thủ tướng Chính phủ']]],
    ['items separated by commas', 'Căn cứ các Nghị định của Chính phủ: số 15/2020/NĐ-CP, số 14/2022/NĐ-CP;', [['Nghị định', '15/2020/NĐ-CP', null, 'Chính phủ'], ['Nghị định', '14/2022/NĐ-CP', null, 'Chính phủ']]],
    ['a bare "số" after a citation', 'Thực hiện Nghị quyết số 19-NQ/TW, số 20-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XII;', [['Nghị quyết', '19-NQ/TW', '2017-10-25', 'Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XII'], ['Nghị quyết', '20-NQ/TW', '2017-10-25', 'Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XII']]],
    ['a date and issuer given once for two', 'Căn cứ Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị;', [['Quyết định', '217-QĐ/TW', '2013-12-12', 'Bộ Chính trị'], ['Quyết định', '218-QĐ/TW', '2013-12-12', 'Bộ Chính trị']]],
    ['an amendment chain of one issuer', 'ban hành kèm theo Thông tư số 15/2020/TT-BGDĐT ngày 26/5/2020 được sửa đổi, bổ sung tại Thông tư số 05/2021/TT-BGDĐT ngày 12/3/2021 của Bộ trưởng Bộ Giáo dục và Đào tạo;', [['Thông tư', '15/2020/TT-BGDĐT', '2020-05-26', 'Bộ trưởng Bộ Giáo dục và Đào tạo'], ['Thông tư', '05/2021/TT-BGDĐT', '2021-03-12', 'Bộ trưởng Bộ Giáo dục và Đào tạo']]],
    ['the issuer before "tại các văn bản:", items typed by their codes, the first with a capital "Số"', 'Theo đề nghị của Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch tại các văn bản: Số 202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, số 201/BC-BVHTTDL ngày 11 tháng 5 năm 2026;', [['Tờ trình', '202/TTr-BVHTTDL', '2026-05-11', 'Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch'], ['Báo cáo', '201/BC-BVHTTDL', '2026-05-11', 'Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch']]],
    ['a list joined to the list before it shares its issuer', 'theo đề nghị của Bộ trưởng Bộ Tư pháp tại các Tờ trình: Số 20/TTr-BTP ngày 11/5/2026, số 19/TTr-BTP ngày 06/5/2026 và các Báo cáo: Số 21/BC-BTP ngày 11/5/2026;', [['Tờ trình', '20/TTr-BTP', '2026-05-11', 'Bộ trưởng Bộ Tư pháp'], ['Tờ trình', '19/TTr-BTP', '2026-05-06', 'Bộ trưởng Bộ Tư pháp'], ['Báo cáo', '21/BC-BTP', '2026-05-11', 'Bộ trưởng Bộ Tư pháp']]],
    ['a list whose colon ends the line, then a second list in the same sentence', 'theo đề nghị của Bộ trưởng Bộ Tư pháp tại các Tờ trình:\nSố 20/TTr-BTP ngày 11/5/2026, số 19/TTr-BTP ngày 06/5/2026 và các Báo cáo: Số 21/BC-BTP ngày 11/5/2026, số 18/BC-BTP ngày 06/5/2026;', [['Tờ trình', '20/TTr-BTP', '2026-05-11', 'Bộ trưởng Bộ Tư pháp'], ['Tờ trình', '19/TTr-BTP', '2026-05-06', 'Bộ trưởng Bộ Tư pháp'], ['Báo cáo', '21/BC-BTP', '2026-05-11', 'Bộ trưởng Bộ Tư pháp'], ['Báo cáo', '18/BC-BTP', '2026-05-06', 'Bộ trưởng Bộ Tư pháp']]],
    ['a list going on with bare symbols', 'các Quyết định của Thủ tướng Chính phủ số: 1521/QĐ-TTg ngày 06/10/2020 ban hành Kế hoạch; 21/2021/QĐ-TTg ngày 21/6/2021 quy định về nhà ở;', [['Quyết định', '1521/QĐ-TTg', '2020-10-06', 'Thủ tướng Chính phủ'], ['Quyết định', '21/2021/QĐ-TTg', '2021-06-21', 'Thủ tướng Chính phủ']]],
    ['a citation nested in an item\'s subject, between two items', 'Căn cứ các Nghị định của Chính phủ: số 120/2018/NĐ-CP ngày 13/9/2018 về sửa đổi, bổ sung một số điều Nghị định số 77/2015/NĐ-CP ngày 10/9/2015 của Chính phủ về kế hoạch đầu tư công; số 136/2015/NĐ-CP ngày 31/12/2015 về hướng dẫn;', [['Nghị định', '120/2018/NĐ-CP', '2018-09-13', 'Chính phủ'], ['Nghị định', '77/2015/NĐ-CP', '2015-09-10', 'Chính phủ'], ['Nghị định', '136/2015/NĐ-CP', '2015-12-31', 'Chính phủ']]],
    ['a second law of one name after a wrapped date (CRLF)', 'Căn cứ Luật Ngân sách nhà nước số 01/2002/QH11 ngày 16\r\ntháng 12 năm 2002;\r\nsố 83/2015/QH13 ngày 25 tháng 6 năm 2015;', [['Luật', '01/2002/QH11', '2002-12-16', null], ['Luật', '83/2015/QH13', '2015-06-25', null]]],
    ['the last item\'s date is not the others\' when their years differ', 'theo quy định tại các Quyết định: số 290/2005/QĐ-TTg , số 188/2007/QĐ-TTg , số 49/2015/QĐ-TTg ngày 14 tháng 10 năm 2015 của Thủ tướng Chính phủ về chế độ;', [['Quyết định', '290/2005/QĐ-TTg', null, 'Thủ tướng Chính phủ'], ['Quyết định', '188/2007/QĐ-TTg', null, 'Thủ tướng Chính phủ'], ['Quyết định', '49/2015/QĐ-TTg', '2015-10-14', 'Thủ tướng Chính phủ']]],
    ['a Party pair of one day shares it', 'Thực hiện Nghị quyết số 19-NQ/TW, số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;', [['Nghị quyết', '19-NQ/TW', '2017-10-25', 'Ban Chấp hành Trung ương'], ['Nghị quyết', '20-NQ/TW', '2017-10-25', 'Ban Chấp hành Trung ương']]],
    ['an item after a nested citation takes the type its own code names', 'các Thông tư liên tịch số 144/2008/TTLT-BQP-BLĐTBXH-BTC ngày 11/11/2008 hướng dẫn thực hiện Quyết định số 142/2008/QĐ-TTg ; số 05/2010/TTLT-BCA-BLĐTBXH-BTC ngày 8 tháng 11 năm 2010 của liên Bộ Công an, Bộ LĐTBXH và Bộ Tài chính hướng dẫn;', [['Thông tư liên tịch', '144/2008/TTLT-BQP-BLĐTBXH-BTC', '2008-11-11', null], ['Quyết định', '142/2008/QĐ-TTg', null, null], ['Thông tư liên tịch', '05/2010/TTLT-BCA-BLĐTBXH-BTC', '2010-11-08', 'liên Bộ Công an, Bộ LĐTBXH và Bộ Tài chính']]],
    ['a list laid out one item a line', 'Căn cứ các Quyết định của Bộ trưởng Bộ Lao động - Thương binh và Xã hội: Số 1025/QĐ-LĐTBXH ngày 03/8/2016 về việc công bố thủ tục;\r\nsố 547/QĐ-LĐTBXH ngày 21/5/2020 về việc công bố thủ tục;', [['Quyết định', '1025/QĐ-LĐTBXH', '2016-08-03', 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội'], ['Quyết định', '547/QĐ-LĐTBXH', '2020-05-21', 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội']]],
  ])('%s', (_name, text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('does not lend a nested citation\'s issuer to the one describing it', () => {
    const got = read('Tiếp tục thực hiện Kết luận số 822-KL/TU về sơ kết 03 năm thực hiện Chỉ thị số 56-CT/TU ngày 26/11/2019 của Ban Thường vụ Tỉnh ủy về công tác dân vận.');
    expect(got).toEqual([
      ['Kết luận', '822-KL/TU', null, null],
      ['Chỉ thị', '56-CT/TU', '2019-11-26', 'Ban Thường vụ Tỉnh ủy'],
    ]);
  });
});

describe('what stands between number, date and issuer', () => {
  it.each<[string, string, Row[]]>([
    ['the issuer before the date', 'Căn cứ Nghị định số 38/2023/NĐ-CP của Chính phủ ngày 24/6/2023 về thi đua;', [['Nghị định', '38/2023/NĐ-CP', '2023-06-24', 'Chính phủ']]],
    ['"ban hành" in capitals ends the issuer', 'BÃI BỎ QUYẾT ĐỊNH SỐ 181/2006/QĐ-BQP NGÀY 31 THÁNG 10 NĂM 2006 CỦA BỘ TRƯỞNG BỘ QUỐC PHÒNG BAN HÀNH QUY CHẾ', [['Quyết định', '181/2006/QĐ-BQP', '2006-10-31', 'BỘ TRƯỞNG BỘ QUỐC PHÒNG']]],
    ['a comma before the date', 'Thực hiện Quyết định số 78-QĐ/TW, ngày 01/8/2022 của Bộ Chính trị;', [['Quyết định', '78-QĐ/TW', '2022-08-01', 'Bộ Chính trị']]],
    ['a spaced comma', 'Căn cứ Thông tư số 32/2020/TT-BGDĐT , ngày 15/9/2020 của Bộ Giáo dục và Đào tạo;', [['Thông tư', '32/2020/TT-BGDĐT', '2020-09-15', 'Bộ Giáo dục và Đào tạo']]],
    ['the issuer after the date without "của"', 'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 Chính phủ về thực hiện cơ chế một cửa;', [['Nghị định', '61/2018/NĐ-CP', '2018-04-23', 'Chính phủ']]],
    ['the issuer before the type word ("của … tại")', 'Xét đề nghị của Sở Nội vụ tại Tờ trình số 91/TTr-SNV ngày 10/3/2023.', [['Tờ trình', '91/TTr-SNV', '2023-03-10', 'Sở Nội vụ']]],
    ['the issuer before the type word, a comma before "tại"', 'Xét đề nghị của Giám đốc Sở Y tế, tại Tờ trình số 583/TTr-SYT ngày 11/6/2007,', [['Tờ trình', '583/TTr-SYT', '2007-06-11', 'Giám đốc Sở Y tế']]],
    ['a capitalised subject word ends the issuer', 'Căn cứ Quyết định số 12/2020/QĐ-UBND ngày 02/3/2020 của Ủy ban nhân dân tỉnh Quảng Nam Về việc ban hành quy chế;', [['Quyết định', '12/2020/QĐ-UBND', '2020-03-02', 'Ủy ban nhân dân tỉnh Quảng Nam']]],
    ['a field word right after a head word stays in the name', 'Thực hiện Công văn số 45/SQHKT ngày 02/3/2020 của Sở Quy hoạch - Kiến trúc về cấp phép;', [['Công văn', '45/SQHKT', '2020-03-02', 'Sở Quy hoạch - Kiến trúc']]],
    ['a body before "theo" whose name the symbol contradicts is not the issuer', 'thực hiện nhiệm vụ của Sở Nội vụ theo Quyết định số 12/QĐ-UBND ngày 02/3/2020.', [['Quyết định', '12/QĐ-UBND', '2020-03-02', null]]],
    ['a body before "theo" the symbol names is the issuer', 'Căn cứ chỉ đạo của Ủy ban nhân dân tỉnh theo Công văn số 45/UBND-VX ngày 02/3/2020.', [['Công văn', '45/UBND-VX', '2020-03-02', 'Ủy ban nhân dân tỉnh']]],
    ['the issuer closing the item ("… do X ban hành")', 'Nghị quyết 85/2014/QH13 về lấy phiếu tín nhiệm đối với người giữ chức vụ do Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn do Quốc hội ban hành\n', [['Nghị quyết', '85/2014/QH13', null, 'Quốc hội']]],
    ['a year between the number and "của"', 'Thực hiện Kế hoạch số 12/KH-UBND năm 2020 của Ủy ban nhân dân huyện về chuyển đổi số;', [['Kế hoạch', '12/KH-UBND', null, 'Ủy ban nhân dân huyện']]],
    ['an impossible date between the number and "của"', 'Căn cứ Quyết định số 30/2008/QĐ-TTg ngày 145/7/2008 của Thủ tướng Chính phủ về quy hoạch;', [['Quyết định', '30/2008/QĐ-TTg', null, 'Thủ tướng Chính phủ']]],
    ['a qualifier whose last syllable ends a type word too ("thẩm định")', 'kèm theo Văn bản thẩm định số 312/STP-KSTT ngày 08/4/2014 của Sở Tư pháp,', [['Văn bản', '312/STP-KSTT', '2014-04-08', 'Sở Tư pháp']]],
    ['the issuing clause broken before the type word, its full stop lost', 'triển khai chuẩn tiếp cận pháp luật năm 2020\nNgày 25/3/2020, Sở Tư pháp ban hành\nVăn bản số 473/STP-PBGDPL về việc hướng dẫn thực hiện.', [['Văn bản', '473/STP-PBGDPL', '2020-03-25', 'Sở Tư pháp']]],
    ['a symbol\'s tail written twice is not part of it', 'Thực hiện Nghị quyết số 37-NQ/TW NQ/TW ngày 24/12/2018 của Bộ Chính trị về sắp xếp;', [['Nghị quyết', '37-NQ/TW', '2018-12-24', 'Bộ Chính trị']]],
    ['a date after a spaced dash is not part of the symbol', '(Nguồn: công văn số 2983/UBND-VP - 22/09/2020)', [['Công văn', '2983/UBND-VP', null, null]]],
    ['the issuer of a list\'s intro before its first item', 'Căn cứ các văn bản của Bộ Giáo dục và Đào tạo: Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 ban hành Điều lệ trường;', [['Thông tư', '32/2020/TT-BGDĐT', '2020-09-15', 'Bộ Giáo dục và Đào tạo']]],
    ['the level of the body after its symbol', 'Thực hiện Kế hoạch số 07/KH-HĐND xã ngày 02/11/2023 của thường trực HĐND xã Nam Cao;', [['Kế hoạch', '07/KH-HĐND', '2023-11-02', 'thường trực HĐND xã Nam Cao']]],
    ['a council with a spaced dash in its name', 'Căn cứ Kế hoạch số 16/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương về tổng kết;', [['Kế hoạch', '16/KH-HĐTĐKT', '2021-08-31', 'Hội đồng Thi đua - Khen thưởng Trung ương']]],
    ['a consolidated text', 'Căn cứ Văn bản hợp nhất số 03/VBHN-BGDĐT ngày 03/6/2022 của Bộ trưởng Bộ Giáo dục và Đào tạo;', [['Văn bản hợp nhất', '03/VBHN-BGDĐT', '2022-06-03', 'Bộ trưởng Bộ Giáo dục và Đào tạo']]],
    ['a school before its verb', 'Ngày 05/9/2023, Trường THCS Lê Lợi ban hành Kế hoạch số 45/KH-THCS về năm học mới.', [['Kế hoạch', '45/KH-THCS', '2023-09-05', 'Trường THCS Lê Lợi']]],
    ['a ministry that "hướng dẫn tại"', 'Bộ Y tế hướng dẫn tại Công văn số 1234/BYT-KCB ngày 02/02/2023 về khám bệnh.', [['Công văn', '1234/BYT-KCB', '2023-02-02', 'Bộ Y tế']]],
    ['the issuer before "ban hành theo"', 'Căn cứ Quy chế Cán bộ Đoàn do Ban Bí thư Trung ương Đảng ban hành theo Quyết định số 289-QĐ/TW ngày 08/02/2010;', [['Quyết định', '289-QĐ/TW', '2010-02-08', 'Ban Bí thư Trung ương Đảng']]],
    ['the issuer before a bracketed citation', 'Xét đề nghị của Trưởng Phòng Giáo dục quận 8 (Công văn số 931/PGD ngày 19 tháng 6 năm 2006) và Trưởng Phòng Nội vụ quận 8,', [['Công văn', '931/PGD', '2006-06-19', 'Trưởng Phòng Giáo dục quận 8']]],
    ['the issuer before the type word ("… đã ban hành")', 'Sở Y tế đã ban hành Công văn số 1234/SYT-NVY ngày 02/02/2023 hướng dẫn phòng dịch.', [['Công văn', '1234/SYT-NVY', '2023-02-02', 'Sở Y tế']]],
    ['joint issuers after "giữa"', 'Căn cứ Thông tư liên tịch số 183/2010/TTLT-BTC-BNN ngày 15/11/2010 giữa Bộ Tài chính và Bộ Nông nghiệp và PTNT hướng dẫn chế độ;', [['Thông tư liên tịch', '183/2010/TTLT-BTC-BNN', '2010-11-15', 'Bộ Tài chính và Bộ Nông nghiệp và PTNT']]],
    ['a ministry named with a comma', 'Căn cứ Thông tư số 04/2011/TT-BVHTTDL ngày 21/01/2011 của Bộ Văn hóa, Thể thao và Du lịch quy định về lễ hội;', [['Thông tư', '04/2011/TT-BVHTTDL', '2011-01-21', 'Bộ Văn hóa, Thể thao và Du lịch']]],
    ['the old placement of a tone mark ("hoá") inside a name', 'Căn cứ Quyết định số 10/QĐ-BVHTTDL ngày 02/01/2024 của Bộ Văn hoá, Thể thao và Du lịch về lễ hội;', [['Quyết định', '10/QĐ-BVHTTDL', '2024-01-02', 'Bộ Văn hoá, Thể thao và Du lịch']]],
    ['"Sở Thông tin và Truyền thông"', 'Thực hiện Công văn số 197/STTTT ngày 02/2/2021 của Sở Thông tin và Truyền thông; Kế hoạch số 5/KH-UBND ngày 03/01/2021 của UBND xã.', [['Công văn', '197/STTTT', '2021-02-02', 'Sở Thông tin và Truyền thông'], ['Kế hoạch', '5/KH-UBND', '2021-01-03', 'UBND xã']]],
    ['a ministry named with a dash', 'Căn cứ Thông tư số 09/2022/TT-BLĐTBXH ngày 25/5/2022 của Bộ Lao động - Thương binh và Xã hội hướng dẫn;', [['Thông tư', '09/2022/TT-BLĐTBXH', '2022-05-25', 'Bộ Lao động - Thương binh và Xã hội']]],
    ['a ministry whose name holds a type word', 'Căn cứ Thông tư số 15/2024/TT-BKHĐT ngày 30/9/2024 của Bộ Kế hoạch và Đầu tư quy định mẫu hồ sơ;', [['Thông tư', '15/2024/TT-BKHĐT', '2024-09-30', 'Bộ Kế hoạch và Đầu tư']]],
    ['Phát triển nông thôn', 'Căn cứ Thông tư số 21/2015/TT-BNNPTNT ngày 08/6/2015 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn về quản lý thuốc;', [['Thông tư', '21/2015/TT-BNNPTNT', '2015-06-08', 'Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn']]],
    ['a Party term in parentheses', 'Thực hiện Nghị quyết số 05-NQ/TU ngày 20/9/2021 của Ban Thường vụ Tỉnh ủy (khóa XX) về chuyển đổi số;', [['Nghị quyết', '05-NQ/TU', '2021-09-20', 'Ban Thường vụ Tỉnh ủy (khóa XX)']]],
    ['a doubled "của"', 'Thực hiện Kết luận số 137-KL/TW ngày 28/3/2025 của của Bộ Chính trị, Ban Bí thư về sắp xếp;', [['Kết luận', '137-KL/TW', '2025-03-28', 'Bộ Chính trị, Ban Bí thư']]],
    ['the date before the issuing verb', 'Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số 473/STP-PBGDPL về việc hướng dẫn.', [['Văn bản', '473/STP-PBGDPL', '2020-03-25', 'Sở Tư pháp']]],
    ['the type word and issuer before "số"', 'Căn cứ Quyết định của Thủ tướng Chính phủ số: 1521/QĐ-TTg ngày 06/10/2020;', [['Quyết định', '1521/QĐ-TTg', '2020-10-06', 'Thủ tướng Chính phủ']]],
    ['a body named in lower case', 'căn cứ nghị định số 73/2003/NĐ-CP ngày 23/6/2003 của chính phủ ban hành quy chế;', [['Nghị định', '73/2003/NĐ-CP', '2003-06-23', 'chính phủ']]],
    ['"số" glued to the number', 'Căn cứ Nghị định số159/2005/NĐ-CP ngày 27 tháng 12 năm 2005 của Chính phủ;', [['Nghị định', '159/2005/NĐ-CP', '2005-12-27', 'Chính phủ']]],
    ['a code run into "ngày"', 'Xét Báo cáo thẩm tra số 02/BC-BPCngày 11 tháng 12 năm 2006 của Ban Pháp chế;', [['Báo cáo', '02/BC-BPC', '2006-12-11', 'Ban Pháp chế']]],
    ['a law of eleven words', 'Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;', [['Luật', null, '2003-11-26', null]]],
    ['an issuer with a comma before "tại"', 'Xét đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch tại Tờ trình số 2653/TTr-SVHTTDL ngày 21/9/2016.', [['Tờ trình', '2653/TTr-SVHTTDL', '2016-09-21', 'Giám đốc Sở Văn hóa, Thể thao và Du lịch']]],
    ['the issuer closing a site\'s list item, CRLF line ends', '- 1Công văn 2067/BTC-NSNN hướng dẫn chi trả kinh phí do Bộ Tài chính ban hành\r\n- 2Quyết định 28/2014/QĐ-TTg quy định về giá điện do Thủ tướng Chính phủ ban hành\r\n', [['Công văn', '2067/BTC-NSNN', null, 'Bộ Tài chính'], ['Quyết định', '28/2014/QĐ-TTg', null, 'Thủ tướng Chính phủ']]],
    ['a date opening the next sentence ends the issuer', 'triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị Ngày 17-4, tại tỉnh Bắc Giang, Ban Tuyên giáo tổ chức hội nghị.', [['Chỉ thị', '05-CT/TW', null, 'Bộ Chính trị']]],
    ['"thi hành" opens the subject', 'Căn cứ Quy định số 30-QĐ/TW, ngày 26/7/2016 của Ban Chấp hành Trung ương thi hành Chương VII và Chương VIII Điều lệ Đảng;', [['Quy định', '30-QĐ/TW', '2016-07-26', 'Ban Chấp hành Trung ương']]],
    ['a council with its place, then the next body (a title run into the authority line)', 'THEO NGHỊ QUYẾT SỐ 02/NQ-HĐND NGÀY 19 THÁNG 01 NĂM 2024 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG NAI ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI', [['Nghị quyết', '02/NQ-HĐND', '2024-01-19', 'HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG NAI']]],
    ['a chairman of a placed committee keeps the committee', 'Căn cứ Quyết định số 12/QĐ-UBND ngày 02/3/2020 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai về quy chế;', [['Quyết định', '12/QĐ-UBND', '2020-03-02', 'Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai']]],
    ['a minister who heads an office ("Bộ trưởng, Chủ nhiệm …")', 'Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn;', [['Thông tư', '02/2017/TT-VPCP', '2017-10-31', 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ']]],
    ['a sub-committee and an organising board named with their lower-case terms', 'Thực hiện Công văn số 08-CV/TBVK ngày 23/10/2019 của Tiểu ban Văn kiện; Kế hoạch số 01/KH-BTCKN ngày 05/7/2021 của Ban Tổ chức kỷ niệm;', [['Công văn', '08-CV/TBVK', '2019-10-23', 'Tiểu ban Văn kiện'], ['Kế hoạch', '01/KH-BTCKN', '2021-07-05', 'Ban Tổ chức kỷ niệm']]],
    ['a place whose name ends in "Một"', 'Thực hiện Công văn số 533-CV/TU ngày 01/3/2023 của Thành ủy Thủ Dầu Một về chuyển đổi số;', [['Công văn', '533-CV/TU', '2023-03-01', 'Thành ủy Thủ Dầu Một']]],
    ['"kỷ" alone ends the name', 'Thực hiện Kế hoạch số 12/KH-UBND ngày 02/02/2023 của Ban Tổ chức kỷ luật nghiêm;', [['Kế hoạch', '12/KH-UBND', '2023-02-02', 'Ban Tổ chức']]],
    ['the partners of a joint rule joined by "với"', 'Thực hiện Quy chế phối hợp số 01-QCPH/UBND-BDVTU ngày 29/5/2015 giữa Ban Dân vận Tỉnh ủy với Ủy ban nhân dân tỉnh về công tác dân vận;', [['Quy chế', '01-QCPH/UBND-BDVTU', '2015-05-29', 'Ban Dân vận Tỉnh ủy với Ủy ban nhân dân tỉnh']]],
    ['"với" in a single body\'s citation ends the name', 'Thực hiện Kế hoạch số 12/KH-UBND ngày 02/02/2023 của Ủy ban nhân dân tỉnh với các sở, ngành;', [['Kế hoạch', '12/KH-UBND', '2023-02-02', 'Ủy ban nhân dân tỉnh']]],
    ['a committee in lower case after the date, "của" lost', 'Căn cứ Quyết định số 23/2021/QĐ-UBND ngày 12/08/2021 ủy ban nhân dân tỉnh Nghệ An việc ban hành quy định;', [['Quyết định', '23/2021/QĐ-UBND', '2021-08-12', 'ủy ban nhân dân tỉnh Nghệ An']]],
    ['a ministry with a comma in its name before "đã ban hành"', 'Ngày 02/11/2021, Sở Văn hóa, Thể thao và Du lịch đã ban hành Kế hoạch số 67/KH-SVHTTDL về lễ hội.', [['Kế hoạch', '67/KH-SVHTTDL', '2021-11-02', 'Sở Văn hóa, Thể thao và Du lịch']]],
    ['an abbreviated standing committee and an adverb before the verb', 'BTV Tỉnh ủy đã kịp thời ban hành Kế hoạch số 248-KH/TU ngày 9-8-2019 triển khai thực hiện.', [['Kế hoạch', '248-KH/TU', '2019-08-09', 'BTV Tỉnh ủy']]],
    ['OCR: "cong văn", "ngảy", and a general department', 'hướng dẫn tại các công văn số 2687/TCHQ-TXNK ngày 01/6/2021, cong văn số 5529/TCHQ-TXNK ngảy 24/11/2021 của Tổng cục Hải quan.', [['Công văn', '2687/TCHQ-TXNK', '2021-06-01', 'Tổng cục Hải quan'], ['Công văn', '5529/TCHQ-TXNK', '2021-11-24', 'Tổng cục Hải quan']]],
    ['a ministry\'s name wrapped at its spaced dash', 'Theo đề nghị của Sở Lao động\n- Thương binh và Xã hội tại Tờ trình số 92/TTr-SLĐTBXH ngày 06/4/2021.', [['Tờ trình', '92/TTr-SLĐTBXH', '2021-04-06', 'Sở Lao động - Thương binh và Xã hội']]],
    ['a body after the date and a comma is the next clause\'s subject', 'Thực hiện Công văn số 45/UBND-VX ngày 02/3/2020, Ủy ban nhân dân tỉnh xây dựng Kế hoạch như sau:', [['Công văn', '45/UBND-VX', '2020-03-02', null]]],
    ['the issuer written before two joined citations is both\'s; a Party body whose name holds the code\'s body', 'thực hiện chỉ đạo của Ban cán sự đảng Ủy ban nhân dân tỉnh tại Công văn số 571-CV/UBND ngày 06/12/2022 và Công văn số 591-CV/BCSĐ ngày 14/12/2022, Ủy ban nhân dân tỉnh xây dựng Kế hoạch.', [['Công văn', '571-CV/UBND', '2022-12-06', 'Ban cán sự đảng Ủy ban nhân dân tỉnh'], ['Công văn', '591-CV/BCSĐ', '2022-12-14', 'Ban cán sự đảng Ủy ban nhân dân tỉnh']]],
    ['the joint ministries of a joint circular ("của liên Bộ …")', 'Căn cứ Thông tư liên tịch số 21/2008/TTLT-BQP-BLĐTBXH-BTC ngày 26 tháng 02 năm 2008 của liên Bộ Quốc phòng - Bộ LĐTBXH - Bộ Tài chính sửa đổi Thông tư;', [['Thông tư liên tịch', '21/2008/TTLT-BQP-BLĐTBXH-BTC', '2008-02-26', 'liên Bộ Quốc phòng - Bộ LĐTBXH - Bộ Tài chính']]],
    ['a ministry\'s halves run together at the hyphen', 'Căn cứ Thông tư liên tịch số 47/2009/TTLT-BTC-BLĐTBXH ngày 11 tháng 3 năm 2009 của Bộ Tài chính, Bộ Lao động-Thương binh và Xã hội hướng dẫn cấp phát;', [['Thông tư liên tịch', '47/2009/TTLT-BTC-BLĐTBXH', '2009-03-11', 'Bộ Tài chính, Bộ Lao động-Thương binh và Xã hội']]],
    ['the issuer of a list written before it ("… công bố tại các Quyết định:")', 'thủ tục hành chính được Chủ tịch UBND tỉnh công bố tại các Quyết định: Số 2196/QĐ-UBND ngày 28/12/2021, số 1741/QĐ-UBND ngày 14/11/2019.', [['Quyết định', '2196/QĐ-UBND', '2021-12-28', 'Chủ tịch UBND tỉnh'], ['Quyết định', '1741/QĐ-UBND', '2019-11-14', 'Chủ tịch UBND tỉnh']]],
    ['a stray year before "ngày"', 'ban hành Kế hoạch thực hiện Chỉ thị số 14-CT/TW 2017 ngày 19/7/2017 của Ban Bí thư Trung ương Đảng khóa XII về người có công;', [['Chỉ thị', '14-CT/TW', '2017-07-19', 'Ban Bí thư Trung ương Đảng khóa XII']]],
    ['"của" at the end of a table row\'s line, the issuer on the next', '| 4 | Cấp Giấy xác nhận | Nghị định số 95/2021/NĐ-CP ngày 01 tháng 11 năm 2021 của\nChính phủ sửa đổi, bổ sung một số điều |', [['Nghị định', '95/2021/NĐ-CP', '2021-11-01', 'Chính phủ']]],
    ['a site\'s closing "do … ban hành" is only a list item\'s that opens its line', 'Bộ Tư pháp và các bộ thực hiện Nghị quyết 140/NQ-CP về chương trình hành động do Văn phòng Chính phủ ban hành\n- 2Quyết định 28/2014/QĐ-TTg quy định về giá điện do Thủ tướng Chính phủ ban hành\n', [['Nghị quyết', '140/NQ-CP', null, null], ['Quyết định', '28/2014/QĐ-TTg', null, 'Thủ tướng Chính phủ']]],
    ['a tax office of a region', 'Trả lời công văn số 4814/CCTKV.05-TTKT3 ngày 30/06/2025 của Chi Cục Thuế Khu vực V về thuế nhà thầu,', [['Công văn', '4814/CCTKV.05-TTKT3', '2025-06-30', 'Chi Cục Thuế Khu vực V']]],
    ['the issuer before a list when another body\'s name stands earlier in the clause', 'thủ tục của UBND cấp huyện và UBND cấp xã được Chủ tịch UBND tỉnh công bố tại các Quyết định: Số 2196/QĐ-UBND ngày 28/12/2021, số 1741/QĐ-UBND ngày 14/11/2019.', [['Quyết định', '2196/QĐ-UBND', '2021-12-28', 'Chủ tịch UBND tỉnh'], ['Quyết định', '1741/QĐ-UBND', '2019-11-14', 'Chủ tịch UBND tỉnh']]],
    ['a body that answers in a bracketed letter, and one that approved "tại"', 'UBND tỉnh trả lời (Công văn số 797/UBND-TN ngày 8/3/2017): quy hoạch được UBND tỉnh phê duyệt tại Quyết định số 3330/QĐ-UBND ngày 27/12/2016.', [['Công văn', '797/UBND-TN', '2017-03-08', 'UBND tỉnh'], ['Quyết định', '3330/QĐ-UBND', '2016-12-27', 'UBND tỉnh']]],
    ['an issuer before a Tờ trình is the joined Báo cáo\'s too', 'Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 237/TTr-STC ngày 27/7/2018 và Báo cáo số 332/BC-STC ngày 17/8/2018.', [['Tờ trình', '237/TTr-STC', '2018-07-27', 'Giám đốc Sở Tài chính'], ['Báo cáo', '332/BC-STC', '2018-08-17', 'Giám đốc Sở Tài chính']]],
    ['a steering committee named by its number', 'Thực hiện Quyết định số 3385/QĐ-BCĐ ngày 22/9/2025 của Trưởng Ban Chỉ đạo 934 phân công theo dõi;', [['Quyết định', '3385/QĐ-BCĐ', '2025-09-22', 'Trưởng Ban Chỉ đạo 934']]],
    ['a standing committee in lower case before its verb', 'Ngày 14/3/2023 Ban thường vụ Đảng ủy Khối ban hành Kế hoạch số 107-KH-ĐUK về cuộc thi.', [['Kế hoạch', '107-KH-ĐUK', '2023-03-14', 'Ban thường vụ Đảng ủy Khối']]],
    ['after a place\'s level a lower-case word starts the clause; its body and term do not', 'Thực hiện Kế hoạch số 12/KH-UBND ngày 02/02/2023 của UBND tỉnh xây dựng kế hoạch; Nghị quyết số 153/2008/NQ-HĐND ngày 13/10/2008 của Hội đồng nhân dân tỉnh khoá XVI; Công văn số 45-CV/TU ngày 02/3/2020 của Ban Thường vụ tỉnh ủy về đại hội.', [['Kế hoạch', '12/KH-UBND', '2023-02-02', 'UBND tỉnh'], ['Nghị quyết', '153/2008/NQ-HĐND', '2008-10-13', 'Hội đồng nhân dân tỉnh khoá XVI'], ['Công văn', '45-CV/TU', '2020-03-02', 'Ban Thường vụ tỉnh ủy']]],
    ['a committee\'s abbreviation in brackets inside its name', 'Căn cứ Quyết định số 1664/QĐ-UBND ngày 08/8/2023  của Ủy ban nhân dân (UBND) tỉnh Quảng Nam về việc ban hành Kế hoạch;', [['Quyết định', '1664/QĐ-UBND', '2023-08-08', 'Ủy ban nhân dân (UBND) tỉnh Quảng Nam']]],
    ['a head of office in lower case', 'Căn cứ Quyết định số 771 /QĐ-PGD&ĐT ngày  29/10/2020 của trưởng Phòng GD&ĐT huyện Ba Vì về việc công nhận;', [['Quyết định', '771 /QĐ-PGD&ĐT', '2020-10-29', 'trưởng Phòng GD&ĐT huyện Ba Vì']]],
    ['"do … ban hành tại" before the type word', 'thực hiện khung thời gian năm học 2022 – 2023 do UBND tỉnh Quảng Ngãi ban hành tại Quyết định số 1074/QĐ-UBND ngày 12/8/2022.', [['Quyết định', '1074/QĐ-UBND', '2022-08-12', 'UBND tỉnh Quảng Ngãi']]],
    ['a school\'s name closing the item; not a name inside a nested citation\'s item', 'Căn cứ kế hoạch số 12/KH-THTBS ngày 09/9/2024 về việc thực hiện kế hoạch giáo dục năm học 2024 - 2025 của Trường TH Tây Bắc Sơn.\nCăn cứ Kế hoạch số 15/KH-THTBS ngày 10/9/2024 thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Trường TH Tây Bắc Sơn.', [['Kế hoạch', '12/KH-THTBS', '2024-09-09', 'Trường TH Tây Bắc Sơn'], ['Kế hoạch', '15/KH-THTBS', '2024-09-10', null], ['Chỉ thị', '05-CT/TW', '2016-05-15', 'Trường TH Tây Bắc Sơn']]],
    ['"cua" for "của" before a capitalised body', '- Nghị định số 243/2025/NĐ-CP ngày 11/9/2025 cua Chính phủ;', [['Nghị định', '243/2025/NĐ-CP', '2025-09-11', 'Chính phủ']]],
    ['a name broken after a post\'s title or a bare head word, in a table cell; "của" opening the next line', '| 1 | Quyết định số 1565/QĐ-BTP ngày 13/7/2020 của Bộ\nTư pháp |\n| 2 | Quyết định số 23/2021/QĐ-TTg ngày 07/7/2021 của Thủ tướng\nChính phủ |\n| 3 | Nghị định số 77/2008/NĐ-CP ngày 16/7/2008\ncủa Chính phủ |', [['Quyết định', '1565/QĐ-BTP', '2020-07-13', 'Bộ Tư pháp'], ['Quyết định', '23/2021/QĐ-TTg', '2021-07-07', 'Thủ tướng Chính phủ'], ['Nghị định', '77/2008/NĐ-CP', '2008-07-16', 'Chính phủ']]],
    ['a body\'s whole name does not run on over a line break', 'Thực hiện Kế hoạch số 12/KH-UBND ngày 02/02/2023 của Bộ Tư pháp\nCăn cứ tình hình thực tế;', [['Kế hoạch', '12/KH-UBND', '2023-02-02', 'Bộ Tư pháp']]],
    ['an enterprise\'s legal form in its name', 'Trả lời công văn số 12/2025/CV-ABC ngày 02/3/2025 của Công ty cổ phần Minh Long về hóa đơn,', [['Công văn', '12/2025/CV-ABC', '2025-03-02', 'Công ty cổ phần Minh Long']]],
    ['a limited company of one member', 'Cục Thuế nhận được văn bản số 05/CV ngày 02/3/2025 của Công ty trách nhiệm hữu hạn một thành viên Hòa Bình về thuế.', [['Văn bản', '05/CV', '2025-03-02', 'Công ty trách nhiệm hữu hạn một thành viên Hòa Bình']]],
    ['an enterprise with its trade in lower case and an en dash', 'Trả lời công văn số 31-1203/PBHC-KD của Tổng Công ty Phân bón và Hóa chất Dầu khí – CTCP về hàng nhập khẩu,', [['Công văn', '31-1203/PBHC-KD', null, 'Tổng Công ty Phân bón và Hóa chất Dầu khí – CTCP']]],
    ['a wrapped enterprise name reads as one line', 'văn bản số 14/2025/CV-ABC ngày 12/8/2025 của Công ty cổ phần\nA.B.C về chính sách thuế', [['Văn bản', '14/2025/CV-ABC', '2025-08-12', 'Công ty cổ phần A.B.C']]],
    ['an enterprise\'s name on the line after its legal form (CRLF, a short line)', 'Cục Thuế nhận được văn bản số 15/2025/CV-ABC ngày 19/9/2025\r\ncủa Công ty cổ phần\r\nA.B.C về chính sách thuế.', [['Văn bản', '15/2025/CV-ABC', '2025-09-19', 'Công ty cổ phần A.B.C']]],
    ['a body\'s name does not run on over a short line', 'Thực hiện Kế hoạch số 12/KH-UBND ngày 02/02/2023 của Ủy ban nhân dân tỉnh\nCăn cứ tình hình thực tế;', [['Kế hoạch', '12/KH-UBND', '2023-02-02', 'Ủy ban nhân dân tỉnh']]],
    ['"một" alone does not continue a name', 'Căn cứ Thông tư số 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính một số điều;', [['Thông tư', '80/2021/TT-BTC', '2021-09-29', 'Bộ Tài chính']]],
    ['an abbreviated city before its name', 'Cục Thuế nhận được công văn số 9100/HAN-KTr5 ngày 06/8/2025 của Thuế TP. Hà Nội về hóa đơn.', [['Công văn', '9100/HAN-KTr5', '2025-08-06', 'Thuế TP. Hà Nội']]],
    ['a full stop after a name ends it', 'Thực hiện Công văn số 45/STP ngày 02/3/2020 của Sở Tư pháp. Tp Hà Nội có ý kiến như sau:', [['Công văn', '45/STP', '2020-03-02', 'Sở Tư pháp']]],
    ['a five-digit year is skipped, the issuer read', 'theo Quy định số 80-QĐ/TW ngày 18/8/20222 của Bộ Chính trị;', [['Quy định', '80-QĐ/TW', null, 'Bộ Chính trị']]],
  ])('%s', (_name, text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('does not read a number into an issuer\'s name, nor the next clause', () => {
    expect(read('Căn cứ Kế hoạch số 12/KH-UBND ngày 02/02/2023 của UBND tỉnh số lượng học sinh tăng;')).toEqual([['Kế hoạch', '12/KH-UBND', '2023-02-02', 'UBND tỉnh']]);
    expect(read('Thực hiện Văn bản số 979/BTP-PBGDPL ngày 19/3/2020 của Bộ Tư pháp, Sở Tư pháp hướng dẫn như sau:')[0]![3]).toBe('Bộ Tư pháp');
    // A joint instrument names several bodies, a comma between them.
    expect(read('Căn cứ Thông tư liên tịch số 08/2007/TTLT-BLĐTBXH-BTP ngày 11/7/2007 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, Bộ trưởng Bộ Tư pháp hướng dẫn;')[0]![3]).toBe(
      'Bộ trưởng Bộ Lao động - Thương binh và Xã hội, Bộ trưởng Bộ Tư pháp',
    );
  });
});

describe('citations with no proper type word', () => {
  it.each<[string, string, Row[]]>([
    ['a short form with a type word', '(sau đây gọi tắt là Chỉ thị số 19/CT-TTg)', [['Chỉ thị', '19/CT-TTg', null, null]]],
    ['a short form with only "số"', '(sau đây gọi tắt là số 19/CT-TTg)', [['Chỉ thị', '19/CT-TTg', null, null]]],
    ['"văn bản" with a type code', 'theo đề nghị tại văn bản số 91/TTr-SGDĐT ngày 10/3/2023', [['Tờ trình', '91/TTr-SGDĐT', '2023-03-10', null]]],
    ['"văn bản" without a type code stays a letter', 'theo văn bản số 1676/BGDĐT-GDTrH ngày 12/4/2023', [['Văn bản', '1676/BGDĐT-GDTrH', '2023-04-12', null]]],
    ['an all-capitals title', 'KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG NGÀY 16/7/2021 CỦA THỦ TƯỚNG CHÍNH PHỦ', [['Chỉ thị', '19/CT-TTG', '2021-07-16', 'THỦ TƯỚNG CHÍNH PHỦ']]],
    ['a qualifier between type word and "số"', 'Xét Báo cáo thẩm tra số 18/BC-HĐND ngày 22 tháng 6 năm 2016 của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh;', [['Báo cáo', '18/BC-HĐND', '2016-06-22', 'Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh']]],
    ['a line whose start was lost', 'ố 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019 của Chính phủ quy định về chế độ báo cáo;', [['Nghị định', '09/2019/NĐ-CP', '2019-01-24', 'Chính phủ']]],
    ['a bare number with its date and issuer, and its repeats', 'Liên đoàn triển khai Nghị quyết 02 ngày 12-6-2021 của Bộ Chính trị về đổi mới công đoàn. Cán bộ được quán triệt nội dung của Nghị quyết 02. Mục tiêu của Nghị quyết 02 là xây dựng công đoàn vững mạnh.', [['Nghị quyết', '02', '2021-06-12', 'Bộ Chính trị'], ['Nghị quyết', '02', null, null], ['Nghị quyết', '02', null, null]]],
    ['a programme\'s name, a bare number in prose, a number with a year, are no citation', 'Thực hiện Chương trình 135 của Chính phủ; Nghị quyết 02 đã đi vào cuộc sống; Quyết định 12 năm 2020 của tỉnh.', []],
  ])('%s', (_name, text, want) => {
    expect(read(text)).toEqual(want);
  });
});

describe('damaged symbols and dates: the right canonical key', () => {
  it.each<[string, string, string]>([
    ['a lost hyphen', 'Căn cứ Nghị định số 61/2018/NĐCP ngày 23/4/2018 của Chính phủ;', '61/2018/NĐ-CP'],
    ['a tax office\'s team number after a dot in its code', 'Trả lời công văn số 4814/CCTKV.05-TTKT3 ngày 30/06/2025 của Chi cục Thuế khu vực V;', '4814/CCTKV.05-TTKT3'],
    ['two codes joined by "&" across a space', 'Xét đề xuất của Sở Xây dựng tại Công văn số 15972/SXD-QLN& TTBĐS ngày 14 tháng 11 năm 2025 về nhà ở;', '15972/SXD-QLNTTBĐS'],
    ['a letter suffix and a lost hyphen', 'Căn cứ Nghị quyết số 30c/NQCP ngày 08/11/2011 của Chính phủ;', '30c/NQ-CP'],
    ['a spaced en dash', 'Căn cứ Quyết định số 86/QĐ – UBND ngày 12/01/2022 của UBND tỉnh;', '86/QĐ-UBND'],
    ['a spaced separator before a mixed-case code', 'Căn cứ Quyết định số 153/2006/QĐ - TTg ngày 30/6/2006 của Thủ tướng Chính phủ;', '153/2006/QĐ-TTg'],
    ['the hyphen after the number lost to a space', 'Căn cứ Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung ương Đoàn;', '84-QĐ/TWĐTN'],
    ['an issuer code split by a space', 'Căn cứ Thông tư 01/2016/TT-BGD ĐT ngày 15/01/2016 của Bộ Giáo dục và Đào tạo;', '01/2016/TT-BGDĐT'],
    ['Cyrillic look-alike capitals in a code', 'Căn cứ Thông tư số 06/2022/TT-B\u0422\u0421 ngày 08/02/2022 của Bộ trưởng Bộ Tài chính;', '06/2022/TT-BTC'],
    ['OCR "TƯ" in a provincial committee\'s symbol', 'Thực hiện Nghị quyết số 05-NQ/TƯ ngày 20/9/2021 của Ban Thường vụ Tỉnh ủy;', '05-NQ/TU'],
    ['"TƯ" of the centre', 'Thực hiện Chỉ thị số 05-CT/TƯ ngày 15/5/2016 của Bộ Chính trị;', '05-CT/TW'],
  ])('%s', (_name, text, canonical) => {
    const [c] = analyze(text, { file: 't.txt' }).citations;
    expect(c!.canonicalNumber).toBe(canonical);
  });

  it.each<[string, string, string | null, string | null, string]>([
    ['a space inside the year', 'Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ;', '2021-07-16', '16/7/20 21', 'Thủ tướng Chính phủ'],
    ['no space after "ngày"', 'Căn cứ Nghị định số 49/2013/NĐ-CP ngày14/5/2013 của Chính phủ;', '2013-05-14', '14/5/2013', 'Chính phủ'],
    ['an impossible date is written but not a date; the issuer after it is read', 'Căn cứ Quyết định số 99/2008/QĐ-TTg ngày 145/7/2008 của Thủ tướng Chính phủ;', null, '145/7/2008', 'Thủ tướng Chính phủ'],
  ])('%s', (_name, text, iso, written, issuer) => {
    const [c] = analyze(text, { file: 't.txt' }).citations;
    expect([c!.date, c!.dateWritten, c!.issuer]).toEqual([iso, written, issuer]);
  });
});

describe('what is not a citation', () => {
  it.each([
    'Quán triệt các nghị quyết, chỉ thị của Đảng, chính sách, pháp luật của Nhà nước.',
    'Triển khai Nghị quyết của Quốc hội về phát triển kinh tế - xã hội.',
    'theo quy định của Luật hiện hành.',
    'Kế hoạch này được triển khai đến các đơn vị.',
    // A site's English translation names the instruments again.
    "Pursuant to the Government's Decree No. 40/2025/ND-CP dated February 26, 2025; the Circular No. 12/2018/TT-BCT dated June 15, 2018.",
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('an instrument of another year with the document\'s own number is a citation', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 07/CT-UBND\nLâm Đồng, ngày 10 tháng 7 năm 2023\nCHỈ THỊ\nVề tăng cường quản lý\nThực hiện Chỉ thị số 07/CT-UBND ngày 31/5/2021 của UBND tỉnh về phòng cháy;';
    expect(read(text)).toEqual([['Chỉ thị', '07/CT-UBND', '2021-05-31', 'UBND tỉnh']]);
  });

  it('the own number of a header flattened into one line ("… Số: 23/2007/QĐ-BLĐTBXH Hà Nội, ngày …") is not a citation', () => {
    const text = 'Quyết định số 23/2007/QĐ-BLĐTBXH\n\nNội dung Text: Quyết định số 23/2007/QĐ-BLĐTBXH\n1. BỘ LAO ĐỘNG – THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BINH VÀ XÃ HỘI Độc lập – Tự do – Hạnh phúc Số: 23/2007/QĐ-BLĐTBXH Hà Nội, ngày 10 tháng 4 năm 2007 QUYẾT ĐỊNH Căn cứ Nghị định số 186/2007/NĐ-CP ngày 25/12/2007 của Chính phủ;';
    expect(read(text)).toEqual([['Nghị định', '186/2007/NĐ-CP', '2007-12-25', 'Chính phủ']]);
  });

  it('the number in a legal site\'s metadata table ("Số hiệu:") is the page\'s own: not a citation where the site names it', () => {
    const text = '**Số hiệu:**\n|\n5706/CT-CS\n|\n**Loại văn bản:**\n|\nCông văn\n|\nKính gửi: Công ty A.\nTheo Thông tư số 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính.\nCông văn 5706/CT-CS ngày 03/12/2025 về chính sách thuế do Cục Thuế ban hành\n';
    expect(read(text)).toEqual([['Thông tư', '80/2021/TT-BTC', '2021-09-29', 'Bộ Tài chính']]);
  });

  it('the document\'s own number is not a citation, in its header or in a site\'s title line', () => {
    const text = [
      'Quyết định 1281/QĐ-UBND năm 2014 công bố thủ tục hành chính',
      '',
      'ỦY BAN NHÂN DÂN',
      'TỈNH HÀ TĨNH',
      '',
      'Số: 1281/QĐ-UBND',
      '',
      'Hà Tĩnh, ngày 13 tháng 05 năm 2014',
      '',
      'QUYẾT ĐỊNH',
      '',
      'Căn cứ Quyết định số 08/2014/QĐ-UBND ngày 10/02/2014 của UBND tỉnh;',
    ].join('\n');
    expect(read(text)).toEqual([['Quyết định', '08/2014/QĐ-UBND', '2014-02-10', 'UBND tỉnh']]);
  });
});
