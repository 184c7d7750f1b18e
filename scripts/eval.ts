// `npm run eval`: scores extraction on the real-document corpus (fixtures/corpus/{dev,test}) and
// on the seeds by the rules of spec/evaluation.md — recall and precision on (type, number, date),
// issuer accuracy, misses by class — and scores the checker on every split that has hand
// judgements of its findings (fixtures/corpus/<split>/judgements.jsonl): the share of warnings and
// errors judged true, and the false errors.
//
//   node dist/scripts/eval.js [--split dev|test|seeds] [--show] [--json FILE] [--unjudged FILE]
//
// --show prints each miss of the dev half and the seeds; the test half is only ever counted (it is
// the split no one reads while fixing the grammar). --unjudged writes the findings that have no
// judgement yet as JSONL lines with "verdict": null, for a reviewer to fill in.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/citations/analyze.js';
import type { Citation, Finding } from '../src/citations/model.js';
import { readDocument } from '../src/documents/index.js';
import { lint } from '../src/lint/index.js';
import { loadBundledRegistry } from '../src/knowledge/bundled.js';
import { createRegistryResolver } from '../src/knowledge/resolver.js';
import { packageRoot } from '../src/cli/main.js';
import { goldIssuerMatches, matchCitations, type GoldLine, type MatchResult } from './eval-match.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] ?? null : null;
};

const root = packageRoot();
const corpus = join(root, 'fixtures/corpus');
const splitsWanted = arg('split') ? [arg('split')!] : ['seeds', 'dev', 'test'];
const show = flag('show');
const resolver = createRegistryResolver(loadBundledRegistry());

interface Judgement {
  doc: string;
  ruleId: string;
  line: number;
  evidence: string;
  verdict: 'true' | 'false' | null;
  why?: string;
}

const readJsonl = <T>(file: string): T[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as T)
    : [];

/** Seeds: their gold uses file/line; turn each line into doc/start on the raw text. */
function seedDocs(): { doc: string; path: string; gold: GoldLine[] }[] {
  const gold = readJsonl<{ file: string; line: number; surface: string; type: string; number: string | null; date: string | null; issuer: string | null; section: string }>(
    join(root, 'fixtures/gold/gold-citations.jsonl'),
  );
  const files = [...new Set(gold.map((g) => g.file))].sort();
  return files.map((file) => {
    const path = join(root, 'fixtures/plans', file);
    const text = readFileSync(path, 'utf8');
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lines: GoldLine[] = gold
      .filter((g) => g.file === file)
      .map((g) => {
        const from = lineStarts[g.line - 1] ?? 0;
        const at = text.indexOf(g.surface, from);
        const start = at >= 0 ? at : from;
        return { doc: file, start: [...text.slice(0, start)].length, surface: g.surface, type: g.type, number: g.number, date: g.date, issuer: g.issuer, section: g.section, note: null };
      });
    return { doc: file, path, gold: lines };
  });
}

function corpusDocs(split: string): { doc: string; path: string; gold: GoldLine[] }[] {
  const dir = join(corpus, split);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ doc: f, path: join(dir, f), gold: readJsonl<GoldLine>(join(dir, f.replace(/\.txt$/, '.gold.jsonl'))) }));
}

