// The synthetic corpus the benchmarks ingest: deterministic per seed, and every planted citation
// is where the manifest says, so benchmark counts can be checked against it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { generateCorpus } from '../../scripts/generate-corpus.js';

describe('generate-corpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...generateCorpus({ count: 60, seed: 5 })];
    const b = [...generateCorpus({ count: 60, seed: 5 })];
    const c = [...generateCorpus({ count: 60, seed: 6 })];
    expect(a.map((plan) => plan.text)).toEqual(b.map((plan) => plan.text));
    expect(a.map((plan) => plan.text)).not.toEqual(c.map((plan) => plan.text));
  });

  it('plants each citation on the line it records, with headers, preambles and chains', () => {
    const plans = [...generateCorpus({ count: 80, seed: 3 })];
    for (const plan of plans) {
      const lines = plan.text.split('\n');
      for (const citation of plan.citations) {
        const at = lines.slice(citation.line - 1).join('\n');
        expect(at.includes(citation.surface), `${plan.file}:${citation.line} ${citation.surface}`).toBe(true);
      }
      expect(plan.text.normalize('NFC')).toMatch(/^Số: \d+ ?\/KH-/m);
      expect(plan.text.normalize('NFC')).toMatch(/, ngày \d{2} tháng \d{2} năm \d{4}$/m);
    }
    const all = plans.flatMap((plan) => plan.citations);
    expect(all.some((c) => c.section === 'can_cu')).toBe(true);
    expect(all.some((c) => c.nested && c.relation === null)).toBe(true);
    expect(all.some((c) => c.relation?.startsWith('implements '))).toBe(true);
    expect(new Set(plans.map((plan) => plan.level))).toEqual(new Set(['ubnd-tinh', 'so', 'ubnd-huyen', 'phong', 'truong']));
    // All three numbering families and the three date forms of the seeds.
    expect(all.some((c) => /^\d+\/\d{4}\/NĐ-CP$/.test(c.number ?? ''))).toBe(true);
    expect(all.some((c) => /^\d+-CT\/TW$/.test(c.number ?? ''))).toBe(true);
    expect(all.some((c) => /^\d+\/KH-/.test(c.number ?? ''))).toBe(true);
    expect(all.some((c) => / ngày \d{1,2}\/\d{1,2}\/\d{4}$/.test(c.surface))).toBe(true);
    expect(all.some((c) => / ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(c.surface))).toBe(true);
    expect(all.some((c) => / ngày \d{1,2}-\d{1,2}-\d{4}$/.test(c.surface))).toBe(true);
  });

  it('is read back by the extractor: every planted citation is found', () => {
    for (const plan of generateCorpus({ count: 40, seed: 9 })) {
      const found = analyze(plan.text, { file: plan.file }).citations.map((c) => c.surface.normalize('NFC'));
      expect(found.length).toBe(plan.citations.length);
      for (const citation of plan.citations) expect(found).toContain(citation.surface.normalize('NFC'));
    }
  });
});
