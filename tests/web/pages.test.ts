// The web pages in a real browser: Debian's Chromium (playwright-core, no download) against a
// real `cancu demo` on a free port. Screenshots of each page at 1280 px and at phone width go to
// test-output/screenshots/ (ignored; copies are kept in docs/screenshots/).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, startServer, type Server } from '../../scripts/web-browser.js';
import { isMechanicalFix } from '../../src/lint/fix.js';

const SHOTS = join(ROOT, 'test-output/screenshots');
const SEED_002 = join(ROOT, 'fixtures/plans/002_4a437969179fdfe8.txt');
const SEED_001 = join(ROOT, 'fixtures/plans/001_0c8db8813ae77d4b.txt');
const DOCS = join(ROOT, 'fixtures/documents');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

let server: Server;
let browser: Browser;
const tmp = mkdtempSync(join(tmpdir(), 'cancu-web-files-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function open(path: string, viewport: { width: number; height: number } = WIDTHS.desktop): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  await page.goto(server.url + path);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, context, problems };
}

async function checkText(page: Page, text: string): Promise<void> {
  await page.fill('#draft', text);
  await page.click('#check-button');
  await page.waitForSelector('#results:not([hidden])');
}

async function apiCheck(text: string) {
  const res = await fetch(`${server.url}/check`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, filename: 'draft.txt', include: 'citations' }) });
  return (await res.json()).data.results[0] as { messages: { ruleId: string; severity: string; offset: number; length: number; evidence: string; expected: string | null }[]; citations: { type: string; number: string | null; date: string | null }[] };
}

/** What the page shows: the text of each finding's first marked run, its severity class and group. */
async function shownFindings(page: Page) {
  return page.evaluate(() => {
    const out: { index: number; severity: string; group: string; runText: string; underline: string }[] = [];
    for (const li of document.querySelectorAll<HTMLElement>('#findings li.finding')) {
      const index = Number(li.id.replace('fi-', ''));
      const run = document.getElementById(`f-${index}`) ?? document.querySelector<HTMLElement>(`[data-anchor~="f-${index}"]`);
      out.push({
        index,
        severity: [...li.classList].find((c) => c.startsWith('sev-'))!.slice(4),
        group: li.closest('section.group')!.querySelector('h3')!.id,
        runText: run?.textContent ?? '',
        underline: run ? [...run.classList].find((c) => c.startsWith('u-')) ?? '' : '',
      });
    }
    return out;
  });
}

