// Time-travel tests of the knowledge rules against the bundled registry.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/knowledge/registry.js';
import { createRegistryResolver } from '../../src/knowledge/resolver.js';
import amended from '../../src/lint/rules/amended-citation.js';
import defunct from '../../src/lint/rules/defunct-issuer.js';
import expiredPeriod from '../../src/lint/rules/expired-period.js';
import outdated from '../../src/lint/rules/outdated-citation.js';
import staleSeries from '../../src/lint/rules/stale-series.js';
import unverified from '../../src/lint/rules/unverified-citation.js';
import { makeDoc, run, type CitationSpec, type DocSpec } from './factory.js';

const resolver = createRegistryResolver(loadRegistry());

const TT36 = 'Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ Giáo dục và Đào tạo';
const tt36 = (section: CitationSpec['section'] = 'can_cu'): CitationSpec => ({
  surface: TT36,
  type: 'Thông tư',
  number: '36/2017/TT-BGDĐT',
  date: '2017-12-28',
  issuer: 'Bộ Giáo dục và Đào tạo',
  section,
});

/** A plan whose căn cứ preamble cites `citations` (section can_cu unless a citation says otherwise). */
function planCiting(date: string | null, citations: CitationSpec[], extra: Partial<DocSpec> = {}) {
  const text = `Lạc Thủy, ngày ...\nKẾ HOẠCH\nCăn cứ ${citations.map((c) => c.surface).join(';\nCăn cứ ')};\n`;
  return makeDoc({ text, date, citations: citations.map((c) => ({ section: 'can_cu' as const, ...c })), ...extra });
}

describe('outdated-citation', () => {
  it('Thông tư 36/2017 in a plan of 1/6/2024: nothing; of 1/8/2024: replaced by 09/2024 since 19/7/2024', () => {
    expect(run(outdated, planCiting('2024-06-01', [tt36()]), '2024-06-01', resolver)).toEqual([]);
    const [f, ...more] = run(outdated, planCiting('2024-08-01', [tt36()]), '2024-08-01', resolver);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'outdated-citation', severity: 'error', evidence: TT36, expected: 'Thông tư số 09/2024/TT-BGDĐT' });
    expect(f!.message).toContain('Thông tư số 09/2024/TT-BGDĐT');
    expect(f!.message).toContain('19/7/2024');
    expect(f!.messageEn).toContain('09/2024/TT-BGDĐT');
    expect(f!.messageEn).toContain('19 July 2024');
    expect(f!.url).toBe('https://tapchikhqlgd.edu.vn/2024/06/07/tu-ngay-19-7-2024-co-so-giao-duc-phai-cong-khai-nhung-noi-dung-gi/');
    expect(f!.message).not.toContain('suy luận');
  });

  it('is a warning outside the căn cứ preamble', () => {
    const [f] = run(outdated, planCiting('2024-08-01', [tt36('body')]), '2024-08-01', resolver);
    expect(f?.severity).toBe('warning');
  });

  it('Nghị định 43/2006 in a 2021 plan: names 16/2015 and its own successor 60/2021', () => {
    const nd43: CitationSpec = { surface: 'Nghị định số 43/2006/NĐ-CP ngày 25/4/2006 của Chính phủ', type: 'Nghị định', number: '43/2006/NĐ-CP', date: '2006-04-25', issuer: 'Chính phủ' };
    const [late] = run(outdated, planCiting('2021-10-01', [nd43]), '2021-10-01', resolver);
    expect(late!.message).toContain('Nghị định số 16/2015/NĐ-CP');
    expect(late!.message).toContain('06/4/2015');
    expect(late!.message).toContain('Nghị định số 60/2021/NĐ-CP');
    expect(late!.message).toContain('15/8/2021');
    expect(late!.expected).toBe('Nghị định số 60/2021/NĐ-CP');
    // Before 60/2021 took effect, 16/2015 is the instrument to cite.
    const [early] = run(outdated, planCiting('2021-03-01', [nd43]), '2021-03-01', resolver);
    expect(early!.expected).toBe('Nghị định số 16/2015/NĐ-CP');
    expect(early!.message).not.toContain('60/2021');
  });

  it('says so when the fact is inferred (Nghị định 04/2015 after the 2022 Law on grassroots democracy)', () => {
    const nd04: CitationSpec = { surface: 'Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ', type: 'Nghị định', number: '04/2015/NĐ-CP', date: '2015-01-09', section: 'body' };
    const [f] = run(outdated, planCiting('2024-03-01', [nd04]), '2024-03-01', resolver);
    expect(f!.message).toContain('(dữ kiện suy luận)');
    expect(f!.messageEn).toContain('(inferred fact)');
    expect(f!.message).toContain('Luật số 10/2022/QH15');
    expect(f!.url).toMatch(/^https:\/\/baochinhphu\.vn\//);
    expect(run(outdated, planCiting('2023-06-30', [nd04]), '2023-06-30', resolver)).toEqual([]);
  });

  it('matches a decree cited with a resolution code (04/2015/NQ-CP written under "Nghị định")', () => {
    const c: CitationSpec = { surface: 'Nghị định số 04/2015/NQ-CP ngày 09/01/2015', type: 'Nghị định', number: '04/2015/NQ-CP', date: '2015-01-09' };
    expect(run(outdated, planCiting('2023-10-15', [c]), '2023-10-15', resolver)).toHaveLength(1);
  });

  it('judges named laws too (Luật Tố cáo 2011 cited in 2020)', () => {
    const law: CitationSpec = { surface: 'Luật Tố cáo 2011', type: 'Luật', family: 'named', section: 'body' };
    const [f] = run(outdated, planCiting('2020-05-01', [law]), '2020-05-01', resolver);
    expect(f).toMatchObject({ severity: 'warning', expected: 'Luật số 25/2018/QH14' });
    expect(run(outdated, planCiting('2018-12-31', [law]), '2018-12-31', resolver)).toEqual([]);
  });

  it('reports an instrument once, however often it is cited', () => {
    const again = { ...tt36('body'), repeat: true };
    const doc = makeDoc({ text: `${TT36}; … ${TT36}.`, date: '2024-08-01', citations: [tt36('body'), again] });
    expect(run(outdated, doc, '2024-08-01', resolver)).toHaveLength(1);
  });
});

