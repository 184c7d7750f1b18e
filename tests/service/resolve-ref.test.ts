// What users type → one canonical key, or a clear "unknown" / "which one?".
import { afterAll, describe, expect, it } from 'vitest';
import { AmbiguousRefError, UnknownRefError } from '../../src/service/errors.js';
import { resolveRef } from '../../src/service/resolve-ref.js';
import { PLAN_BINH_DUONG, PLAN_HOA_BINH, removeStores, storeWith } from './fixtures.js';

afterAll(() => removeStores());

describe('resolveRef', () => {
  it('accepts a canonical key, a citation as written, and shorthand', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH });
    expect(await resolveRef(store, 'vn:tw:ct-tw:2016:05')).toBe('vn:tw:ct-tw:2016:05');
    expect(await resolveRef(store, 'Chỉ thị số 05-CT/TW ngày 15/5/2016')).toBe('vn:tw:ct-tw:2016:05');
    expect(await resolveRef(store, '05-CT/TW')).toBe('vn:tw:ct-tw:2016:05');
    expect(await resolveRef(store, 'CT 05-CT/TW')).toBe('vn:tw:ct-tw:2016:05');
    // A local number: the key needs the province, which the citation alone does not give.
    expect(await resolveRef(store, 'Chỉ thị 06/CT-UBND')).toMatch(/^vn:hoa-binh:ct-ubnd:2022:0?6$/);
    // NFD input (copied from a PDF) is the same reference.
    expect(await resolveRef(store, 'Chỉ thị 05-CT/TW'.normalize('NFD'))).toBe('vn:tw:ct-tw:2016:05');
  });

  it('finds an ingested plan by its key', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH });
    const documents = (await store.dump()).nodes.filter((node) => node.isDocument);
    expect(documents).toHaveLength(1);
    expect(await resolveRef(store, documents[0]!.key)).toBe(documents[0]!.key);
  });

  it('lists the candidates when a number is shared by several issuers', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH, 'binh-duong.txt': PLAN_BINH_DUONG });
    const error = await resolveRef(store, 'Chỉ thị 06/CT-UBND').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousRefError);
    const candidates = (error as AmbiguousRefError).candidates;
    expect(candidates.map((c) => c.key).sort()).toEqual([expect.stringMatching(/^vn:binh-duong:/), expect.stringMatching(/^vn:hoa-binh:/)]);
    expect((error as AmbiguousRefError).message).toMatch(/khớp với 2 văn bản/);
  });

  it('says unknown, with a hint, for what the store does not have or what is not a reference', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH });
    for (const ref of ['Chỉ thị 99-CT/TW', 'vn:tw:ct-tw:1999:99', '', '   ', "x') MATCH (n) DETACH DELETE n //", 'a'.repeat(1000)]) {
      const error = await resolveRef(store, ref).catch((caught: unknown) => caught);
      expect(error, ref).toBeInstanceOf(UnknownRefError);
      expect((error as UnknownRefError).hint?.vi).toMatch(/khóa chuẩn/);
    }
  });
});
