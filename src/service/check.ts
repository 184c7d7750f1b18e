// Use case: check a draft's citations. This is the one checking path: `cancu check` calls
// checkSource() for each file it reads and POST /check calls checkDocument(), so both answer the
// same on the same text — same analysis, same rules, the same knowledge (the bundled registry,
// completed by the store's facts when there is a store) and the same JSON. On request (`include`)
// the answer also carries the text that was read (for an uploaded .docx or .pdf, the client cannot
// know it otherwise) and every citation with what was read and its status on the judging date —
// what the web page shows in place.
import type { AnalyzedDocument, Citation, Finding } from '../citations/model.js';
import { locateSpan, type SourceText } from '../documents/index.js';
import type { GraphStore } from '../graph/store.js';
import { earliestDocumentDate } from '../knowledge/as-of.js';
import { changesBefore, endingEvent } from '../knowledge/status.js';
import type { CitationState, CitationView } from '../model/check.js';
import type { KnowledgeResolver, StatusFact } from '../model/knowledge.js';
import type { Lang } from '../model/schemas.js';
import { toJson } from '../lint/formatters/json.js';
import type { LintOptions } from '../lint/index.js';
import type { PresetName } from '../lint/presets/index.js';
import { storeKnowledge } from './knowledge.js';
import { analyzeSource, lintDocument, readSource } from './pipeline.js';

export interface CheckSettings {
  /** ISO date the document is judged at; null: its own date. */
  date: string | null;
  lang: Lang;
  preset?: PresetName;
  /** Per-rule severity or "off" (a configuration file's "rules"), applied after the preset. */
  rules?: LintOptions['rules'];
}

export interface CheckKnowledge {
  /** The graph, when there is one: its facts come first. */
  store: GraphStore | null;
  /** Offline knowledge. Left out: the bundled registry. null: none (rules that need knowledge are skipped). */
  resolver?: KnowledgeResolver | null;
}

let bundled: Promise<KnowledgeResolver | null> | null = null;

/** The bundled validity registry (fixtures/registry) as a resolver, loaded once; null if it cannot be read. */
export function bundledResolver(): Promise<KnowledgeResolver | null> {
  bundled ??= (async () => {
    try {
      const { loadBundledRegistry } = await import('../knowledge/bundled.js');
      const { createRegistryResolver } = await import('../knowledge/resolver.js');
      return createRegistryResolver(loadBundledRegistry());
    } catch {
      return null;
    }
  })();
  return bundled;
}

/** The analysed document, the knowledge it was judged with, and its findings. */
async function analyzeAndLint(source: SourceText, file: string, settings: CheckSettings, knowledge: CheckKnowledge) {
  const doc = analyzeSource(source, file);
  const registry = knowledge.resolver === undefined ? await bundledResolver() : knowledge.resolver;
  const resolver = knowledge.store ? await storeKnowledge(knowledge.store, doc, registry) : registry;
  const messages = lintDocument(doc, { asOf: settings.date ?? undefined, lang: settings.lang, preset: settings.preset, rules: settings.rules, resolver });
  return { doc, resolver, messages };
}

/** The findings for one document read by a documents/ adapter. */
export async function checkSource(source: SourceText, file: string, settings: CheckSettings, knowledge: CheckKnowledge): Promise<Finding[]> {
  return (await analyzeAndLint(source, file, settings, knowledge)).messages;
}

export type CheckInclude = 'source' | 'citations';

export type CheckInput = (
  | { text: string; filename: string; date: string | null; lang: Lang }
  | { bytes: Uint8Array; filename: string; date: string | null; lang: Lang }
) & { include?: readonly CheckInclude[] };

const ENDED: Record<string, CitationState> = { replaced_by: 'replaced', repealed_by: 'repealed', expired: 'expired' };

function statusOf(citation: Citation, resolver: KnowledgeResolver | null, asOf: string | null): CitationView['status'] {
  const facts = resolver?.statusOf(citation) ?? null;
  if (!facts) return { state: 'unknown', by: null, since: null, source: null, confidence: null };
  const fact = (state: CitationState, e: StatusFact) => ({ state, by: e.by, since: e.date, source: e.source, confidence: e.confidence });
  if (asOf) {
    const ended = endingEvent(facts, asOf);
    if (ended) return fact(ENDED[ended.kind] ?? 'replaced', ended);
    const changes = changesBefore(facts, asOf);
    if (changes.length > 0) return fact('amended', changes[changes.length - 1]!);
  }
  return { state: 'in_force', by: null, since: facts.effective ?? facts.signed ?? null, source: facts.sources?.[0] ?? null, confidence: facts.issuerConfidence ?? 'stated' };
}

/**
 * The citation's length in the source. A citation's offset is a source offset but its length
 * counts the analysed text; where the two differ (markdown: a link's URL inside the span) the
 * text offset is found again by binary search (locate is monotonic) and the end mapped back.
 */
function sourceLength(source: SourceText, c: Citation): number {
  if (source.text === source.source) return c.length;
  let lo = 0;
  let hi = source.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (source.locate(mid).sourceOffset < c.offset) lo = mid + 1;
    else hi = mid;
  }
  if (source.text.slice(lo, lo + c.length) !== c.surface) return c.length;
  return locateSpan(source, lo, c.length).end.sourceOffset - c.offset;
}

function citationViews(doc: AnalyzedDocument, source: SourceText, resolver: KnowledgeResolver | null, asOf: string | null): CitationView[] {
  return doc.citations.map((c) => ({
    offset: c.offset,
    length: sourceLength(source, c),
    line: c.line,
    column: c.column,
    section: c.section,
    surface: c.surface,
    type: c.type,
    number: c.number,
    canonicalNumber: c.canonicalNumber,
    date: c.date,
    issuer: c.issuer,
    subject: c.subject,
    key: c.key,
    status: statusOf(c, resolver, asOf),
  }));
}

/** POST /check: the JSON report `cancu check --format json` prints for the same file (with `include`, more). */
export async function checkDocument(input: CheckInput, knowledge: CheckKnowledge) {
  const source = await readSource('bytes' in input ? { bytes: input.bytes, file: input.filename } : { text: input.text, file: input.filename });
  const { doc, resolver, messages } = await analyzeAndLint(source, input.filename, { date: input.date, lang: input.lang }, knowledge);
  const report = toJson([{ file: input.filename, messages }]);
  const include = new Set(input.include ?? []);
  if (include.size === 0) return report;
  const asOf = input.date ?? doc.header.date ?? earliestDocumentDate(doc)?.date ?? null;
  const result = report.results[0]!;
  return {
    ...report,
    results: [
      {
        ...result,
        asOf,
        format: source.format,
        ...(include.has('source') ? { source: source.source } : {}),
        ...(include.has('citations') ? { citations: citationViews(doc, source, resolver, asOf) } : {}),
      },
    ],
  };
}