describe('amended-citation', () => {
  const nd90: CitationSpec = { surface: 'Nghị định 90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ', type: 'Nghị định', number: '90/2020/NĐ-CP', date: '2020-08-13', issuer: 'Chính phủ' };
  const nd48: CitationSpec = { surface: 'Nghị định số 48/2023/NĐ-CP ngày 17/7/2023 của Chính phủ', type: 'Nghị định', number: '48/2023/NĐ-CP', date: '2023-07-17', issuer: 'Chính phủ' };

  it('Nghị định 90/2020 cited in 2024 without 48/2023: info naming 48/2023, with its source', () => {
    const [f, ...more] = run(amended, planCiting('2024-03-01', [nd90]), '2024-03-01', resolver);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'amended-citation', severity: 'info' });
    expect(f!.message).toContain('Nghị định số 48/2023/NĐ-CP');
    expect(f!.message).toContain('15/9/2023');
    expect(f!.url).toMatch(/^https?:\/\//);
  });

  it('cited together with 48/2023, or before 48/2023 took effect: nothing', () => {
    expect(run(amended, planCiting('2024-03-01', [nd90, nd48]), '2024-03-01', resolver)).toEqual([]);
    expect(run(amended, planCiting('2023-09-14', [nd90]), '2023-09-14', resolver)).toEqual([]);
  });

  it('reports a partial repeal (16/2015, Điều 7 repealed by 106/2020) and leaves ended instruments to outdated-citation', () => {
    const nd16: CitationSpec = { surface: 'Nghị định số 16/2015/NĐ-CP', type: 'Nghị định', number: '16/2015/NĐ-CP' };
    const [f] = run(amended, planCiting('2021-03-01', [nd16]), '2021-03-01', resolver);
    expect(f!.message).toContain('bãi bỏ một phần');
    expect(f!.message).toContain('106/2020/NĐ-CP');
    expect(run(amended, planCiting('2021-09-01', [nd16]), '2021-09-01', resolver)).toEqual([]);
  });
});

