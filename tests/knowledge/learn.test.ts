import { describe, expect, it } from 'vitest';
import { learnFacts } from '../../src/knowledge/learn.js';
import { periodOf, seriesOf } from '../../src/knowledge/periods.js';
import { loadRegistry } from '../../src/knowledge/registry.js';
import { createRegistryResolver } from '../../src/knowledge/resolver.js';
import outdated from '../../src/lint/rules/outdated-citation.js';
import amended from '../../src/lint/rules/amended-citation.js';
import { makeDoc, run, type CitationSpec } from './factory.js';

// A decree's closing article, modelled on Nghị định 60/2021/NĐ-CP (which did replace 16/2015 and
// 141/2016); the repeal and expiry clauses use made-up numbers.
const DECREE = [
  'CHÍNH PHỦ',
  'Số: 60/2021/NĐ-CP',
  'Hà Nội, ngày 21 tháng 6 năm 2021',
  'NGHỊ ĐỊNH',
  'Quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập',
  'Điều 43. Hiệu lực thi hành',
  '1. Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 8 năm 2021.',
  '2. Nghị định này thay thế Nghị định số 16/2015/NĐ-CP ngày 14 tháng 02 năm 2015 của Chính phủ quy định cơ chế tự chủ của đơn vị sự nghiệp công lập và Nghị định số 141/2016/NĐ-CP ngày 10 tháng 10 năm 2016 của Chính phủ.',
  '3. Bãi bỏ Điều 7 của Nghị định số 901/2019/NĐ-CP.',
  '4. Bãi bỏ Nghị định số 902/2019/NĐ-CP.',
  '5. Thông tư số 903/2006/TT-BTC hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.',
  '6. Quyết định số 904/2018/QĐ-TTg hết hiệu lực kể từ ngày 01 tháng 9 năm 2021.',
].join('\n');

const c = (surface: string, type: string, number: string, extra: Partial<CitationSpec> = {}): CitationSpec => ({ surface, type, number, ...extra });

function decree() {
  return makeDoc({
    text: DECREE,
    date: '2021-06-21',
    number: '60/2021/NĐ-CP',
    type: 'Nghị định',
    file: 'nd-60-2021.md',
    title: 'Quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập',
    citations: [
      c('Nghị định số 16/2015/NĐ-CP ngày 14 tháng 02 năm 2015 của Chính phủ', 'Nghị định', '16/2015/NĐ-CP', { date: '2015-02-14' }),
      c('Nghị định số 141/2016/NĐ-CP ngày 10 tháng 10 năm 2016 của Chính phủ', 'Nghị định', '141/2016/NĐ-CP', { date: '2016-10-10' }),
      c('Nghị định số 901/2019/NĐ-CP', 'Nghị định', '901/2019/NĐ-CP'),
      c('Nghị định số 902/2019/NĐ-CP', 'Nghị định', '902/2019/NĐ-CP'),
      c('Thông tư số 903/2006/TT-BTC', 'Thông tư', '903/2006/TT-BTC'),
      c('Quyết định số 904/2018/QĐ-TTg', 'Quyết định', '904/2018/QĐ-TTg'),
    ],
  });
}

