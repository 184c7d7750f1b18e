import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/knowledge/registry.js';
import { createRegistryResolver } from '../../src/knowledge/resolver.js';
import { makeDoc } from './factory.js';

const resolver = () => createRegistryResolver(loadRegistry());

/** One citation in a throwaway document. */
function cite(surface: string, type: string, number: string | null, extra: Record<string, unknown> = {}) {
  return makeDoc({ text: surface, date: '2024-01-01', citations: [{ surface, type, number, ...extra }] }).citations[0]!;
}

describe('createRegistryResolver: instruments', () => {
  it('matches a number whatever its spelling', () => {
    const r = resolver();
    for (const n of ['36/2017/TT-BGDĐT', '36/2017/TT-BGD&ĐT', '36 / 2017 / TT-BGDĐT', '36/2017/TT-BGDÐT', '36/2017/tt-bgdđt']) {
      expect(r.statusOf(cite(`Thông tư số ${n}`, 'Thông tư', n))?.number, n).toBe('36/2017/TT-BGDĐT');
    }
    expect(r.statusOf(cite('Nghị định 4/2015/NĐ-CP', 'Nghị định', '4/2015/NĐ-CP'))?.number).toBe('04/2015/NĐ-CP');
    expect(r.statusOf(cite('Nghị định 4/2015/ND-CP', 'Nghị định', '4/2015/ND-CP'))?.number).toBe('04/2015/NĐ-CP');
    expect(r.statusOf(cite('Quy định số 08-QĐ/TW', 'Quy định', '08-QĐ/TW'))?.number).toBe('08-QĐi/TW');
  });

  it('tolerates a wrong type code only when the type word confirms the instrument', () => {
    const r = resolver();
    const decree = r.statusOf(cite('Nghị định số 04/2015/NQ-CP', 'Nghị định', '04/2015/NQ-CP'));
    expect(decree).toMatchObject({ number: '04/2015/NĐ-CP', matchedBy: 'type-tolerant' });
    expect(r.statusOf(cite('Nghị quyết số 04/2015/NQ-CP', 'Nghị quyết', '04/2015/NQ-CP'))).toBeNull();
  });

  it('answers null, never "in force", for what it does not know', () => {
    const r = resolver();
    expect(r.statusOf(cite('Nghị quyết số 57/2022/QH15', 'Nghị quyết', '57/2022/QH15'))).toBeNull();
    expect(r.statusOf(cite('Kế hoạch số 61/KH-SGDĐT', 'Kế hoạch', '61/KH-SGDĐT'))).toBeNull();
    expect(r.statusOfNumber('999/2099/NĐ-CP')).toBeNull();
  });

  it('keeps Party numbers of another term apart (35-CT/TW of 2014 is not 35-CT/TW of 2019)', () => {
    const r = resolver();
    expect(r.statusOf(cite('Chỉ thị số 35-CT/TW', 'Chỉ thị', '35-CT/TW', { date: '2014-05-26' }))?.signed).toBe('2014-05-26');
    expect(r.statusOf(cite('Chỉ thị số 35-CT/TW', 'Chỉ thị', '35-CT/TW', { date: '2019-05-30' }))).toBeNull();
  });

  it('finds named laws by title, and by year when several share it', () => {
    const r = resolver();
    expect(r.statusOf(cite('Luật Tiếp công dân', 'Luật', null, { family: 'named', subject: 'Luật Tiếp công dân' }))?.number).toBe('42/2013/QH13');
    expect(r.statusOf(cite('Luật Giáo dục 2019', 'Luật', null, { family: 'named' }))?.number).toBe('43/2019/QH14');
    expect(r.statusOf(cite('Luật Giáo dục năm 2005', 'Luật', null, { family: 'named' }))?.number).toBe('38/2005/QH11');
    expect(r.statusOf(cite('Luật Giáo dục', 'Luật', null, { family: 'named' }))).toBeNull();
  });

  it('splits undated events from dated ones', () => {
    const f = resolver().statusOfNumber('16/2015/NĐ-CP')!;
    expect(f.events.map((e) => e.by)).toEqual(['106/2020/NĐ-CP', '60/2021/NĐ-CP']);
    expect(f.undated?.map((e) => e.by)).toEqual(['120/2020/NĐ-CP']);
    expect(f.events[0]).toMatchObject({ partial: true, byType: null });
    expect(f.events[1]).toMatchObject({ partial: false, byType: 'Nghị định' });
  });

  it('knows later members of a yearly series once they exist', () => {
    const r = resolver();
    const c = cite('Chỉ thị số 1112/CT-BGDĐT', 'Chỉ thị', '1112/CT-BGDĐT');
    expect(r.laterInSeries(c, '2024-01-15')).toBeNull();
    expect(r.laterInSeries(c, '2024-10-01')).toMatchObject({ number: '2457/QĐ-BGDĐT', confidence: 'inferred' });
  });
});