describe('expired-period', () => {
  const kh: CitationSpec = {
    surface: 'Kế hoạch số 42/KH-UBND ngày 07/3/2022 của UBND tỉnh',
    type: 'Kế hoạch',
    number: '42/KH-UBND',
    date: '2022-03-07',
    subject: 'về truyền thông cải cách hành chính tỉnh Hòa Bình giai đoạn 2022-2025',
  };

  it('a plan for 2022-2025 cited as a basis in 2026: warning; in 2025: nothing', () => {
    const [f] = run(expiredPeriod, planCiting('2026-03-01', [kh]), '2026-03-01', resolver);
    expect(f).toMatchObject({ ruleId: 'expired-period', severity: 'warning' });
    expect(f!.message).toContain('giai đoạn 2022-2025');
    expect(f!.message).toContain('31/12/2025');
    expect(run(expiredPeriod, planCiting('2025-06-01', [kh]), '2025-06-01', resolver)).toEqual([]);
  });

  it('reads the registry title when the citation has no subject (35/NQ-CP is left to outdated-citation once expired)', () => {
    const nq35: CitationSpec = { surface: 'Nghị quyết số 35/NQ-CP ngày 04/6/2019', type: 'Nghị quyết', number: '35/NQ-CP', date: '2019-06-04' };
    expect(run(expiredPeriod, planCiting('2026-03-01', [nq35]), '2026-03-01', resolver)).toEqual([]);
    expect(run(outdated, planCiting('2026-03-01', [nq35]), '2026-03-01', resolver)[0]!.message).toContain('(dữ kiện suy luận)');
  });

  it('"năm 2021" of a yearly plan; not a law\'s year, not body text, not a review', () => {
    const yearly: CitationSpec = { surface: 'Kế hoạch số 12/KH-PGDĐT', type: 'Kế hoạch', number: '12/KH-PGDĐT', subject: 'công tác dân vận chính quyền năm 2021' };
    expect(run(expiredPeriod, planCiting('2022-02-01', [yearly]), '2022-02-01', resolver)).toHaveLength(1);
    const law: CitationSpec = { surface: 'Luật Thực hiện dân chủ ở cơ sở năm 2022', type: 'Luật', family: 'named', subject: 'Luật Thực hiện dân chủ ở cơ sở năm 2022' };
    expect(run(expiredPeriod, planCiting('2024-02-01', [law]), '2024-02-01', resolver)).toEqual([]);
    expect(run(expiredPeriod, planCiting('2022-02-01', [{ ...yearly, section: 'body' }]), '2022-02-01', resolver)).toEqual([]);
    expect(run(expiredPeriod, planCiting('2022-02-01', [yearly], { title: 'Tổng kết công tác dân vận năm 2021' }), '2022-02-01', resolver)).toEqual([]);
  });

  it('not in a Báo cáo, nor where the sentence tells of the plan being issued', () => {
    const yearly: CitationSpec = { surface: 'Kế hoạch số 12/KH-PGDĐT', type: 'Kế hoạch', number: '12/KH-PGDĐT', subject: 'công tác dân vận chính quyền năm 2021' };
    expect(run(expiredPeriod, planCiting('2022-02-01', [yearly], { type: 'Báo cáo' }), '2022-02-01', resolver)).toEqual([]);
    const told = (verb: string) =>
      makeDoc({
        text: `Lạc Thủy, ngày ...\nTHÔNG BÁO\nThực hiện chủ đề năm 2021, ngày 13/5/2021, Phòng Giáo dục ${verb} Kế hoạch số 12/KH-PGDĐT về công tác dân vận chính quyền năm 2021.\n`,
        date: '2022-02-01',
        type: 'Thông báo',
        citations: [{ ...yearly, section: 'can_cu' }],
      });
    expect(run(expiredPeriod, told('ban hành'), '2022-02-01', resolver)).toEqual([]);
    expect(run(expiredPeriod, told('đã ban hành'), '2022-02-01', resolver)).toEqual([]);
    // Carried out, not told of: the plan is still the basis.
    expect(run(expiredPeriod, told('thực hiện'), '2022-02-01', resolver)).toHaveLength(1);
  });
});

