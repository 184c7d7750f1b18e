// Compares the extractor with the seed gold list (fixtures/gold/gold-citations.jsonl) and prints
// every citation gained or lost: the quick loop for grammar work (the test asserts the same).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/citations/analyze.js';

const root = process.argv[2] ?? 'fixtures';
const nfc = (s: string | null) => (s == null ? null : s.normalize('NFC'));
const gold = readFileSync(join(root, 'gold/gold-citations.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
let tp = 0;
let fp = 0;
let fn = 0;
const fieldErrors: string[] = [];
for (const file of readdirSync(join(root, 'plans')).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(root, 'plans', file), 'utf8');
  const doc = analyze(text, { file });
  const g = gold.filter((x) => x.file === file);
  const used = new Set<number>();
  for (const c of doc.citations) {
    const idx = g.findIndex((x, i) => !used.has(i) && x.line === c.line && nfc(x.surface) === nfc(c.surface));
    const idx2 = idx >= 0 ? idx : g.findIndex((x, i) => !used.has(i) && x.line === c.line && x.type === c.type && nfc(x.number) === nfc(c.number));
    if (idx2 < 0) {
      fp++;
      console.log(`FP ${file}:${c.line} ${JSON.stringify(c.surface)} [${c.type}|${c.number}|${c.date}|${c.section}]`);
      continue;
    }
    used.add(idx2);
    tp++;
    const x = g[idx2];
    const checks: [string, unknown, unknown][] = [
      ['type', x.type, c.type],
      ['number', nfc(x.number), nfc(c.number)],
      ['canonical', x.canonical_number, c.canonicalNumber],
      ['date', x.date, c.date],
      ['section', x.section === 'body' && x.tail ? 'tail' : x.section, c.section],
      ['issuer', nfc(x.issuer), nfc(c.issuer)],
      ['surface', nfc(x.surface), nfc(c.surface)],
      ['relation', x.relation_hint, c.relations.map((r) => `${r.kind} ${r.targetNumber}`).join('; ') || null],
    ];
    for (const [name, want, got] of checks) if (want !== got) fieldErrors.push(`${file}:${c.line} ${name}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  }
  g.forEach((x, i) => {
    if (!used.has(i)) {
      fn++;
      console.log(`FN ${file}:${x.line} ${JSON.stringify(nfc(x.surface))}`);
    }
  });
}
for (const e of fieldErrors) console.log('FIELD', e);
console.log(`tp=${tp} fp=${fp} fn=${fn} fieldErrors=${fieldErrors.length}`);
