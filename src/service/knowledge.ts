// Knowledge from the graph for the checker. Rules ask synchronously (KnowledgeResolver), the store
// answers asynchronously, so the instruments a document cites are fetched first, in one pass, and
// the rules then read that snapshot. What the store does not know falls back to the offline
// resolver (the bundled registry), so a store-backed check never knows less than the CLI.
import type { AnalyzedDocument, Citation } from '../citations/model.js';
import type { GraphStore, InstrumentDetail } from '../graph/store.js';
import type { InstrumentFacts, KnowledgeResolver, KnownInstrument } from '../lint/define-rule.js';

/** Fetches what the store knows about every keyed instrument `doc` cites. */
export async function storeKnowledge(
  store: GraphStore,
  doc: AnalyzedDocument,
  fallback: KnowledgeResolver | null,
): Promise<KnowledgeResolver> {
  const keys = [...new Set(doc.citations.map((citation) => citation.key).filter((key): key is string => key !== null))];
  const details = new Map<string, InstrumentDetail>();
  for (const [key, detail] of await Promise.all(keys.map(async (key) => [key, await store.getInstrument(key)] as const))) {
    if (detail) details.set(key, detail);
  }
  // Status events name the acting instrument by key; rules print its number.
  const actingKeys = [...new Set([...details.values()].flatMap((detail) => detail.statusEvents.map((event) => event.by)))].filter(
    (key): key is string => key !== null && !details.has(key),
  );
  const acting = new Map<string, InstrumentDetail>();
  for (const [key, detail] of await Promise.all(actingKeys.map(async (key) => [key, await store.getInstrument(key)] as const))) {
    if (detail) acting.set(key, detail);
  }
  const numberOf = (key: string) => (details.get(key) ?? acting.get(key))?.instrument.number ?? key;
  const typeOf = (key: string) => (details.get(key) ?? acting.get(key))?.instrument.type ?? null;

  const detailOf = (citation: Citation) => (citation.key ? details.get(citation.key) : undefined);

  return {
    statusOf(citation): InstrumentFacts | null {
      const detail = detailOf(citation);
      if (!detail || detail.statusEvents.length === 0) return fallback?.statusOf(citation) ?? null;
      const node = detail.instrument;
      return {
        number: node.number ?? citation.canonicalNumber ?? node.key,
        type: node.type,
        title: node.subject,
        issuer: node.issuer,
        signed: node.date,
        events: detail.statusEvents.map((event) => ({
          kind: event.kind,
          by: event.by === null ? null : numberOf(event.by),
          byType: event.by === null ? null : typeOf(event.by),
          date: event.date,
          confidence: event.confidence,
          source: event.source,
          note: event.note ?? null,
        })),
      };
    },
    issuerAt: fallback?.issuerAt?.bind(fallback),
    // The rules follow replacement chains by number and compare issuers: what the store does not
    // answer, the registry does.
    statusOfNumber: fallback?.statusOfNumber?.bind(fallback),
    sameIssuer: fallback?.sameIssuer?.bind(fallback),
    knownInstrument(citation): KnownInstrument | null {
      const detail = detailOf(citation);
      if (!detail) return fallback?.knownInstrument?.(citation) ?? null;
      const node = detail.instrument;
      return { key: node.key, type: node.type, number: node.number, date: node.date, issuer: node.issuer, subject: node.subject };
    },
    laterInSeries: fallback?.laterInSeries?.bind(fallback),
  };
}
