// What is the author's text and what is not: the completeness rules (date, issuer) judge the first
// citation in the author's own text, not a site's title line above the header, its list of related
// documents, the title (trích yếu), or a line that is only a label; the signature rule leaves an
// announced attachment alone and does not take a quoted "./." for the end of the document.
// Documents written for these tests, in the shapes found in real public documents.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { layout } from '../../src/citations/sections.js';
import { lint } from '../../src/lint/index.js';
import { loadBundledResolver } from '../../src/cli/commands/check.js';

async function findings(text: string, ruleId: string) {
  const doc = analyze(text, { file: 't.txt' });
  const found = lint(doc, { preset: 'strict', resolver: await loadBundledResolver() });
  return found.filter((f) => f.ruleId === ruleId).map((f) => `${f.line}: ${f.message}`);
}

const HEADER = 'ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 15/KH-UBND\nHòa Bình, ngày 10 tháng 3 năm 2023\n';

describe('citation-missing-date judges the first citation in the author’s text', () => {
  it('a title that names an instrument in short, cited in full below: no finding', async () => {
    const text = `${HEADER}QUYẾT ĐỊNH\nVề việc đính chính Quyết định số 120/QĐ-UBND của Ủy ban nhân dân tỉnh\nCăn cứ Quyết định số 120/QĐ-UBND ngày 02/02/2023 của Ủy ban nhân dân tỉnh về quy chế;\nQUYẾT ĐỊNH:\nĐiều 1. Đính chính.\n`;
    expect(await findings(text, 'citation-missing-date')).toEqual([]);
  });

  it('a title mention does not exempt the text: the first mention below without a date is reported', async () => {
    const text = `${HEADER}QUYẾT ĐỊNH\nVề việc đính chính Quyết định số 120/QĐ-UBND của Ủy ban nhân dân tỉnh\nCăn cứ Quyết định số 120/QĐ-UBND của Ủy ban nhân dân tỉnh về quy chế;\nQUYẾT ĐỊNH:\nĐiều 1. Đính chính.\n`;
    const found = await findings(text, 'citation-missing-date');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^7: .*120\/QĐ-UBND/u);
  });

  it('a line holding only the citation is a label, not a citation without a date', async () => {
    const text = `${HEADER}BẢNG SO SÁNH\nQuy chế làm việc khóa X,\nnhiệm kỳ 2015-2020\n(số 22-QC/TU)\n- Căn cứ Quy định số 29-QĐ/TW, ngày 25/7/2016 của Ban Chấp hành Trung ương;\n`;
    expect(await findings(text, 'citation-missing-date')).toEqual([]);
  });

  it('a list item with only the citation still needs its date', async () => {
    const text = `${HEADER}KẾ HOẠCH\nThực hiện công tác năm 2023\nCăn cứ các văn bản sau:\n- Quyết định số 88/QĐ-UBND của Ủy ban nhân dân tỉnh;\n- Kế hoạch số 61/KH-SGDĐT ngày 12/01/2023 của Sở Giáo dục và Đào tạo.\n`;
    const found = await findings(text, 'citation-missing-date');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/88\/QĐ-UBND/u);
  });

  it('a repeat written with other separators, and a headline over its lead, make a notice naming the dated line; a first mention dated only later stays a warning', async () => {
    const sev = async (text: string) => {
      const doc = analyze(text, { file: 't.txt' });
      return lint(doc, { preset: 'strict', resolver: await loadBundledResolver() }).filter((f) => f.ruleId === 'citation-missing-date').map((f) => `${f.line} ${f.severity}`);
    };
    expect(await sev(`${HEADER}Ngày 14/3/2023, Ban Thường vụ ban hành Kế hoạch số 107-KH-ĐUK về cuộc thi.\nThực hiện Kế hoạch số 107/KH-ĐUK của Đảng ủy Khối, Học viện phát động cuộc thi.\n`)).toEqual(['6 info']);
    expect(await sev('Hướng dẫn thực hiện Quy định 1913-QĐ/TU về tiêu chuẩn chức danh cán bộ\n\nTh 6, 19/06/2020 | 16:51 CH\n\nNgày 20/5/2020, Ban Thường vụ Tỉnh ủy ban hành Quy định số 1913-QĐ/TU ngày 20/5/2020 về tiêu chuẩn chức danh.\n')).toEqual(['1 info']);
    expect(await sev(`${HEADER}Căn cứ Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh về chuyển đổi số;\nCăn cứ Quyết định số 15/QĐ-UBND ngày 02/02/2023 của Ủy ban nhân dân tỉnh;\nĐiều 1. Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2023 của Ủy ban nhân dân tỉnh.\n`)).toEqual(['5 warning']);
  });

  it('a citation a cut excerpt ends on, its next word begun ("24-KH/TU ng"), lacks no date', async () => {
    expect(await findings(`${HEADER}Căn cứ Quyết định số 15/QĐ-UBND ngày 02/02/2023 của Ủy ban nhân dân tỉnh;\nCăn cứ Kế hoạch số 24-KH/TU ng`, 'citation-missing-date')).toEqual([]);
    expect((await findings(`${HEADER}Căn cứ Kế hoạch số 24-KH/TU ngoài kế hoạch năm.\n`, 'citation-missing-date')).length).toBe(1);
  });

  it('a site’s list of related documents above the header is not the author’s', async () => {
    const text = `- 1Luật Ngân sách Nhà nước 2002\n- 2Nghị quyết 759/2014/UBTVQH13 quy định chi tiết về hoạt động tiếp công dân\n- 3Luật Đầu tư công 2014\nHỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 34/2016/NQ-HĐND | Vĩnh Phúc, ngày 21 tháng 7 năm 2016 |\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n`;
    expect(await findings(text, 'citation-missing-date')).toEqual([]);
  });

  it('a site’s label "Số hiệu:" or a count "Số lượng" is not the document’s number line', () => {
    const site = 'Kế hoạch 49/KH-UBND năm 2018 thực hiện Đề án phát triển y tế cơ sở\nSố hiệu: | 49/KH-UBND | Loại văn bản: | Văn bản khác |\nSố lượng: 12/15 đơn vị\nCăn cứ Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;\n';
    expect(layout(site).numberLine).toBe(-1);
    expect(layout('ỦY BAN NHÂN DÂN\nSố 49/KH-UBND\nTuyên Quang, ngày 21 tháng 5 năm 2018\n').numberLine).toBe(1);
  });
});

