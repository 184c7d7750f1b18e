import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { fromBuffer, readDocument } from '../../src/documents/index.js';
import { linesOfItems, pageText } from '../../src/documents/pdf.js';
// @ts-expect-error -- plain .mjs fixture generator, no type declarations
import { imageOnlyPdf, pdfWithContent } from '../../fixtures/documents/make-pdf-fixtures.mjs';
import { type Api, call, memoryStore, multipart, startApi } from '../http/helpers.js';
import { documentError, fixture } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const SEED_TXT = join(root, 'fixtures/plans/001_0c8db8813ae77d4b.txt');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const citationsOf = (text: string) =>
  analyze(text, { file: 'x' }).citations.map((c) => ({
    section: c.section,
    type: c.type,
    number: c.number,
    date: c.date,
    issuer: c.issuer && squash(c.issuer),
    key: c.key,
    surface: squash(c.surface),
  }));

describe('pdf adapter: a seed plan exported to PDF by LibreOffice', async () => {
  const pdf = await readDocument(fixture('seed-plan.pdf'));
  const txt = await readDocument(SEED_TXT);

  it('reads the whole text layer in reading order (same words as the .txt, in the same order)', () => {
    expect(pdf.format).toBe('pdf');
    expect(pdf.text).toBe(pdf.source);
    expect(squash(pdf.text)).toBe(squash(txt.text));
  });

  it('keeps the visual lines: soft wraps stay line breaks, paragraph gaps are empty lines', () => {
    const lines = pdf.text.split('\n');
    // The .txt has one line per paragraph; the PDF wraps them at the page width.
    expect(lines.length).toBeGreaterThan(txt.text.split('\n').length);
    expect(lines).toContain('Thực hiện kế hoạch số 210/KH-UBND ngày 14 tháng 03 năm 2023 của Ủy ban nhân dân thành');
    const at = lines.indexOf('Thực hiện kế hoạch số 210/KH-UBND ngày 14 tháng 03 năm 2023 của Ủy ban nhân dân thành');
    expect(lines[at + 1]).toBe('phố Thủ Đức về dân vận của chính quyền năm 2023;');
    expect(lines[at - 1]).toBe('');
  });

  it('cites the same instruments as the .txt: the reflow stage joins the wrapped lines', () => {
    const fromPdf = citationsOf(pdf.text);
    const fromTxt = citationsOf(txt.text);
    expect(fromTxt.length).toBeGreaterThan(5);
    expect(fromPdf).toEqual(fromTxt);
  });

  it('locates offsets on their page and line', () => {
    const first = pdf.locate(pdf.text.indexOf('210/KH-UBND'));
    expect(first).toMatchObject({ page: 1, line: first.pageLine });
    const nd = pdf.text.indexOf('30/2020/NĐ-CP');
    const loc = pdf.locate(nd);
    expect(loc.page).toBe(2);
    expect(loc.sourceOffset).toBe(nd);
    const lines = pdf.text.split('\n');
    expect(lines[loc.line - 1]!.slice(loc.column - 1)).toMatch(/^30\/2020\/NĐ-CP/);
    // Page 2 starts where page 1's lines end.
    expect(loc.line - loc.pageLine!).toBeGreaterThan(30);
  });

  it('reads the .docx of the same plan to the same citations as the .txt', async () => {
    const docx = await readDocument(fixture('seed-plan.docx'));
    expect(citationsOf(docx.text)).toEqual(citationsOf(txt.text));
  });
});

describe('pdf adapter: line building', () => {
  const item = (str: string, x: number, y: number, hasEOL = false, width = str.length * 5) => ({ str, x, y, hasEOL, transform: [10, 0, 0, 10, x, y], width, height: 10 });

  it('starts a new line when the baseline moves, even without an end-of-line mark', () => {
    const lines = linesOfItems([item('Căn cứ Luật', 50, 700), item('Tổ chức', 50, 688)]);
    expect(lines.map((l) => l.text)).toEqual(['Căn cứ Luật', 'Tổ chức']);
  });

  it('puts a space between words drawn apart, and none inside a word drawn in pieces', () => {
    const lines = linesOfItems([item('Nghị', 50, 700, false, 20), item('định', 80, 700, false, 20), item('số', 100, 700, true, 10)]);
    expect(lines[0]!.text).toBe('Nghị địnhsố');
  });

  it('writes a paragraph gap as one empty line', () => {
    const lines = [700, 688, 676, 640, 628].map((y, i) => ({ text: `dòng ${i}`, y, size: 10 }));
    expect(pageText(lines)).toEqual(['dòng 0', 'dòng 1', 'dòng 2', '', 'dòng 3', 'dòng 4']);
  });
});

