// `cancu query implementers|basis|lineage <ref>`: output shapes and exit codes.
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { query } from '../../src/cli/commands/query.js';
import { Neo4jGraphStore } from '../../src/graph/neo4j/store.js';
import { PLAN_BINH_DUONG, PLAN_HOA_BINH, removeStores, storeWith } from './fixtures.js';

afterAll(() => removeStores());

function streams() {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

describe('cancu query', () => {
  it('implementers --format json is exactly {key, results: [{key,type,number,date,issuer,depth,path}]}', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH });
    const io = streams();
    const code = await query('implementers', 'Chỉ thị 06/CT-UBND', { format: 'json', store, ...io });
    expect(code).toBe(0);
    expect(io.err).toBe('');
    const parsed = JSON.parse(io.out);
    expect(Object.keys(parsed)).toEqual(['key', 'results']);
    expect(parsed.key).toMatch(/^vn:hoa-binh:ct-ubnd:2022:/);
    expect(parsed.results.length).toBeGreaterThan(0);
    for (const result of parsed.results) {
      expect(Object.keys(result)).toEqual(['key', 'type', 'number', 'date', 'issuer', 'depth', 'path']);
      expect(result.path[0]).toBe(parsed.key);
      expect(result.depth).toBe(result.path.length - 1);
    }
  });

  it('basis prints a readable Vietnamese table', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH });
    const documentKey = (await store.dump()).nodes.find((node) => node.isDocument)!.key;
    const io = streams();
    expect(await query('basis', documentKey, { format: 'text', depth: 2, store, ...io })).toBe(0);
    expect(io.out).toMatch(/^Căn cứ của .* tối đa 2 bậc: \d+ kết quả/);
    expect(io.out).toMatch(/Bậc\s+Loại\s+Số, ký hiệu\s+Ngày\s+Cơ quan ban hành\s+Khóa/);
    expect(io.out).toContain('05-CT/TW');
    expect(io.out).toContain('15/05/2016');
  });

  it('lineage puts the basis above (depth > 0) and implementers below (depth < 0)', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH });
    const io = streams();
    expect(await query('lineage', 'Chỉ thị 06/CT-UBND', { format: 'json', store, ...io })).toBe(0);
    const { results } = JSON.parse(io.out);
    expect(results.some((result: { depth: number }) => result.depth < 0)).toBe(true);
    const text = streams();
    expect(await query('lineage', 'Chỉ thị 06/CT-UBND', { format: 'text', store, ...text })).toBe(0);
    expect(text.out).toContain('↓1');
  });

  it('unknown ref → exit 1 with a hint; ambiguous ref → exit 1 listing candidates', async () => {
    const store = await storeWith({ 'hoa-binh.txt': PLAN_HOA_BINH, 'binh-duong.txt': PLAN_BINH_DUONG });
    const unknown = streams();
    expect(await query('implementers', 'Chỉ thị 99-CT/TW', { format: 'text', store, ...unknown })).toBe(1);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(/Không tìm thấy văn bản "Chỉ thị 99-CT\/TW"/);
    expect(unknown.err).toMatch(/Gợi ý/);
    const ambiguous = streams();
    expect(await query('implementers', 'Chỉ thị 06/CT-UBND', { format: 'json', store, ...ambiguous })).toBe(1);
    expect(ambiguous.err).toMatch(/vn:hoa-binh:/);
    expect(ambiguous.err).toMatch(/vn:binh-duong:/);
  });

  it('depth outside 1–10 → exit 2 before touching the store', async () => {
    const io = streams();
    expect(await query('basis', 'x', { format: 'text', depth: 11, store: undefined, ...io })).toBe(2);
    expect(io.err).toMatch(/1 đến 10/);
  });

  it('store down → exit 2 with a message naming Neo4j', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const store = new Neo4jGraphStore({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x', database: 'neo4j' });
    const io = streams();
    try {
      expect(await query('implementers', 'Chỉ thị 05-CT/TW', { format: 'text', store, ...io })).toBe(2);
    } finally {
      await store.close();
    }
    expect(io.err).toMatch(/Không kết nối được Neo4j tại bolt:\/\/127\.0\.0\.1/);
  });
});