describe('content-after-signature', () => {
  const SIGNED = 'Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n';

  it('an attachment the text announces ("kèm theo Quyết định") is not a leftover', async () => {
    const text = `${HEADER}QUYẾT ĐỊNH\nVề việc phê duyệt Điều lệ Hội\nĐiều 1. Nay phê duyệt Điều lệ Hội Cựu giáo chức (kèm theo Quyết định).\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n${SIGNED}ĐIỂU LỆ\nHỘI CỰU GIÁO CHỨC\nChương 1:\nTÊN GỌI CỦA HỘI, TÔN CHỈ MỤC ĐÍCH, LĨNH VỰC VÀ PHẠM VI HOẠT ĐỘNG CỦA HỘI\nĐiều 1. Tên gọi: Hội Cựu giáo chức, hoạt động theo Điều lệ này.\n`;
    expect(await findings(text, 'content-after-signature')).toEqual([]);
  });

  it('"./." closing a quoted sentence is not the signature when no signature follows', async () => {
    const text = `${HEADER}NGHỊ QUYẾT\nVề điều chỉnh dự toán ngân sách năm 2019\nĐiều 1. Thống nhất nội dung Tờ trình của Ủy ban nhân dân xã:\n- Chi thường xuyên: 10.000.000đ\nỦy ban nhân dân xã đề nghị Hội đồng nhân dân xã xem xét, quyết định./.\n( Có phụ lục chi tiết kèm theo)\nĐiều 2. Hội đồng nhân dân xã đồng ý với Tờ trình số 40/TTr-UBND ngày 18/7/2019 của Ủy ban nhân dân xã về điều chỉnh dự toán thu, chi ngân sách.\n`;
    expect(await findings(text, 'content-after-signature')).toEqual([]);
  });

  it('an annex headed "PHỤ LỤC" (in markdown bold) with a long title is not a leftover', async () => {
    const text = `${HEADER}CÔNG VĂN\nV/v xử lý kiến nghị\nỦy ban nhân dân tỉnh đề nghị các sở xử lý các kiến nghị tại Phụ lục.\n${SIGNED}**PHỤ LỤC**\nTỔNG HỢP ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG, ĐƠN VỊ VÀ PHÂN CÔNG XỬ LÝ CỤ THỂ\n*(Kèm theo Công văn số 15/UBND-TH ngày 10 tháng 3 năm 2023)*\n1. Đề nghị bố trí kinh phí cho các địa phương thực hiện chính sách hỗ trợ.\n`;
    expect(await findings(text, 'content-after-signature')).toEqual([]);
  });

  it('a long title in capitals followed by "(Ban hành kèm theo …)" is an annex; without that note it is reported', async () => {
    const annex = 'THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG THUỘC PHẠM VI QUẢN LÝ CỦA ỦY BAN NHÂN DÂN TỈNH TRONG LĨNH VỰC NỘI VỤ\n';
    const body = '1. Danh mục thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực nội vụ cấp tỉnh.\n';
    const start = `${HEADER}QUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính\nĐiều 1. Công bố thủ tục hành chính được sửa đổi.\n${SIGNED}`;
    expect(await findings(`${start}${annex}*(Ban hành kèm theo Quyết định số 20/QĐ-UBND ngày 10 tháng 3 năm 2023)*\n${body}`, 'content-after-signature')).toEqual([]);
    expect(await findings(`${start}${annex}${body}`, 'content-after-signature')).toHaveLength(1);
  });

  it('a closing note ("Ghi chú: …") under the signature is part of the notice', async () => {
    const text = `${HEADER}THÔNG BÁO\nVề kết quả xác định trước mã số\nỦy ban nhân dân tỉnh thông báo kết quả như sau.\n${SIGNED}Ghi chú: Kết quả xác định trước mã số trên chỉ có giá trị đối với tổ chức đã gửi đề nghị.\n`;
    expect(await findings(text, 'content-after-signature')).toEqual([]);
  });

  it('a signature block in markdown emphasis ("*Nơi nhận:*") is found; a footnote printed under it is part of the document', async () => {
    const body = `${HEADER}CÔNG VĂN\nV/v sắp xếp đơn vị hành chính\nBộ Nội vụ đề nghị các địa phương thực hiện[1].\n|\n*Nơi nhận:*\n- Như trên;\n- Lưu: VT.\n|\n**KT. BỘ TRƯỞNG**\nTHỨ TRƯỞNG\n**Trương Hải Long**\n|\n`;
    const doc = analyze(`${body}____________________\n[1] Hồ sơ dự thảo Nghị định hướng dẫn việc lấy ý kiến Nhân dân gửi Bộ Tư pháp thẩm định không có phụ lục kèm theo.\n`, { file: 't.txt' });
    expect(doc.layout.signatureStart).toBeGreaterThan(0);
    expect(await findings(`${body}____________________\n[1] Hồ sơ dự thảo Nghị định hướng dẫn việc lấy ý kiến Nhân dân gửi Bộ Tư pháp thẩm định không có phụ lục kèm theo.\n`, 'content-after-signature')).toEqual([]);
    expect(await findings(`${body}Kế hoạch năm học 2019 - 2020 của Trường Tiểu học An Bình gồm các nội dung tuyên truyền sau đây.\n`, 'content-after-signature')).toHaveLength(1);
  });

  it('another document pasted below the signature is still reported', async () => {
    const text = `${HEADER}KẾ HOẠCH\nThực hiện công tác dân vận năm 2023\nI. NỘI DUNG\nTổ chức tuyên truyền.\nTrên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.\n${SIGNED}KẾ HOẠCH\nThực hiện công tác năm học 2019 - 2020 của Trường Tiểu học An Bình, gồm các nội dung tuyên truyền sau đây.\n`;
    expect(await findings(text, 'content-after-signature')).toHaveLength(1);
  });
});