describe('learnFacts', () => {
  it('reads replacement, repeal (whole and partial) and expiry clauses, with this document as the source', () => {
    const facts = learnFacts(decree());
    const summary = facts.map((f) => [f.subject, f.event.kind, f.event.by, f.event.date, f.event.confidence, f.event.partial]);
    expect(summary).toEqual([
      ['16/2015/NĐ-CP', 'replaced_by', '60/2021/NĐ-CP', '2021-08-15', 'stated', false],
      ['141/2016/NĐ-CP', 'replaced_by', '60/2021/NĐ-CP', '2021-08-15', 'stated', false],
      ['901/2019/NĐ-CP', 'repealed_by', '60/2021/NĐ-CP', '2021-08-15', 'stated', true],
      ['902/2019/NĐ-CP', 'repealed_by', '60/2021/NĐ-CP', '2021-08-15', 'stated', false],
      ['903/2006/TT-BTC', 'expired', '60/2021/NĐ-CP', '2021-08-15', 'stated', false],
      ['904/2018/QĐ-TTg', 'expired', '60/2021/NĐ-CP', '2021-09-01', 'stated', false],
    ]);
    for (const f of facts) {
      expect(f.event.source).toBe('nd-60-2021.md');
      expect(DECREE.slice(f.span.offset, f.span.offset + f.span.length)).toContain(f.subject);
    }
  });

  it('dates the document\'s own clauses with its own date, marked inferred, when it does not say when they apply', () => {
    const text = 'NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020 của Chính phủ\n';
    const title = 'Sửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020 của Chính phủ';
    const doc = makeDoc({
      text,
      date: '2023-07-17',
      number: '48/2023/NĐ-CP',
      type: 'Nghị định',
      title,
      citations: [c('Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020 của Chính phủ', 'Nghị định', '90/2020/NĐ-CP', { section: 'title', date: '2020-08-13' })],
    });
    const [f, ...more] = learnFacts(doc);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ subject: '90/2020/NĐ-CP', event: { kind: 'amended_by', by: '48/2023/NĐ-CP', date: '2023-07-17', confidence: 'inferred' } });
    expect(f!.event.note).toContain('suy luận');
  });

  it('turns relations between cited instruments into inferred events', () => {
    const text = 'Nghị định số 48/2023/NĐ-CP ngày 17/7/2023 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP';
    const doc = makeDoc({
      text,
      date: '2024-03-01',
      citations: [
        c('Nghị định số 48/2023/NĐ-CP ngày 17/7/2023', 'Nghị định', '48/2023/NĐ-CP', {
          date: '2023-07-17',
          relations: [{ kind: 'amends', target: '90/2020/NĐ-CP', targetNumber: '90/2020/NĐ-CP' }],
        }),
        c('Nghị định số 90/2020/NĐ-CP', 'Nghị định', '90/2020/NĐ-CP', { nested: true }),
      ],
    });
    const facts = learnFacts(doc);
    expect(facts).toEqual([expect.objectContaining({ subject: '90/2020/NĐ-CP', event: expect.objectContaining({ kind: 'amended_by', by: '48/2023/NĐ-CP', confidence: 'inferred' }) })]);
  });

  it('a plan reporting an expiry is the source, not the acting instrument', () => {
    const text = 'Thông tư số 903/2006/TT-BTC đã hết hiệu lực kể từ ngày 15/8/2021.';
    const doc = makeDoc({ text, date: '2022-01-10', number: '12/KH-UBND', citations: [c('Thông tư số 903/2006/TT-BTC', 'Thông tư', '903/2006/TT-BTC')] });
    expect(learnFacts(doc)).toEqual([expect.objectContaining({ subject: '903/2006/TT-BTC', event: expect.objectContaining({ kind: 'expired', by: null, date: '2021-08-15', source: 'test.md' }) })]);
  });

  it('learns nothing from a plan that merely mentions the words', () => {
    const text = 'Tiếp tục thực hiện Nghị định số 90/2020/NĐ-CP; thay thế thiết bị hết hiệu lực bảo hành.';
    const doc = makeDoc({ text, date: '2024-03-01', citations: [c('Nghị định số 90/2020/NĐ-CP', 'Nghị định', '90/2020/NĐ-CP')] });
    expect(learnFacts(doc)).toEqual([]);
  });

  it('feeds the resolver: learnt facts create events the rules use', () => {
    const resolver = createRegistryResolver(loadRegistry());
    // Six facts, one of which (16/2015 replaced by 60/2021 from 15/8/2021) the registry already holds.
    expect(resolver.addFacts(learnFacts(decree()))).toBe(5);
    expect(resolver.addFacts(learnFacts(decree()))).toBe(0); // idempotent
    expect(resolver.statusOfNumber('141/2016/NĐ-CP')?.events).toEqual([
      expect.objectContaining({ kind: 'replaced_by', by: '60/2021/NĐ-CP', date: '2021-08-15', source: 'nd-60-2021.md' }),
    ]);
    const plan = makeDoc({
      text: 'Căn cứ Nghị định số 141/2016/NĐ-CP;',
      date: '2021-09-01',
      citations: [c('Nghị định số 141/2016/NĐ-CP', 'Nghị định', '141/2016/NĐ-CP', { section: 'can_cu' })],
    });
    const [f] = run(outdated, plan, '2021-09-01', resolver);
    expect(f).toMatchObject({ severity: 'error', expected: 'Nghị định số 60/2021/NĐ-CP', url: 'nd-60-2021.md' });
    // The registry's own resolver is untouched by another resolver's learning.
    expect(createRegistryResolver(loadRegistry()).statusOfNumber('141/2016/NĐ-CP')).toBeNull();
    // A learnt partial repeal is an amendment for amended-citation.
    const plan2 = makeDoc({
      text: 'Căn cứ Nghị định số 901/2019/NĐ-CP;',
      date: '2021-09-01',
      citations: [c('Nghị định số 901/2019/NĐ-CP', 'Nghị định', '901/2019/NĐ-CP', { section: 'can_cu' })],
    });
    expect(run(amended, plan2, '2021-09-01', resolver)[0]!.message).toContain('bãi bỏ một phần');
  });

  it('answers for a citation already looked up with the facts learnt since', () => {
    const resolver = createRegistryResolver(loadRegistry());
    const plan = makeDoc({
      text: 'Căn cứ Nghị định số 141/2016/NĐ-CP;',
      date: '2021-09-01',
      citations: [c('Nghị định số 141/2016/NĐ-CP', 'Nghị định', '141/2016/NĐ-CP', { section: 'can_cu' })],
    });
    const citation = plan.citations[0]!;
    expect(resolver.statusOf(citation)).toBeNull();
    expect(resolver.statusOf(citation)).toBeNull(); // asked again by the next rule
    resolver.addFacts(learnFacts(decree()));
    expect(resolver.statusOf(citation)?.events).toEqual([expect.objectContaining({ kind: 'replaced_by', by: '60/2021/NĐ-CP', date: '2021-08-15' })]);
    expect(run(outdated, plan, '2021-09-01', resolver)).toHaveLength(1);
  });

  it('stays linear on 1 MB of adversarial text', () => {
    // Clause words and spaces without a sentence end, then sentences packed with clause words and citations.
    const words = 'Nghị định này thay thế bãi bỏ Điều hết hiệu lực kể từ ngày có hiệu lực thi hành kể từ ngày sửa đổi, bổ sung ';
    const flat = (words + ' '.repeat(64) + 'có hiệu lực' + ' '.repeat(200)).repeat(Math.ceil(1_000_000 / 400)).slice(0, 1_000_000);
    expect(learnFacts(makeDoc({ text: flat, date: '2024-01-01' }))).toEqual([]);

    const cite = 'Nghị định số 1/2020/NĐ-CP';
    const block = `Nghị định này thay thế ${words.repeat(30)}${cite} hết hiệu lực kể từ ngày ${'1 '.repeat(200)};`;
    const blocks = Math.ceil(1_000_000 / block.length);
    const text = block.repeat(blocks);
    const citations: CitationSpec[] = Array.from({ length: blocks }, () => c(cite, 'Nghị định', '1/2020/NĐ-CP'));
    const facts = learnFacts(makeDoc({ text, date: '2024-01-01', number: '2/2024/NĐ-CP', type: 'Nghị định', citations }));
    // In each block the citation follows a replace, a repeal and an amend clause of "Nghị định này".
    expect(facts.length).toBe(3 * blocks);

    const subject = 'giai đoạn 2019 - '.repeat(60_000) + 'năm '.repeat(20_000) + 'đến năm 2030';
    expect(periodOf(subject, 'Kế hoạch')?.end).toBe('2030-12-31');
  });
});

