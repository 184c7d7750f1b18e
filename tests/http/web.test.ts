// The web pages as the server serves them (the pages themselves are tested in a browser in
// tests/web), and the POST /check option they use.
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../src/http/server.js';
import { webPages } from '../../src/http/web.js';
import { type Api, call, jsonPost, memoryStore, multipart, startApi } from './helpers.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

let api: Api;
beforeAll(async () => {
  api = await startApi(memoryStore());
});
afterAll(async () => api?.close());

describe('static web pages', () => {
  it('serves / and /lineage as HTML with a same-origin-only Content-Security-Policy', async () => {
    for (const [route, marker] of [
      ['/', 'id="check-form"'],
      ['/lineage', 'id="search-form"'],
    ] as const) {
      const res = await fetch(api.url + route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(await res.text()).toContain(marker);
    }
  });

  it('serves the bundles, the stylesheet and cytoscape from the package, within the size budget', async () => {
    let own = 0;
    for (const asset of ['check.js', 'lineage.js', 'app.css']) {
      const res = await fetch(`${api.url}/assets/${asset}`);
      expect(res.status, asset).toBe(200);
      const body = await res.arrayBuffer();
      if (asset !== 'lineage.js') own += body.byteLength;
    }
    expect(own).toBeLessThan(300 * 1024);
    const cy = await fetch(`${api.url}/assets/vendor/cytoscape.min.js`);
    expect(cy.status).toBe(200);
    expect(cy.headers.get('content-type')).toMatch(/javascript/);
    expect((await call(`${api.url}/assets/nothing.js`)).status).toBe(404);
  });

  it('says to build the pages when dist/web is missing, and the API still answers', async () => {
    const app = express();
    app.use(webPages('/nonexistent/cancu-web'));
    const running = await listen(app, 0, '127.0.0.1');
    try {
      const res = await fetch(`${running.url}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await running.close();
    }
  });
});

describe('POST /check include=', () => {
  const text = 'Căn cứ Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ Giáo dục và Đào tạo;\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n';

  it('adds the text read, the judging date and each citation with its status', async () => {
    const reply = await call(`${api.url}/check`, jsonPost({ text, include: 'source,citations', date: '2025-01-01' }));
    expect(reply.status).toBe(200);
    const result = reply.body.data.results[0];
    expect(result.source).toBe(text);
    expect(result.asOf).toBe('2025-01-01');
    expect(result.format).toBe('txt');
    expect(result.citations).toHaveLength(2);
    const [tt] = result.citations;
    expect(text.slice(tt.offset, tt.offset + tt.length)).toBe(tt.surface);
    expect(tt).toMatchObject({ type: 'Thông tư', number: '36/2017/TT-BGDĐT', date: '2017-12-28', key: 'vn:tw:tt-bgddt:2017:36', section: 'can_cu' });
    expect(tt.status.state).toMatch(/^(replaced|unknown)$/);
  });

  it('leaves the answer unchanged without include, and refuses an unknown include', async () => {
    const plain = await call(`${api.url}/check`, jsonPost({ text }));
    expect(Object.keys(plain.body.data.results[0]).sort()).toEqual(['file', 'messages']);
    const bad = await call(`${api.url}/check`, jsonPost({ text, include: 'everything' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('include');
  });

  it('gives citation spans in the markdown source, a link inside a citation included', async () => {
    const md = readFileSync(path.join(import.meta.dirname, '../../fixtures/documents/plan.md'), 'utf8');
    const reply = await call(`${api.url}/check`, multipart('plan.md', md, { include: 'source,citations' }));
    const result = reply.body.data.results[0];
    expect(result.source).toBe(md);
    const kh = result.citations.find((c: { number: string }) => c.number === '61/KH-SGDĐT');
    expect(md.slice(kh.offset, kh.offset + kh.length)).toBe('Kế hoạch số 61/KH-SGDĐT](https://example.vn/kh61) ngày 12/01/2023');
    for (const c of result.citations) expect(md.slice(c.offset, c.offset + c.length).startsWith(c.surface.slice(0, 10))).toBe(true);
  });

  it('gives the text of an uploaded PDF, where the offsets of findings point', async () => {
    const pdf = readFileSync(path.join(import.meta.dirname, '../../fixtures/documents/seed-plan.pdf'));
    const reply = await call(`${api.url}/check`, multipart('seed-plan.pdf', pdf, { include: 'source' }));
    expect(reply.status).toBe(200);
    const result = reply.body.data.results[0];
    expect(result.format).toBe('pdf');
    for (const m of result.messages) expect(result.source.slice(m.offset, m.offset + m.length)).toBe(m.evidence);
    expect(result.messages.length).toBeGreaterThan(0);
  });
});