interface SplitScore {
  split: string;
  documents: number;
  gold: number;
  predictions: number;
  right: number;
  recall: number;
  precision: number;
  issuerMatches: number;
  issuerRight: number;
  issuerAccuracy: number;
  misses: Record<string, number>;
  issuerShapes: Record<string, number>;
  /** False errors by rule (counts). */
  falseErrorRules: Record<string, number>;
  checker: { findings: number; judged: number; judgedTrue: number; judgedFalse: number; falseErrors: number; unjudged: number; trueShare: number | null };
  /** Per rule: findings (warning and error), judged true, judged false, unjudged. */
  byRule: Record<string, [number, number, number, number]>;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The shape of an issuer miss, as a count (the test half is only ever counted): a wrong issuer read
 * too far, cut short or other; a lost one written before the citation, after it, or not near it.
 */
function countIssuerShape(s: SplitScore, text: string, g: GoldLine, c: Citation): string {
  const fold = (x: string) => x.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
  const want = fold(g.issuer!);
  let shape: string;
  if (c.issuer) {
    const got = fold(c.issuer);
    shape = got.startsWith(want) || got.includes(want) ? 'wrong: read too far' : want.startsWith(got) ? 'wrong: cut short' : 'wrong: other';
  } else {
    const flat = text.normalize('NFC').replace(/\s+/gu, ' ').toLowerCase();
    const at = c.offset;
    const near = (from: number, to: number) => flat.slice(Math.max(0, from), Math.max(0, to)).includes(want);
    shape = near(at - 250, at) ? 'lost: written before' : near(at, at + c.length + 300) ? 'lost: written after' : 'lost: not near';
  }
  s.issuerShapes[shape] = (s.issuerShapes[shape] ?? 0) + 1;
  return shape;
}
const unjudgedOut: Record<string, unknown>[] = [];
const report: SplitScore[] = [];

for (const split of splitsWanted) {
  const docs = split === 'seeds' ? seedDocs() : corpusDocs(split);
  if (!docs.length) continue;
  const judgements = split === 'seeds' ? [] : readJsonl<Judgement>(join(corpus, split, 'judgements.jsonl'));
  const judged = new Map(judgements.map((j) => [`${j.doc}|${j.ruleId}|${j.line}|${j.evidence.normalize('NFC')}`, j]));
  const s: SplitScore = {
    split,
    documents: docs.length,
    gold: 0,
    predictions: 0,
    right: 0,
    recall: 0,
    precision: 0,
    issuerMatches: 0,
    issuerRight: 0,
    issuerAccuracy: 0,
    misses: {},
    issuerShapes: {},
    falseErrorRules: {},
    checker: { findings: 0, judged: 0, judgedTrue: 0, judgedFalse: 0, falseErrors: 0, unjudged: 0, trueShare: null },
    byRule: {},
  };
  const count = (k: string) => (s.misses[k] = (s.misses[k] ?? 0) + 1);
  const details = show && split !== 'test';
  for (const d of docs) {
    const source = await readDocument(d.path);
    const doc = analyze(source.text, { file: d.doc, locate: source.locate });
    const text = source.text;
    const result: MatchResult = matchCitations(text, d.gold, doc.citations);
    s.gold += d.gold.length;
    s.predictions += doc.citations.length;
    const say = (kind: string, g: GoldLine | null, c: Citation | null) => {
      count(kind);
      if (!details) return;
      const where = g ? `${g.surface.replace(/\n/g, '⏎')}` : `${c!.surface.replace(/\n/g, '⏎')}`;
      const got = c ? ` → got [${c.type} | ${c.number} | ${c.date} | ${c.issuer}]` : '';
      const want = g ? ` want [${g.type} | ${g.number} | ${g.date} | ${g.issuer}]` : '';
      console.log(`${kind.padEnd(14)} ${d.doc}: ${where}${want}${got}`);
    };
    for (const m of result.pairs) {
      const { gold: g, prediction: c } = m;
      if (m.right) s.right++;
      else if (!m.typeRight) say('wrong-type', g, c);
      else if (g.date && !c.date) say('date-lost', g, c);
      else if (!g.date && c.date) say('date-invented', g, c);
      else say('date-wrong', g, c);
      if (g.issuer) {
        s.issuerMatches++;
        if (goldIssuerMatches(g.issuer, c.issuer)) s.issuerRight++;
        else {
          say(c.issuer ? 'issuer-wrong' : 'issuer-lost', g, c);
          const shape = countIssuerShape(s, text, g, c);
          if (details) console.log(`               (${shape})`);
        }
      }
    }
    for (const g of result.missed) say(g.number ? 'missed' : 'missed-named', g, null);
    for (const c of result.spurious) say(c.number ? 'spurious' : 'spurious-named', null, c);
    // The checker: warnings and errors, against the hand judgements.
    const findings: Finding[] = lint(doc, { resolver }).filter((f) => f.severity !== 'info');
    for (const f of findings) {
      s.checker.findings++;
      const row = (s.byRule[f.ruleId] ??= [0, 0, 0, 0]);
      row[0]++;
      const j = judged.get(`${d.doc}|${f.ruleId}|${f.line}|${f.evidence.normalize('NFC')}`);
      if (!j || j.verdict === null) {
        s.checker.unjudged++;
        row[3]++;
        unjudgedOut.push({ split, doc: d.doc, ruleId: f.ruleId, severity: f.severity, line: f.line, evidence: f.evidence, message: f.message, expected: f.expected ?? null, verdict: null, why: '' });
        continue;
      }
      s.checker.judged++;
      if (j.verdict === 'true') {
        s.checker.judgedTrue++;
        row[1]++;
      } else {
        row[2]++;
        s.checker.judgedFalse++;
        if (f.severity === 'error') {
          s.checker.falseErrors++;
          s.falseErrorRules[f.ruleId] = (s.falseErrorRules[f.ruleId] ?? 0) + 1;
        }
        if (details) console.log(`false-finding  ${d.doc}:${f.line} ${f.ruleId} ${JSON.stringify(f.evidence)} — ${j.why ?? ''}`);
      }
    }
  }
  s.recall = s.gold ? round(s.right / s.gold) : 0;
  s.precision = s.predictions ? round(s.right / s.predictions) : 0;
  s.issuerAccuracy = s.issuerMatches ? round(s.issuerRight / s.issuerMatches) : 0;
  s.checker.trueShare = s.checker.judged ? round(s.checker.judgedTrue / s.checker.judged) : null;
  report.push(s);
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
console.log('\n| split | docs | gold | predicted | right | recall | precision | issuer acc. | checker: findings (w+e) | judged true | false errors | unjudged |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const s of report) {
  const c = s.checker;
  console.log(
    `| ${s.split} | ${s.documents} | ${s.gold} | ${s.predictions} | ${s.right} | ${pct(s.recall)} | ${pct(s.precision)} | ${pct(s.issuerAccuracy)} (${s.issuerRight}/${s.issuerMatches}) | ${c.findings} | ${c.judged ? `${pct(c.trueShare)} (${c.judgedTrue}/${c.judged})` : '—'} | ${c.falseErrors} | ${c.unjudged} |`,
  );
}
console.log('\nFalse errors by rule:');
for (const s of report) console.log(`  ${s.split}: ${Object.entries(s.falseErrorRules).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
console.log('\nIssuer misses by shape:');
for (const s of report) console.log(`  ${s.split}: ${Object.entries(s.issuerShapes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
console.log('\nMisses by class:');
for (const s of report) console.log(`  ${s.split}: ${Object.entries(s.misses).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
console.log('\nChecker by rule (findings / judged true / judged false / unjudged):');
for (const s of report) {
  if (!s.checker.findings) continue;
  console.log(`  ${s.split}: ${Object.entries(s.byRule).sort((a, b) => b[1][0] - a[1][0]).map(([k, [n, t, f, u]]) => `${k} ${n}/${t}/${f}/${u}`).join(', ')}`);
}
const json = arg('json');
if (json) writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
const unjudged = arg('unjudged');
if (unjudged) writeFileSync(unjudged, unjudgedOut.map((u) => JSON.stringify(u)).join('\n') + (unjudgedOut.length ? '\n' : ''));