describe('the checking page', () => {
  it('shows a pasted seed plan with every finding in place, grouped by part, as the API reports it', async () => {
    const text = readFileSync(SEED_002, 'utf8');
    const expected = await apiCheck(text);
    const { page, context, problems } = await open('/');
    await checkText(page, text);
    const shown = await shownFindings(page);
    expect(shown.length).toBe(expected.messages.length);
    for (const f of shown) {
      const m = expected.messages[f.index]!;
      // The marked run starts the finding's evidence, at its offset in the text.
      expect(m.evidence.startsWith(f.runText), `${m.ruleId}: "${f.runText}" vs "${m.evidence}"`).toBe(true);
      expect(f.runText.length).toBeGreaterThan(0);
      expect(f.severity).toBe(m.severity);
      expect(f.underline).toMatch(/^u-(error|warning|info)$/);
    }
    const byRule = (id: string) => shown.filter((f) => expected.messages[f.index]!.ruleId === id);
    expect(byRule('date-spacing')[0]).toMatchObject({ group: 'g-can_cu', runText: 'ngày 28 /3/2023' });
    expect(byRule('symbol-space-inside')[0]).toMatchObject({ group: 'g-header' });
    expect(byRule('issuer-name-code-mismatch')[0]).toMatchObject({ group: 'g-body' });
    // Counts at the top.
    const counts = (await page.textContent('#counts'))!;
    expect(counts).toContain(`${expected.citations.length} trích dẫn`);
    const errors = expected.messages.filter((m) => m.severity === 'error').length;
    expect(counts).toMatch(new RegExp(`^${errors}\\s*lỗi`));
    // Every citation is marked.
    expect(await page.locator('#doc .seg.cit[role="button"]').count()).toBe(expected.citations.length);
    await page.screenshot({ path: join(SHOTS, 'check-desktop.png'), fullPage: false });
    // The printable report: no form, no buttons, a heading naming the file.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#check-form')).toBe(false);
    expect(await page.isVisible('#export-json')).toBe(false);
    expect(await page.textContent('#print-head')).toContain('Báo cáo kiểm tra trích dẫn của cancu — tệp draft.txt');
    await page.screenshot({ path: join(SHOTS, 'check-print.png'), fullPage: false });
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a citation by keyboard: what was read, its status on the date with its source, a lineage link', async () => {
    const { page, context } = await open('/');
    await checkText(page, 'Căn cứ Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ Giáo dục và Đào tạo ban hành Quy chế thực hiện công khai;\n');
    await page.fill('#as-of', '2025-01-01');
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForFunction(() => document.querySelector('#counts')?.textContent?.includes('01/01/2025'));
    // On hover (title): what was read and the status.
    expect(await page.getAttribute('#c-0', 'title')).toMatch(/^Thông tư 36\/2017\/TT-BGDĐT — đã bị thay thế bởi 09\/2024\/TT-BGDĐT/);
    await page.focus('#c-0');
    await page.keyboard.press('Enter');
    const card = page.locator('#citation-card');
    await card.waitFor({ state: 'visible' });
    const body = await card.textContent();
    expect(body).toContain('36/2017/TT-BGDĐT');
    expect(body).toContain('vn:tw:tt-bgddt:2017:36');
    expect(body).toContain('đã bị thay thế bởi 09/2024/TT-BGDĐT');
    expect(body).toContain('tại ngày 01/01/2025');
    expect(await card.locator('a.lineage-link').getAttribute('href')).toBe('/lineage?ref=vn%3Atw%3Att-bgddt%3A2017%3A36');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('card-close');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-0');
    // Judged before the replacement, it is in force.
    await page.fill('#as-of', '2020-01-01');
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForFunction(() => document.querySelector('#counts')?.textContent?.includes('01/01/2020'));
    await page.click('#c-0');
    expect(await card.textContent()).toContain('còn hiệu lực');
    await context.close();
  });

  it('"sửa tất cả" applies the mechanical fixes and checks again; a suggestion can be copied as a corrected line', async () => {
    const { page, context } = await open('/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const seed = readFileSync(SEED_002, 'utf8');
    const fixable = (await apiCheck(seed)).messages.filter((m) => isMechanicalFix(m, seed)).length;
    expect(fixable).toBeGreaterThanOrEqual(2);
    await checkText(page, seed);
    const fixAll = page.locator('#fix-all');
    expect(await fixAll.textContent()).toContain(`Sửa tất cả (${fixable}`);
    const copy = page.locator('#findings li.finding', { hasText: 'date-spacing' }).locator('button.copy');
    await copy.click();
    const line = await page.evaluate(() => navigator.clipboard.readText());
    const original = readFileSync(SEED_002, 'utf8').split('\n').find((l) => l.includes('ngày 28 /3/2023'))!;
    expect(line).toBe(original.replace('ngày 28 /3/2023', 'ngày 28/3/2023').replace(/\r$/, ''));
    await fixAll.click();
    await page.waitForFunction((n) => document.querySelector('#status')?.textContent?.includes(`Đã sửa ${n} chỗ`), fixable);
    const text = await page.inputValue('#draft');
    expect(text).toContain('605/KH-PGDĐT');
    expect(text).toContain('ngày 28/3/2023');
    expect(await page.locator('#findings li.finding', { hasText: 'date-spacing' }).count()).toBe(0);
    await context.close();
  });

  it('reads the .docx and the .pdf of the same plan to the same citations as its .txt', async () => {
    const { page, context } = await open('/');
    const citationsShown = async () =>
      page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#doc .seg.cit[role="button"]')].map((el) => el.getAttribute('aria-label')));
    await checkText(page, readFileSync(SEED_001, 'utf8'));
    const fromTxt = (await apiCheck(readFileSync(SEED_001, 'utf8'))).citations.map((c) => [c.type, c.number, c.date]);
    const n = fromTxt.length;
    expect(n).toBeGreaterThan(5);
    expect((await citationsShown()).length).toBe(n);
    for (const name of ['seed-plan.docx', 'seed-plan.pdf']) {
      await page.setInputFiles('#file', join(DOCS, name));
      await page.waitForFunction((n) => document.querySelector('#doc-note')?.textContent?.includes(n), name);
      expect((await citationsShown()).length, name).toBe(n);
      // The same instruments (type, number, date), read from the page's citation cards.
      const read: (string | null)[][] = [];
      for (let i = 0; i < n; i++) {
        await page.click(`#c-${i}`);
        const facts = await page.evaluate(() => {
          const dd = [...document.querySelectorAll('#card-body dd')].map((el) => el.textContent);
          return dd;
        });
        read.push([facts[0]!, facts[1] === '—' ? null : facts[1]!, facts[2] === '—' ? null : facts[2]!]);
        await page.click('#card-close');
      }
      const iso = (v: string | null) => (v ? v.split('/').reverse().join('-') : null);
      expect(read.map(([t, n, dt]) => [t, n, iso(dt)]), name).toEqual(fromTxt);
      if (name.endsWith('.pdf')) await page.screenshot({ path: join(SHOTS, 'check-pdf-desktop.png') });
    }
    await context.close();
  });

  it('says clearly what is wrong with a broken upload, and the server keeps serving', async () => {
    const { page, context } = await open('/');
    const alertAfter = async (name: string, mimeType: string, buffer: Buffer) => {
      await page.evaluate(() => {
        const a = document.getElementById('alert')!;
        a.hidden = true;
        a.textContent = '';
      });
      // Playwright takes buffers up to 50 MB; larger files go by path.
      if (buffer.length >= 50 * 1024 * 1024) {
        const file = join(tmp, name);
        writeFileSync(file, buffer);
        await page.setInputFiles('#file', file);
      } else {
        await page.setInputFiles('#file', { name, mimeType, buffer });
      }
      await page.waitForSelector('#alert:not([hidden])', { timeout: 60_000 });
      return (await page.textContent('#alert')) ?? '';
    };
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]);
    expect(await alertAfter('ban-thao.txt', 'text/plain', binary)).toContain('là tệp nhị phân');
    const badUtf8 = Buffer.concat([Buffer.from('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 '), Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from(' của Chính phủ;\n')]);
    expect(await alertAfter('sai-ma.txt', 'text/plain', badUtf8)).toMatch(/không phải UTF-8 hợp lệ.*UTF-8/);
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    expect(await alertAfter('rat-lon.txt', 'text/plain', big)).toMatch(/CANCU_BODY_LIMIT|quá lớn|vượt/);
    expect(await alertAfter('anh.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toContain('chỉ nhận tệp .txt, .md, .docx hoặc .pdf');
    expect(await alertAfter('scan.pdf', 'application/pdf', readFileSync(join(DOCS, 'scanned-page.pdf')))).toContain('không có lớp chữ');
    await page.screenshot({ path: join(SHOTS, 'check-error-desktop.png') });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    await checkText(page, 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n');
    expect(await page.isHidden('#alert')).toBe(true);
    await context.close();
  });

  it('switches to English and back', async () => {
    const { page, context } = await open('/');
    await checkText(page, 'Căn cứ kế hoạch số 05 /KH-UBND ngày 02/3/2023 của UBND huyện Lạc Thủy;\n');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#counts')?.textContent?.includes('citations'));
    expect(await page.textContent('label[for="draft"]')).toBe('Paste the draft');
    await page.waitForFunction(() => /write|Write/.test(document.querySelector('#findings')?.textContent ?? ''));
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await page.textContent('label[for="draft"]')).toBe('Dán nội dung dự thảo');
    await context.close();
  });

  it('is usable at phone width: no sideways scrolling, findings below the text', async () => {
    const { page, context, problems } = await open('/', WIDTHS.phone);
    await checkText(page, readFileSync(SEED_002, 'utf8'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const [doc, side] = await Promise.all([page.locator('.doc-pane').boundingBox(), page.locator('.side').boundingBox()]);
    expect(side!.y).toBeGreaterThan(doc!.y);
    await page.screenshot({ path: join(SHOTS, 'check-phone.png'), fullPage: false });
    await page.locator('#findings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'check-phone-findings.png'), fullPage: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the lineage page', () => {
  const ref = 'vn:hoa-binh:da-tu:2022:15';

  it('finds an instrument, draws its lineage with the expected nodes, and lists the same as a table', async () => {
    const { page, context, problems } = await open('/lineage');
    await page.fill('#q', '15-ĐA/TU');
    await page.click('#search-form button[type="submit"]');
    const hit = page.locator('#hits a[data-key]').first();
    await hit.waitFor();
    expect(await hit.getAttribute('data-key')).toBe(ref);
    await hit.click();
    await page.waitForFunction((key) => document.body.dataset.rendered === key, ref);
    const expected = (await (await fetch(`${server.url}/instruments/${encodeURIComponent(ref)}/lineage?up=1&down=1`)).json()).data as { nodes: { key: string }[] };
    const drawn = (await page.getAttribute('#graph', 'data-nodes'))!.split(' ').sort();
    expect(drawn).toEqual(expected.nodes.map((n) => n.key).sort());
    expect(drawn).toContain('vn:hoa-binh.lac-thuy:kh-ubnd:2023:144');
    // The canvas has something drawn on it.
    const inked = await page.evaluate(() => {
      let count = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#graph canvas')) {
        const ctx = canvas.getContext('2d');
        if (!ctx || canvas.width === 0) continue;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      }
      return count;
    });
    expect(inked).toBeGreaterThan(500);
    const rows = await page.locator('#relations tbody tr').allTextContents();
    expect(rows.some((row) => row.includes('144/KH-UBND') && row.includes('thực hiện') && row.includes('15-ĐA/TU'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('ref')).toBe(ref);
    await page.screenshot({ path: join(SHOTS, 'lineage-desktop.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('walks on from the table, with a depth of 2, and at phone width', async () => {
    const { page, context, problems } = await open(`/lineage?ref=${encodeURIComponent(ref)}`, WIDTHS.phone);
    await page.waitForFunction((key) => document.body.dataset.rendered === key, ref);
    await page.selectOption('#up', '2');
    await page.waitForFunction(() => document.querySelectorAll('#relations tbody tr').length > 0);
    await page.locator('#relations a[data-key="vn:hoa-binh.lac-thuy:kh-ubnd:2023:144"]').first().click();
    await page.waitForFunction(() => document.body.dataset.rendered === 'vn:hoa-binh.lac-thuy:kh-ubnd:2023:144');
    expect(await page.textContent('#center-title')).toContain('144/KH-UBND');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'lineage-phone.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the link from a citation card opens the lineage of that instrument', async () => {
    const { page, context } = await open('/');
    await checkText(page, readFileSync(join(ROOT, 'fixtures/plans/003_06262491b62869cd.txt'), 'utf8'));
    const i = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#doc .seg.cit[role="button"]')].findIndex((el) => el.getAttribute('aria-label')?.includes('15- ĐA/TU') || el.getAttribute('aria-label')?.includes('15-ĐA/TU')));
    expect(i).toBeGreaterThanOrEqual(0);
    await page.click(`#c-${i}`);
    await page.click('#citation-card a.lineage-link');
    await page.waitForFunction(() => document.body.dataset.rendered === 'vn:hoa-binh:da-tu:2022:15');
    await context.close();
  });
});