describe('stale-series', () => {
  const ct1112: CitationSpec = {
    surface: 'Chỉ thị số 1112/CT-BGDĐT của Bộ Giáo dục và Đào tạo',
    type: 'Chỉ thị',
    number: '1112/CT-BGDĐT',
    subject: 'về việc thực hiện nhiệm vụ trọng tâm năm học 2022-2023',
  };
  it('the 2022-2023 directive cited in October 2024: names the later plan of the series', () => {
    const [f, ...more] = run(staleSeries, planCiting('2024-10-01', [ct1112]), '2024-10-01', resolver);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'stale-series', severity: 'warning', expected: 'Quyết định số 2457/QĐ-BGDĐT' });
    expect(f!.message).toContain('(dữ kiện suy luận)');
    // expired-period leaves it to stale-series
    expect(run(expiredPeriod, planCiting('2024-10-01', [ct1112]), '2024-10-01', resolver)).toEqual([]);
  });
  it('nothing while the later one is not known to exist, or when it is cited too', () => {
    expect(run(staleSeries, planCiting('2023-10-01', [ct1112]), '2023-10-01', resolver)).toEqual([]);
    const qd: CitationSpec = { surface: 'Quyết định số 2457/QĐ-BGDĐT', type: 'Quyết định', number: '2457/QĐ-BGDĐT' };
    expect(run(staleSeries, planCiting('2024-10-01', [ct1112, qd]), '2024-10-01', resolver)).toEqual([]);
  });
});

describe('defunct-issuer', () => {
  const own = (date: string) =>
    makeDoc({ text: 'ỦY BAN NHÂN DÂN HUYỆN LẠC THỦY\nUBND huyện Lạc Thủy\nKẾ HOẠCH', date, issuingBody: 'UBND huyện Lạc Thủy' });

  it('a plan of 1/10/2026 issued by UBND huyện Lạc Thủy: error naming tỉnh Phú Thọ; dated 2024: nothing', () => {
    const [f, ...more] = run(defunct, own('2026-10-01'), '2026-10-01', resolver);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'defunct-issuer', severity: 'error', evidence: 'UBND huyện Lạc Thủy' });
    expect(f!.message).toContain('tỉnh Phú Thọ');
    expect(f!.message).toContain('01/7/2025');
    expect(f!.messageEn).toContain('tỉnh Phú Thọ');
    expect(run(defunct, own('2024-05-01'), '2024-05-01', resolver)).toEqual([]);
  });

  const sgd: CitationSpec = {
    surface: 'Kế hoạch số 2754/KH-SGDĐT ngày 20/9/2023 của Sở GD&ĐT Hòa Bình',
    type: 'Kế hoạch',
    number: '2754/KH-SGDĐT',
    date: '2023-09-20',
    issuer: 'Sở GD&ĐT Hòa Bình',
    section: 'can_cu',
  };
  it('citing Sở GD&ĐT Hòa Bình as a current authority in 2026: names Sở GDĐT tỉnh Phú Thọ; in 2024: nothing', () => {
    const [f] = run(defunct, planCiting('2026-10-01', [sgd]), '2026-10-01', resolver);
    expect(f).toMatchObject({ severity: 'warning', evidence: 'Sở GD&ĐT Hòa Bình', expected: 'Sở Giáo dục và Đào tạo tỉnh Phú Thọ' });
    expect(f!.message).toContain('tỉnh Phú Thọ');
    expect(f!.url).toMatch(/^https?:\/\//);
    expect(run(defunct, planCiting('2024-10-01', [sgd]), '2024-10-01', resolver)).toEqual([]);
  });

  it('an instrument dated after its issuer ended is a warning even in the body', () => {
    const late: CitationSpec = { ...sgd, surface: 'Kế hoạch số 12/KH-SGDĐT ngày 10/8/2025 của Sở GD&ĐT Hòa Bình', number: '12/KH-SGDĐT', date: '2025-08-10', section: 'body' };
    const [f] = run(defunct, planCiting('2025-09-01', [late]), '2025-09-01', resolver);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('10/8/2025');
  });
});

