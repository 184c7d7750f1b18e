// The web pages as a person sees them: a real `cancu demo` and Debian's headless Chromium
// (scripts/web-browser.ts). Measures, each in a fresh browser context (empty cache):
//   - load of / until the page is ready (navigation start → script run, from the browser's clock)
//   - check of a seed plan: click "Kiểm tra" → the findings drawn and the next frame painted
//   - load of /lineage?ref=… until the picture is drawn
// Usage: npm run build && node dist/scripts/bench-web.js [--runs 15]
// Goals (issue 14): load ≤ 1 s, check of a seed ≤ 500 ms.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, ROOT, startServer } from './web-browser.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const SEEDS = ['002_4a437969179fdfe8.txt', '004_723b0c46fb5dfa44.txt'];
const REF = 'vn:hoa-binh:da-tu:2022:15';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(0)} ms, p90 ${quantile(xs, 0.9).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`;

const server = await startServer();
const browser = await launchBrowser();
try {
  const load: number[] = [];
  const checks: Record<string, number[]> = Object.fromEntries(SEEDS.map((s) => [s, []]));
  const lineage: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    load.push(await page.evaluate(() => performance.now()));
    for (const seed of SEEDS) {
      await page.fill('#draft', readFileSync(join(ROOT, 'fixtures/plans', seed), 'utf8'));
      await page.fill('#as-of', '');
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const counts = document.getElementById('counts')!;
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
            });
            observer.observe(counts, { childList: true, subtree: true, characterData: true });
            document.getElementById('check-button')!.click();
          }),
      );
      checks[seed]!.push(ms);
    }
    await context.close();
    const lc = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const lp = await lc.newPage();
    await lp.goto(`${server.url}/lineage?ref=${encodeURIComponent(REF)}`);
    await lp.waitForFunction((key) => document.body.dataset.rendered === key, REF);
    lineage.push(await lp.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))));
    await lc.close();
  }
  const cpu = cpus();
  process.stdout.write(
    [
      `machine: ${cpu[0]?.model ?? 'cpu'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, Chromium ${browser.version()}`,
      `page load / (navigation → ready):          ${fmt(load)}   goal ≤ 1000 ms`,
      ...SEEDS.map((s) => `check ${s} (${(readFileSync(join(ROOT, 'fixtures/plans', s)).length / 1024).toFixed(0)} KB) click → painted: ${fmt(checks[s]!)}   goal ≤ 500 ms`),
      `lineage page /lineage?ref=${REF} (navigation → picture drawn): ${fmt(lineage)}`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  await server.stop();
}