describe('periodOf', () => {
  it('reads periods, school years and plan years', () => {
    expect(periodOf('về huy động nguồn lực giai đoạn 2019 - 2025', 'Nghị quyết')).toEqual({ end: '2025-12-31', label: 'giai đoạn 2019 - 2025' });
    expect(periodOf('nhiệm vụ trọng tâm năm học 2022–2023', 'Chỉ thị')?.end).toBe('2023-08-31');
    expect(periodOf('giai đoạn 2018-2025, tầm nhìn đến năm 2035', 'Đề án')?.end).toBe('2035-12-31');
    expect(periodOf('công tác dân vận năm 2024', 'Kế hoạch')?.end).toBe('2024-12-31');
    expect(periodOf('ngày 15 tháng 3 năm 2021 của UBND tỉnh', 'Kế hoạch')).toBeNull();
    expect(periodOf('Luật Giáo dục năm 2019', 'Luật')).toBeNull();
    expect(periodOf('về quy định năm 2019', 'Nghị định')).toBeNull();
    expect(periodOf('giai đoạn 2021-2025 và những năm tiếp theo', 'Kế hoạch')).toBeNull();
  });
});

describe('seriesOf', () => {
  it('gives the members of one yearly series the same pattern and their own year end', () => {
    const a = seriesOf('Thực hiện nhiệm vụ năm học 2023-2024 của ngành Giáo dục', 'Kế hoạch');
    const b = seriesOf('Thực hiện nhiệm vụ năm học 2024 – 2025 của ngành Giáo dục.', 'Kế hoạch');
    expect(a).toEqual({ pattern: 'thuc hien nhiem vu § cua nganh giao duc', end: '2024-08-31', label: 'năm học 2023-2024' });
    expect(b?.pattern).toBe(a?.pattern);
    expect(b?.end).toBe('2025-08-31');
    expect(seriesOf('Công tác cải cách hành chính năm 2023', 'Kế hoạch')).toEqual({ pattern: 'cong tac cai cach hanh chinh §', end: '2023-12-31', label: 'năm 2023' });
  });

  it('is null for multi-year periods, instruments without a period, and types that are not yearly', () => {
    expect(seriesOf('Phát triển giáo dục giai đoạn 2021-2025', 'Kế hoạch')).toBeNull();
    expect(seriesOf('Về việc tăng cường công tác dân vận', 'Kế hoạch')).toBeNull();
    expect(seriesOf('Quy định năm 2019', 'Nghị định')).toBeNull();
    expect(seriesOf(null, 'Kế hoạch')).toBeNull();
  });
});