describe('unverified-citation', () => {
  it('Party Quy định 124-QĐ/TW cited as "Quyết định": warning showing what is known', () => {
    const c: CitationSpec = { surface: 'Quyết định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư', type: 'Quyết định', number: '124-QĐ/TW', date: '2018-02-02', issuer: 'Ban Bí thư' };
    const [f, ...more] = run(unverified, planCiting('2024-03-01', [c]), '2024-03-01', resolver);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', expected: 'Quy định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư' });
    expect(f!.message).toContain('"Quyết định"');
  });

  it('another issuer (1737/CT-BGDĐT attributed to the Prime Minister) or another date', () => {
    const c: CitationSpec = { surface: 'Chỉ thị số 1737/CT-BGDĐT ngày 07/5/2018 của Thủ tướng Chính phủ', type: 'Chỉ thị', number: '1737/CT-BGDĐT', date: '2018-05-07', issuer: 'Thủ tướng Chính phủ' };
    expect(run(unverified, planCiting('2023-05-05', [c]), '2023-05-05', resolver)[0]!.message).toContain('Bộ trưởng Bộ Giáo dục và Đào tạo');
    const d: CitationSpec = { surface: 'Thông tư số 36/2017/TT-BGDĐT ngày 28/11/2017', type: 'Thông tư', number: '36/2017/TT-BGDĐT', date: '2017-11-28' };
    expect(run(unverified, planCiting('2023-05-05', [d]), '2023-05-05', resolver)[0]!.message).toContain('28/12/2017');
  });

  it('unknown central legal-normative instruments are info; unknown local or Party ones are not reported', () => {
    const nq57: CitationSpec = { surface: 'Nghị quyết số 57/2022/QH15 ngày 16/6/2022 của Quốc hội', type: 'Nghị quyết', number: '57/2022/QH15', date: '2022-06-16' };
    const local: CitationSpec = { surface: 'Quyết định số 45/2019/QĐ-UBND ngày 04/11/2019', type: 'Quyết định', number: '45/2019/QĐ-UBND', date: '2019-11-04' };
    const plan: CitationSpec = { surface: 'Kế hoạch số 61/KH-SGDĐT ngày 12/01/2023', type: 'Kế hoạch', number: '61/KH-SGDĐT', date: '2023-01-12' };
    const party: CitationSpec = { surface: 'Kết luận số 14-KL/TW ngày 22/9/2021', type: 'Kết luận', number: '14-KL/TW', date: '2021-09-22' };
    const out = run(unverified, planCiting('2023-05-05', [nq57, local, plan, party]), '2023-05-05', resolver);
    expect(out.map((f) => [f.evidence, f.severity])).toEqual([[nq57.surface, 'info']]);
  });

  it('agrees silently with a correct citation', () => {
    expect(run(unverified, planCiting('2023-05-05', [tt36()]), '2023-05-05', resolver)).toEqual([]);
  });
});

describe('every knowledge rule', () => {
  const rules = [outdated, amended, expiredPeriod, staleSeries, defunct, unverified];
  const doc = planCiting('2026-10-01', [tt36()], { issuingBody: 'UBND huyện Lạc Thủy' });
  it('is silent without a resolver or a date', () => {
    for (const rule of rules) {
      expect(run(rule, doc, '2026-10-01', null), rule.id).toEqual([]);
      expect(run(rule, doc, null, resolver), rule.id).toEqual([]);
    }
  });
  it('puts a source URL on every outdated and amended finding', () => {
    const nd: CitationSpec[] = ['43/2006/NĐ-CP', '04/2015/NĐ-CP', '90/2020/NĐ-CP', '16/2015/NĐ-CP', '06/2019/TT-BGDĐT', '80/2015/QH13', '42/2013/QH13'].map((n) => ({
      surface: `văn bản số ${n}`,
      type: n.includes('TT') ? 'Thông tư' : n.includes('QH') ? 'Luật' : 'Nghị định',
      number: n,
    }));
    const found = ['2021-03-01', '2024-08-01', '2026-10-01'].flatMap((d) => [...run(outdated, planCiting(d, nd), d, resolver), ...run(amended, planCiting(d, nd), d, resolver)]);
    expect(found.length).toBeGreaterThan(8);
    for (const f of found) expect(f.url, f.message).toMatch(/^https?:\/\//);
  });
  it('writes every message in Vietnamese and English, with the rule docs in both', () => {
    for (const rule of rules) {
      expect(rule.docs.description.length).toBeGreaterThan(10);
      expect(rule.docs.descriptionEn.length).toBeGreaterThan(10);
      expect(rule.needsKnowledge).toBe(true);
    }
  });
});