describe('createRegistryResolver: issuers', () => {
  it('UBND huyện Lạc Thủy ended on 1/7/2025; its successor is named in tỉnh Phú Thọ', () => {
    const v = resolver().issuerAt('UBND huyện Lạc Thủy', '2026-10-01')!;
    expect(v).toMatchObject({ name: 'Ủy ban nhân dân huyện Lạc Thủy', validTo: '2025-07-01', by: '72/2025/QH15', confidence: 'stated' });
    expect(v.successor).toContain('tỉnh Phú Thọ');
    expect(v.source).toMatch(/^https?:\/\//);
  });

  it('Sở GD&ĐT Hòa Bình ended with its province; successor Sở GDĐT tỉnh Phú Thọ', () => {
    const v = resolver().issuerAt('Sở GD&ĐT Hòa Bình', '2026-10-01')!;
    expect(v).toMatchObject({ validTo: '2025-07-01', successor: 'Sở Giáo dục và Đào tạo tỉnh Phú Thọ', by: '202/2025/QH15' });
  });

  it('reads places, levels and joint issuers', () => {
    const r = resolver();
    expect(r.issuerAt('Ủy ban nhân dân Thành phố Hồ Chí Minh', '2026-01-01')?.validTo).toBeNull();
    expect(r.issuerAt('UBND tỉnh Bình Dương', '2026-01-01')).toMatchObject({ validTo: '2025-07-01', successor: 'Ủy ban nhân dân Thành phố Hồ Chí Minh' });
    expect(r.issuerAt('Phòng Giáo dục và Đào tạo thành phố Thủ Đức', '2026-01-01')?.validTo).toBe('2025-07-01');
    expect(r.issuerAt('Thành ủy Thủ Dầu Một', '2026-01-01')).toMatchObject({ validTo: '2025-07-01', confidence: 'inferred' });
    expect(r.issuerAt('Ban Thường vụ Tỉnh ủy Hòa Bình', '2026-01-01')).toMatchObject({ validTo: '2025-07-01', confidence: 'inferred' });
    expect(r.issuerAt('Ban Dân vận Huyện ủy và Phòng Giáo dục và Đào tạo huyện Dầu Tiếng', '2026-01-01')?.validTo).toBe('2025-07-01');
    expect(r.issuerAt('UBND tỉnh Thanh Hóa', '2026-01-01')?.validTo).toBeNull();
    expect(r.issuerAt('Bộ Giáo dục và Đào tạo', '2026-01-01')?.validTo).toBeNull();
    expect(r.issuerAt('Bộ Chính trị khóa XII', '2026-01-01')?.validTo).toBeNull();
  });

  it('reads headers in capitals and old-style tone marks', () => {
    expect(resolver().issuerAt('UỶ BAN NHÂN DÂN HUYỆN LẠC THUỶ', '2026-01-01')?.validTo).toBe('2025-07-01');
    expect(resolver().issuerAt('SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HOÀ BÌNH', '2026-01-01')?.successor).toBe('Sở Giáo dục và Đào tạo tỉnh Phú Thọ');
  });

  it('answers null for names it cannot read', () => {
    const r = resolver();
    expect(r.issuerAt('Trường Mầm non Đỗ Đình Thiện', '2026-01-01')).toBeNull();
    expect(r.issuerAt('Ủy ban nhân dân Thành phố', '2026-01-01')).toBeNull();
    expect(r.issuerAt('Ban Thường vụ Tỉnh ủy', '2026-01-01')).toBeNull();
    expect(r.issuerAt('UBND phường Thủ Dầu Một', '2026-01-01')?.validTo ?? null).toBeNull();
  });

  it('tells whether two names designate the same body', () => {
    const r = resolver();
    expect(r.sameIssuer('Bộ GD&ĐT', 'Bộ trưởng Bộ Giáo dục và Đào tạo')).toBe(true);
    expect(r.sameIssuer('Thủ tướng Chính phủ', 'Bộ trưởng Bộ Giáo dục và Đào tạo')).toBe(false);
    expect(r.sameIssuer('Ban Chấp hành Trung ương Đảng khóa XI', 'Ban Chấp hành Trung ương (khóa XI)')).toBe(true);
    expect(r.sameIssuer('Trường Mầm non Đỗ Đình Thiện', 'Chính phủ')).toBeNull();
  });
});
