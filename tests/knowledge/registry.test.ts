import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistryFiles } from '../../src/knowledge/convert.js';
import { defaultRegistryDir, loadRegistry, REGISTRY_FILES } from '../../src/knowledge/registry.js';

const dir = defaultRegistryDir();
// The raw facts as gathered (copied from the steering repo's shared/registry; see its README.md there).
const rawDir = resolve(dir, 'source');

describe('registry files', () => {
  it('load, every line valid, and are cached', () => {
    const r = loadRegistry();
    expect(r.instruments.length).toBeGreaterThan(60);
    expect(r.adminUnits.length).toBeGreaterThan(50);
    expect(r.issuers.length).toBeGreaterThan(20);
    expect(r.series.length).toBeGreaterThan(0);
    expect(loadRegistry()).toBe(r);
  });

  it('stop on an invalid line, naming file and line', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cancu-registry-'));
    for (const f of Object.values(REGISTRY_FILES)) copyFileSync(join(dir, f), join(tmp, f));
    const path = join(tmp, REGISTRY_FILES.instruments);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"confidence":"stated"', '"confidence":"probably"').replace('"signed":"1998-09-08"', '"signed":"1998-02-30"');
    writeFileSync(path, lines.join('\n'));
    expect(() => loadRegistry(tmp)).toThrow(/status-facts\.jsonl:3:/);
  });

  it('are in step with fixtures/registry/source (rebuild with scripts/build-registry.ts)', () => {
    const built = buildRegistryFiles(rawDir);
    expect(readFileSync(join(dir, REGISTRY_FILES.instruments), 'utf8')).toBe(built.instruments);
    expect(readFileSync(join(dir, REGISTRY_FILES.adminUnits), 'utf8')).toBe(built.adminUnits);
  });

  it('keep every "inferred" mark and every source of the raw facts', () => {
    const raw = readFileSync(join(rawDir, 'status-facts.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const r = loadRegistry();
    const rawEvents = raw.flatMap((i: { events: Array<{ confidence: string; source: string }> }) => i.events);
    const events = r.instruments.flatMap((i) => i.events);
    expect(events.length).toBe(rawEvents.length);
    expect(events.filter((e) => e.confidence === 'inferred').length).toBe(rawEvents.filter((e) => e.confidence === 'inferred').length);
    expect(events.map((e) => e.source)).toEqual(rawEvents.map((e) => e.source));
    expect(r.adminUnits.filter((u) => u.confidence === 'inferred').length).toBeGreaterThan(0);
  });

  it('mark an event partial only where its own note says so', () => {
    const r = loadRegistry();
    const partial = r.instruments.flatMap((i) => i.events.filter((e) => e.partial).map((e) => `${i.number}<${e.by}`));
    expect(partial.sort()).toEqual(
      ['06/2019/TT-BGDĐT<03/2026/TT-BGDĐT', '16/2015/NĐ-CP<106/2020/NĐ-CP', '16/2015/NĐ-CP<120/2020/NĐ-CP', '48/2023/NĐ-CP<335/2025/NĐ-CP', '90/2020/NĐ-CP<335/2025/NĐ-CP'].sort(),
    );
  });

  it('hold the facts the seed plans need', () => {
    const r = loadRegistry();
    const tt36 = r.instruments.find((i) => i.number === '36/2017/TT-BGDĐT')!;
    expect(tt36.events).toEqual([expect.objectContaining({ kind: 'replaced_by', by: '09/2024/TT-BGDĐT', date: '2024-07-19', confidence: 'stated' })]);
    expect(r.adminUnits.find((u) => u.id === 'hoa-binh')).toMatchObject({ becameId: 'phu-tho', effective: '2025-07-01', continues: false });
    expect(r.adminUnits.find((u) => u.id === 'level:huyen')).toMatchObject({ scope: 'level', effective: '2025-07-01', by: ['72/2025/QH15', '203/2025/QH15'] });
    const codes = new Set(r.issuers.flatMap((i) => i.codes));
    for (const code of ['CP', 'TTg', 'QH', 'BGDĐT', 'BNV', 'TTCP', 'TW', 'TU', 'HU', 'UBND', 'HĐND', 'SGDĐT', 'PGDĐT', 'BDVTU', 'BDVHU', 'BCSĐ']) {
      expect(codes, code).toContain(code);
    }
    const ids = new Set(r.issuers.map((i) => i.id));
    for (const id of ['hoa-binh', 'hoa-binh.lac-thuy', 'binh-duong', 'binh-duong.dau-tieng', 'binh-duong.thu-dau-mot', 'ho-chi-minh', 'ho-chi-minh.thu-duc', 'phu-tho']) {
      expect(ids, id).toContain(id);
    }
  });

  it('agree with the admin-units file on every province it names', () => {
    const r = loadRegistry();
    const units = new Map(r.adminUnits.map((u) => [u.id, u]));
    for (const i of r.issuers.filter((x) => x.kind === 'unit' && x.level === 'tinh')) {
      const u = units.get(i.id);
      if (!u) continue;
      expect(i.validTo, i.id).toBe(u.continues ? null : u.effective);
      expect(i.successor, i.id).toBe(u.continues ? null : u.becameId);
    }
    const levelEnd = units.get('level:huyen')!;
    for (const i of r.issuers.filter((x) => x.kind === 'unit' && x.level === 'huyen')) {
      expect(i.validTo, i.id).toBe(levelEnd.effective);
      const province = units.get(i.jurisdiction!)!;
      expect(i.successor, i.id).toBe(province.becameId);
    }
  });
});

describe('the bundled registry loaded without the validator', () => {
  it('is the same registry the validating loader gives', async () => {
    const { loadBundledRegistry } = await import('../../src/knowledge/bundled.js');
    const a = loadBundledRegistry();
    const b = loadRegistry();
    expect({ ...a, dir: '' }).toEqual({ ...b, dir: '' });
  });
});