describe('pdf adapter: PDFs that cannot be read', () => {
  it('says that a scanned PDF has no text layer, in Vietnamese and English', async () => {
    const err = await documentError(() => readDocument(fixture('scanned-page.pdf')));
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('không có lớp chữ');
    expect(err.message).toContain('bản quét');
    expect(err.message).toContain('.docx');
    expect(err.messageEn).toContain('no text layer');
    // The committed fixture is what the generator writes.
    expect(readFileSync(fixture('scanned-page.pdf'))).toEqual(imageOnlyPdf());
  });

  it('refuses a file named .pdf that is not a PDF, naming what it is', async () => {
    const err = await documentError(() => fromBuffer(Buffer.from('PK\u0003\u0004 not really'), 'draft.pdf'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('không phải PDF hợp lệ');
    expect(err.message).toContain('ZIP');
  });

  it('refuses a damaged PDF with a message instead of crashing', async () => {
    const whole = readFileSync(fixture('seed-plan.pdf'));
    const err = await documentError(() => fromBuffer(whole.subarray(0, 900), 'cut.pdf'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/PDF/);
  });

  it('reads a PDF whose lines are drawn in separate text objects, each on its own line', async () => {
    const helvetica = '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>';
    const bytes = pdfWithContent('BT /F1 12 Tf 50 700 Td (Quyet dinh so 12/QD-UBND) Tj ET\nBT /F1 12 Tf 50 686 Td (ngay 05/3/2020) Tj ET', helvetica);
    const st = await fromBuffer(bytes, 'x.pdf');
    expect(st.text).toBe('Quyet dinh so 12/QD-UBND\nngay 05/3/2020');
    expect(st.locate(st.text.indexOf('ngay'))).toEqual({ line: 2, column: 1, sourceOffset: 25, page: 1, pageLine: 2 });
  });
});

describe('pdf in the CLI and the API', () => {
  const bin = join(root, 'dist/src/cli/cancu.cjs');
  let api: Api;
  beforeAll(async () => {
    api = await startApi(memoryStore());
  });
  afterAll(async () => api?.close());

  it('cancu extract reads a .pdf like the .txt of the same plan (same count)', () => {
    const pdf = spawnSync(process.execPath, [bin, 'extract', fixture('seed-plan.pdf')], { encoding: 'utf8' });
    expect(pdf.status, pdf.stderr).toBe(0);
    const txt = spawnSync(process.execPath, [bin, 'extract', SEED_TXT], { encoding: 'utf8' });
    const count = /(\d+) trích dẫn/.exec(txt.stdout)![1];
    expect(pdf.stdout).toContain(`${count} trích dẫn`);
    expect(pdf.stdout).toContain('Nghị định 30/2020/NĐ-CP (2020-03-05)');
  });

  it('cancu ingest takes a .pdf: the plan and its citations are in the store', () => {
    const data = mkdtempSync(join(tmpdir(), 'cancu-pdf-ingest-'));
    try {
      const run = spawnSync(process.execPath, [bin, 'ingest', fixture('seed-plan.pdf')], { encoding: 'utf8', env: { ...process.env, CANCU_DATA_DIR: data, NEO4J_URI: '' } });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ {2}đã ghi +1$/m);
      expect(run.stdout).toMatch(/^trích dẫn đã ghi +[1-9]\d*$/m);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('cancu check on a scanned PDF exits 2 with the message', () => {
    const run = spawnSync(process.execPath, [bin, 'check', fixture('scanned-page.pdf')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain('không có lớp chữ');
  });

  it('POST /check takes a .pdf upload and answers a scanned one with a 4xx and the message', async () => {
    const ok = await call(`${api.url}/check`, multipart('seed-plan.pdf', readFileSync(fixture('seed-plan.pdf'))));
    expect(ok.status).toBe(200);
    expect(ok.body.data.results[0].file).toBe('seed-plan.pdf');
    const scanned = await call(`${api.url}/check`, multipart('scan.pdf', readFileSync(fixture('scanned-page.pdf'))));
    expect(scanned.status).toBeGreaterThanOrEqual(400);
    expect(scanned.status).toBeLessThan(500);
    expect(JSON.stringify(scanned.body)).toContain('không có lớp chữ');
    const health = await call(`${api.url}/health`);
    expect(health.status).toBe(200);
  });
});
