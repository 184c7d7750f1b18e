// The knowledge rules end to end: real files through analyze() and lint() with the bundled registry.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { readDocument } from '../../src/documents/index.js';
import { earliestDocumentDate } from '../../src/knowledge/as-of.js';
import { learnFacts } from '../../src/knowledge/learn.js';
import { loadRegistry } from '../../src/knowledge/registry.js';
import { createRegistryResolver } from '../../src/knowledge/resolver.js';
import { lint } from '../../src/lint/index.js';

const root = join(import.meta.dirname, '../../fixtures');
const RULES = ['outdated-citation', 'amended-citation', 'expired-period', 'stale-series', 'defunct-issuer', 'unverified-citation'];
const resolver = createRegistryResolver(loadRegistry());

function seed(file: string) {
  return analyze(readFileSync(join(root, 'plans', file), 'utf8'), { file });
}
const SEEDS = readdirSync(join(root, 'plans')).filter((f) => /^00\d_.*\.txt$/.test(f)).sort();

describe('fixtures/lint of the knowledge rules (linted at their own date)', () => {
  for (const rule of RULES) {
    it(rule, async () => {
      for (const [name, wanted] of [['not-ok.md', true], ['ok.md', false]] as const) {
        const path = join(root, 'lint', rule, name);
        const src = await readDocument(path);
        const doc = analyze(src.text, { file: path, locate: src.locate.bind(src) });
        expect(doc.header.date, `${rule}/${name} needs a dated header`).not.toBeNull();
        const found = lint(doc, { resolver }).filter((f) => f.ruleId === rule);
        if (wanted) expect(found.length, `${rule}/${name}`).toBeGreaterThan(0);
        else expect(found.map((f) => f.message), `${rule}/${name}`).toEqual([]);
      }
    });
  }
});

describe('the seed plans, judged at the earliest date each can bear', () => {
  const found = SEEDS.flatMap((file) => {
    const doc = seed(file);
    return lint(doc, { resolver, asOf: earliestDocumentDate(doc)?.date ?? null })
      .filter((f) => RULES.includes(f.ruleId))
      .map((f) => ({ ...f, file }));
  });
  const where = (rule: string) => found.filter((f) => f.ruleId === rule).map((f) => `${f.file.slice(0, 3)}:${f.line}`);

  it('judges undated seeds from what they show (003: October 2023; 004: its latest citation, 22/02/2024)', () => {
    expect(earliestDocumentDate(seed('003_06262491b62869cd.txt'))).toEqual({ date: '2023-10-01', basis: 'partial-header' });
    expect(earliestDocumentDate(seed('004_723b0c46fb5dfa44.txt'))).toEqual({ date: '2024-02-22', basis: 'latest-citation' });
  });

  it('finds exactly the reviewer\'s outdated citations, each with its source and the inferred mark', () => {
    expect(where('outdated-citation')).toEqual(['003:88', '004:55', '004:55', '004:100']);
    for (const f of found.filter((x) => x.ruleId === 'outdated-citation')) expect(f.url).toMatch(/^https?:\/\//);
    const nd04 = found.filter((f) => f.ruleId === 'outdated-citation' && f.message.includes('04/2015/NĐ-CP'));
    expect(nd04).toHaveLength(2);
    for (const f of nd04) expect(f.message).toContain('(dữ kiện suy luận)');
  });

  it('finds the Party Quy định cited as Quyết định and the directive attributed to the wrong issuer', () => {
    const warnings = found.filter((f) => f.ruleId === 'unverified-citation' && f.severity === 'warning').map((f) => `${f.file.slice(0, 3)}:${f.line}`);
    expect(warnings).toEqual(['002:35', '003:120', '004:47', '004:61']);
  });

  it('finds no defunct issuer, no expired period and no stale series before the 2025 reorganisation', () => {
    expect([...where('defunct-issuer'), ...where('expired-period'), ...where('stale-series'), ...where('amended-citation')]).toEqual([]);
  });

  it('seed 003 read again on 1/10/2026: its Phòng GDĐT and the Sở GD&ĐT Hòa Bình it cites are gone, successor in tỉnh Phú Thọ', () => {
    const out = lint(seed('003_06262491b62869cd.txt'), { resolver, asOf: '2026-10-01' }).filter((f) => f.ruleId === 'defunct-issuer');
    const own = out.find((f) => f.severity === 'error');
    expect(own?.message).toContain('tỉnh Phú Thọ');
    const sgd = out.find((f) => f.evidence.normalize('NFC') === 'Sở GD&ĐT Hòa Bình');
    expect(sgd).toMatchObject({ line: 11, severity: 'warning', expected: 'Sở Giáo dục và Đào tạo tỉnh Phú Thọ' });
  });

  it('learns from seed 004 that 48/2023 amends 90/2020, which the registry already holds', () => {
    const facts = learnFacts(seed('004_723b0c46fb5dfa44.txt'));
    expect(facts.map((f) => `${f.subject} ${f.event.kind} ${f.event.by}`)).toEqual(['90/2020/NĐ-CP amended_by 48/2023/NĐ-CP']);
    expect(createRegistryResolver(loadRegistry()).addFacts(facts)).toBe(0);
  });
});
