// The registry as graph facts (src/knowledge/graph-facts.ts), checked against the registry files
// themselves: fixtures/registry/status-facts.jsonl, admin-units-2025.jsonl, issuers.jsonl.
import { describe, expect, it } from 'vitest';
import { issuersOf } from '../../src/graph/core/issuers.js';
import { createIssuerFacts, registryKnowledge } from '../../src/knowledge/graph-facts.js';
import { loadRegistry } from '../../src/knowledge/registry.js';

const registry = loadRegistry();

describe('registryKnowledge', () => {
  const knowledge = registryKnowledge(registry);
  const byNumber = new Map(knowledge.instruments.map((node) => [node.number, node]));

  it('keys the registry instruments as the extractor keys their citations', () => {
    expect(byNumber.get('36/2017/TT-BGDĐT')?.key).toBe('vn:tw:tt-bgddt:2017:36');
    expect(byNumber.get('05-CT/TW')?.key).toBe('vn:tw:ct-tw:2016:05');
    expect(byNumber.get('90/2020/NĐ-CP')).toMatchObject({ key: 'vn:tw:nd-cp:2020:90', date: '2020-08-13', issuerCode: 'CP', jurisdiction: 'tw' });
    // Administrative numbers without a signing date have no year: they cannot be keyed.
    expect(byNumber.has('1847/QĐ-TTg')).toBe(false);
  });

  it('turns dated events into status events with their source and edges from the acting instrument', () => {
    const replaced = knowledge.statusEvents.find((entry) => entry.key === 'vn:tw:tt-bgddt:2017:36');
    expect(replaced?.event).toMatchObject({ kind: 'replaced_by', by: 'vn:tw:tt-bgddt:2024:09', date: '2024-07-19', confidence: 'stated' });
    expect(replaced?.event.source).toMatch(/^https:\/\//);
    expect(knowledge.relations).toContainEqual({ from: 'vn:tw:tt-bgddt:2024:09', to: 'vn:tw:tt-bgddt:2017:36', kind: 'REPLACES', source: 'registry' });
    expect(knowledge.relations).toContainEqual({ from: 'vn:tw:nd-cp:2023:48', to: 'vn:tw:nd-cp:2020:90', kind: 'AMENDS', source: 'registry' });
    // Every edge end is an instrument of the batch.
    const keys = new Set(knowledge.instruments.map((node) => node.key));
    for (const relation of knowledge.relations) expect(keys.has(relation.from) && keys.has(relation.to)).toBe(true);
    // Undated events stay offline-only (16/2015/NĐ-CP's partial repeal by 120/2020/NĐ-CP has no date).
    expect(knowledge.statusEvents.filter((entry) => entry.key === 'vn:tw:nd-cp:2015:16').map((entry) => entry.event.by)).toEqual([
      'vn:tw:nd-cp:2020:106',
      'vn:tw:nd-cp:2021:60',
    ]);
  });

  it('names an acting instrument whose type the symbol does not state instead of guessing its key', () => {
    // 63/2020/QH14 amends the law on legal documents; a QH symbol can be a Luật or a Nghị quyết.
    const amended = knowledge.statusEvents.find((entry) => entry.key === byNumber.get('80/2015/QH13')?.key && entry.event.kind === 'amended_by');
    expect(amended?.event).toMatchObject({ by: null, date: '2021-01-01' });
    expect(amended?.event.note).toContain('bởi 63/2020/QH14');
  });

  it('changes version with the registry content', () => {
    expect(registryKnowledge(registry).version).toBe(knowledge.version);
    const changed = { ...registry, adminUnits: registry.adminUnits.slice(1) };
    expect(registryKnowledge(changed).version).not.toBe(knowledge.version);
  });
});

describe('issuer facts of the 2025 reorganisation', () => {
  const facts = createIssuerFacts(registry);

  it('ends a merged province on 1/7/2025 and hands each body to the same body of the new province', () => {
    const { issuers, successions } = facts.describe(issuersOf('SGDĐT', 'hoa-binh'));
    expect(issuers.find((issuer) => issuer.key === 'hoa-binh:sgddt')).toMatchObject({ name: 'Sở Giáo dục và Đào tạo tỉnh Hòa Bình', validTo: '2025-07-01', confidence: 'stated' });
    expect(successions).toEqual([expect.objectContaining({ from: 'hoa-binh:sgddt', to: 'phu-tho:sgddt', date: '2025-07-01', by: '202/2025/QH15', note: null })]);
    // The successor is described too, and still exists.
    expect(issuers.find((issuer) => issuer.key === 'phu-tho:sgddt')).toMatchObject({ name: 'Sở Giáo dục và Đào tạo tỉnh Phú Thọ', validTo: null });
  });

  it('ends every district body with the district tier; its Party committee is handed to the Tỉnh ủy, marked inferred', () => {
    // Yên Thủy is in no registry file: the end of the whole tier applies to it.
    const ubnd = facts.describe(issuersOf('UBND', 'hoa-binh.yen-thuy'));
    expect(ubnd.successions).toEqual([expect.objectContaining({ from: 'hoa-binh.yen-thuy:ubnd', to: 'phu-tho:ubnd', date: '2025-07-01', confidence: 'stated' })]);
    expect(ubnd.successions[0]!.note).toContain('huyện Yên Thủy cũ');
    const committee = facts.describe(issuersOf('HU', 'binh-duong.dau-tieng'));
    expect(committee.successions).toEqual([expect.objectContaining({ from: 'binh-duong.dau-tieng:hu', to: 'ho-chi-minh:tu', confidence: 'inferred' })]);
  });

  it('leaves central bodies and continuing provinces without an end', () => {
    const { issuers, successions } = facts.describe([...issuersOf('CP', 'tw'), ...issuersOf('UBND', 'phu-tho')]);
    expect(successions).toEqual([]);
    expect(issuers.map((issuer) => [issuer.key, issuer.validTo])).toEqual(expect.arrayContaining([['tw:cp', null], ['phu-tho:ubnd', null]]));
  });
});