describe('can-cu-order ranks the instrument each item rests on', () => {
  it('a Nghị định named in a Thông tư’s description is not a căn cứ out of order', async () => {
    const text = `${HEADER}QUYẾT ĐỊNH\nVề việc phân cấp quản lý dự án\nCăn cứ Luật Xây dựng ngày 26/11/2003;\nCăn cứ Thông tư số 02/2007/TT-BXD ngày 14/02/2007 của Bộ Xây dựng hướng dẫn một số nội dung về: Lập, thẩm định dự án quy định tại Nghị định số 16/2005/NĐ-CP ngày 07/02/2005, Nghị định số 112/2006/NĐ-CP ngày 29/9/2006 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Phân cấp.\n`;
    expect(await findings(text, 'can-cu-order')).toEqual([]);
  });

  it('a ";" inside a description does not open an item', async () => {
    const text = `${HEADER}QUYẾT ĐỊNH\nVề việc phân cấp quản lý dự án\nCăn cứ các Nghị định của Chính phủ: số 16/2005/NĐ-CP ngày 07/02/2005 về quản lý dự án; số 99/2007/NĐ-CP ngày 13/6/2007 về chi phí;\nCăn cứ các Thông tư của Bộ Xây dựng: số 02/2007/TT-BXD ngày 14/02/2007 hướng dẫn về: lập dự án; giấy phép xây dựng quy định tại Nghị định số 16/2005/NĐ-CP; số 05/2007/TT-BXD ngày 25/7/2007 hướng dẫn lập dự toán;\nQUYẾT ĐỊNH:\nĐiều 1. Phân cấp.\n`;
    expect(await findings(text, 'can-cu-order')).toEqual([]);
  });

  it('names a law cited by name by its name, with no "số"', async () => {
    const text = `${HEADER}QUYẾT ĐỊNH\nVề việc công bố\nCăn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát;\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n`;
    const found = await findings(text, 'can-cu-order');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Căn cứ Luật Tổ chức chính quyền địa phương (');
    expect(found[0]).not.toContain('Luật số');
  });

  it('a Nghị định that is an item of its own after a Thông tư is reported', async () => {
    const text = `${HEADER}QUYẾT ĐỊNH\nVề việc phân cấp quản lý dự án\nCăn cứ Thông tư số 02/2007/TT-BXD ngày 14/02/2007 của Bộ Xây dựng hướng dẫn lập dự án;\nCăn cứ Nghị định số 112/2006/NĐ-CP ngày 29/9/2006 của Chính phủ về quản lý dự án;\nQUYẾT ĐỊNH:\nĐiều 1. Phân cấp.\n`;
    expect(await findings(text, 'can-cu-order')).toHaveLength(1);
  });
});

describe('symbol-missing', () => {
  it('a number at the very end of a cut excerpt is not a number without its symbol', async () => {
    expect(await findings(`${HEADER}QUYẾT ĐỊNH\nVề việc kiểm soát thủ tục\nXét đề nghị của Giám đốc Sở Tài nguyên và Môi trường tại Tờ trình số 31`, 'symbol-missing')).toEqual([]);
    expect(await findings(`${HEADER}QUYẾT ĐỊNH\nVề việc kiểm soát thủ tục\nXét đề nghị của Giám đốc Sở Tài nguyên và Môi trường tại Tờ trình số 31 ngày 02/3/2023.\nĐiều 1. Giao nhiệm vụ.\n`, 'symbol-missing')).toHaveLength(1);
  });

  it('a short form of an instrument the document cites with its whole symbol, before or after, lacks nothing', async () => {
    const after = `${HEADER}KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về chuyển đổi số (gọi tắt là Nghị quyết số 57), Ủy ban nhân dân tỉnh ban hành Kế hoạch.\nI. MỤC ĐÍCH\nTriển khai Nghị quyết số 57 đến cán bộ.\n`;
    expect(await findings(after, 'symbol-missing')).toEqual([]);
    expect(await findings(after, 'citation-missing-date')).toEqual([]);
    const before = `${HEADER}KẾ HOẠCH\nTriển khai Nghị quyết số 57 về chuyển đổi số\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n`;
    expect(await findings(before, 'symbol-missing')).toEqual([]);
    expect(await findings(before, 'citation-missing-date')).toEqual([]);
    // Another type with that number is another instrument: the short form still lacks its symbol.
    const other = `${HEADER}KẾ HOẠCH\nThực hiện Chỉ thị số 57-CT/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số 57 ngày 01/02/2023 của Tỉnh ủy.\n`;
    expect(await findings(other, 'symbol-missing')).toHaveLength(1);
  });
});

describe('symbol-missing says it once for each instrument, with the shapes of its type', () => {
  it('the first bare mention is reported, its repeats are not; the shapes are the type\'s, the issuer left open', async () => {
    const text = `${HEADER}KẾ HOẠCH\nTriển khai nghị quyết\nỦy ban nhân dân tỉnh triển khai Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị về đại hội. Các sở quán triệt Chỉ thị số 35 của Bộ Chính trị.\n`;
    const found = await findings(text, 'symbol-missing');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('"35/CT-…" hoặc "35-CT/…"');
    expect(found[0]).not.toMatch(/UBND|TW/u);
  });
});

describe('issuer-name-code-mismatch', () => {
  async function severities(text: string) {
    const doc = analyze(text, { file: 't.txt' });
    return lint(doc, { preset: 'strict', resolver: await loadBundledResolver() }).filter((f) => f.ruleId === 'issuer-name-code-mismatch').map((f) => f.severity);
  }

  it('is an error when the issuer is written right after the number and date', async () => {
    expect(await severities(`${HEADER}Căn cứ Thông tư số 12/2020/TT-BGDĐT ngày 02/3/2020 của Bộ Tài chính về học phí;\n`)).toEqual(['error']);
  });

  it('is a warning when the issuer is given once for a list', async () => {
    expect(await severities(`${HEADER}Căn cứ các Thông tư của Bộ Tài chính: số 12/2020/TT-BGDĐT ngày 02/3/2020; số 14/2021/TT-BTC ngày 05/4/2021;\n`)).toEqual(['warning']);
  });

  it('a Party body named before the citation: the Party shape is no state-symbol-party-style; the code\'s mismatch is a warning spanning issuer and citation', async () => {
    const text = `${HEADER}Thực hiện chỉ đạo của Ban cán sự đảng Ủy ban nhân dân tỉnh tại Công văn số 571-CV/UBND ngày 06/12/2022, Ủy ban nhân dân tỉnh xây dựng Kế hoạch.\n`;
    const doc = analyze(text, { file: 't.txt' });
    const found = lint(doc, { preset: 'strict', resolver: await loadBundledResolver() });
    expect(found.filter((f) => f.ruleId === 'state-symbol-party-style')).toEqual([]);
    const mismatch = found.filter((f) => f.ruleId === 'issuer-name-code-mismatch');
    expect(mismatch.map((f) => [f.severity, f.evidence])).toEqual([['warning', 'Ban cán sự đảng Ủy ban nhân dân tỉnh tại Công văn số 571-CV/UBND ngày 06/12/2022']]);
  });

  it('reads an OCR "TƯ" as the province\'s TU when the issuer is the Tỉnh ủy: no mismatch; the centre\'s code given to a Tỉnh ủy still is one', async () => {
    expect(await severities(`${HEADER}Thực hiện Chương trình số 14-CTr/TƯ ngày 01/02/2024 của Ban Thường vụ Tỉnh ủy về chuyển đổi số;\n`)).toEqual([]);
    expect(await severities(`${HEADER}Thực hiện Chương trình số 14-CTr/TW ngày 01/02/2024 của Ban Thường vụ Tỉnh ủy về chuyển đổi số;\n`)).toEqual(['error']);
  });
});

describe('a site’s lines above the header', () => {
  it('make at most notices; without a header below, the same line keeps its warnings', async () => {
    const site = '- 1 Kết luận 01-KL/TW năm 2021 về tiếp tục thực hiện Chỉ thị 05-CT/TW do Ban Chấp hành Trung ương ban hành\n';
    const body = `Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Ban Chấp hành Trung ương về học tập và làm theo tư tưởng Hồ Chí Minh;\n`;
    const text = `${site}ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/CT-UBND\nAn Giang, ngày 10 tháng 3 năm 2023\nCHỈ THỊ\nVề học tập và làm theo tư tưởng Hồ Chí Minh\n${body}`;
    const doc = analyze(text, { file: 't.txt' });
    const found = lint(doc, { preset: 'strict', resolver: await loadBundledResolver() });
    expect(found.filter((f) => f.line === 1 && f.severity !== 'info')).toEqual([]);
    expect(found.filter((f) => f.line === 1).length).toBeGreaterThan(0);
    // Without the site's line, the line-1 findings of the text itself are warnings as before.
    const plain = lint(analyze(`${site}Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n`, { file: 't.txt' }), { preset: 'strict', resolver: await loadBundledResolver() });
    expect(plain.some((f) => f.line === 1 && f.severity !== 'info')).toBe(true);
  });
});

describe('a web page around the document', () => {
  // A legal site's page: its banner, its metadata table (one cell a line), then the document.
  const metadata = ['Số hiệu:', '|', '471/QĐ-UBND', '|', 'Loại văn bản:', '|', 'Quyết định', '|', 'Nơi ban hành:', '|', 'Tỉnh Lào Cai', '|', 'Ngày ban hành:', '|', '10/03/2023', '|', 'Tình trạng:', '|', 'Đã biết', '|'];
  const banner = Array.from({ length: 12 }, (_, i) => `Mục ${i + 1} của trang`);
  const site = [...banner, ...metadata, ...metadata].join('\n') + '\n';
  const doc = 'ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 471/QĐ-UBND\nLào Cai, ngày 10 tháng 3 năm 2023\nQUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính quy định tại Thông tư số 05/2022/TT-BTP\nCăn cứ Thông tư số 05/2022/TT-BTP ngày 25/02/2022 của Bộ Tư pháp hướng dẫn;\nQUYẾT ĐỊNH:\nĐiều 1. Công bố thủ tục.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n';
  const below = 'Ban hành:\n|\n10/03/2023\n|\nHiệu lực:\n|\nĐã biết\n|\nTình trạng:\n|\nĐã biết\n|\nKết luận 12-KL/TW năm 2022 về công tác cán bộ do Ban Chấp hành Trung ương ban hành\nQuyết định 471/QĐ-UBND năm 2023 công bố thủ tục hành chính do Tỉnh Lào Cai ban hành\n';

  it('finds the header below forty lines of a site\'s text: the title\'s short mention lacks no date', async () => {
    const analysed = analyze(site + doc, { file: 't.txt' });
    expect(analysed.header.number).toBe('471/QĐ-UBND');
    expect(analysed.header.date).toBe('2023-03-10');
    expect(await findings(site + doc, 'citation-missing-date')).toEqual([]);
  });

  it('the site\'s metadata and lists below the document are not the author\'s text — though they are content after the signature, said once', async () => {
    const text = site + doc + below;
    expect(await findings(text, 'citation-missing-date')).toEqual([]);
    expect(await findings(text, 'content-after-signature')).toHaveLength(1);
    // The same list line inside the author's text is a citation without a date.
    const inBody = text.replace('Điều 1. Công bố thủ tục.', 'Điều 1. Công bố thủ tục theo Kết luận 12-KL/TW năm 2022 về công tác cán bộ.');
    expect((await findings(inBody, 'citation-missing-date')).length).toBe(1);
  });

  it('the site\'s title of the page above its metadata is its text too: a resolution named in that title takes no issuer from it', async () => {
    const sig = 'Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nĐỗ Ngọc Huỳnh\n';
    const top = 'VĂN PHÒNG CHÍNH PHỦ\nSố: 659/TB-VPCP\nHà Nội, ngày 29 tháng 11 năm 2025\nTHÔNG BÁO\nKết luận của Phó Thủ tướng\nBộ Tư pháp thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị.\n';
    const siteTitle = 'Thông báo 659/TB-VPCP năm 2025 kết luận của Phó Thủ tướng về tình hình thực hiện Nghị quyết 66-NQ/TW do Văn phòng Chính phủ ban hành\n';
    const text = `${top}${sig}${siteTitle}Văn bản liên quan\nBan hành:\n06/11/2025\nHiệu lực: Đã biết\nTình trạng: Đã biết\n`;
    const doc = analyze(text, { file: 't.txt' });
    const found = lint(doc, { preset: 'strict', resolver: await loadBundledResolver() }).filter((f) => f.line === 13 && f.ruleId !== 'content-after-signature');
    expect(found.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(doc.citations.filter((c) => c.line === 13).map((c) => c.issuer)).toEqual([null]);
  });

  it('a crawler\'s markdown title that opens with "Thực hiện" does not hide a header laid out as a table', async () => {
    const text = '# Thực hiện chế độ bảo hiểm theo quyết định số 290/2005/QĐ-TTg ngày 08 tháng 11 năm 2005 của Thủ tướng Chính phủ\n\n| ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| Số: 1766/QĐ-UBND | Bình Thuận, ngày 3 tháng 8 năm 2020 |\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nCăn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;\n';
    const doc = analyze(text, { file: 't.txt' });
    expect([doc.header.number, doc.header.date, doc.header.type]).toEqual(['1766/QĐ-UBND', '2020-08-03', 'Quyết định']);
    expect(await findings(text, 'can-cu-order')).toEqual([]);
  });

  it('the page\'s own document is not a citation, by the site\'s number or by the header\'s when they differ', () => {
    const text = (site + doc + below).replace('Số: 471/QĐ-UBND', 'Số: 417/QĐ-UBND');
    const cited = analyze(text, { file: 't.txt' }).citations.map((c) => c.number);
    expect(cited).not.toContain('471/QĐ-UBND');
    expect(cited).toContain('12-KL/TW');
  });
});

describe('an enterprise’s own letter is cited as the enterprise wrote it', () => {
  const CUC = 'BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 1200/CT-CS\nHà Nội, ngày 10 tháng 10 năm 2025\nV/v chính sách thuế\n';
  const rules = ['admin-has-year-segment', 'symbol-wrong-separator', 'type-code-unknown'];
  async function all(text: string) {
    const doc = analyze(text, { file: 't.txt' });
    return lint(doc, { preset: 'strict', resolver: await loadBundledResolver() }).filter((f) => rules.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.evidence}`);
  }

  it('no state table applies to a company’s symbol ("14/2025/CV-E.K.LM", "25-2303/PBHC-KD")', async () => {
    const text = `${CUC}Cục Thuế nhận được văn bản số 14/2025/CV-E.K.LM ngày 12/8/2025 của Công ty cổ phần E.K.LM về hóa đơn. Trả lời công văn số 25-2303/PBHC-KD ngày 02/9/2025 của Tổng Công ty Phân bón và Hóa chất Dầu khí – CTCP, Cục Thuế có ý kiến như sau:\n`;
    expect(await all(text)).toEqual([]);
  });

  it('the same symbols given to a state body are still reported', async () => {
    const text = `${CUC}Cục Thuế nhận được văn bản số 14/2025/CV-E.K.LM ngày 12/8/2025 của Sở Tài chính về hóa đơn. Trả lời công văn số 25-2303/PBHC-KD ngày 02/9/2025 của Ủy ban nhân dân tỉnh, Cục Thuế có ý kiến như sau:\n`;
    const found = await all(text);
    expect(found).toContain('admin-has-year-segment 14/2025/CV-E.K.LM');
    expect(found).toContain('symbol-wrong-separator 14/2025/CV-E.K.LM');
    expect(found).toContain('symbol-wrong-separator 25-2303/PBHC-KD');
  });
});
