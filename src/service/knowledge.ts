// Knowledge from the graph for the checker. Rules ask synchronously (KnowledgeResolver), the store
// answers asynchronously, so the instruments a document cites are fetched first, in one pass, and
// the rules then read that snapshot. What the store does not know falls back to the offline
// resolver (the bundled registry), so a store-backed check never knows less than the CLI.
import type { AnalyzedDocument } from '../citations/model.js';
import { baseIssuer, issuersOf } from '../graph/core/issuers.js';
import type { GraphStore, InstrumentDetail } from '../graph/store.js';
import { seriesOf } from '../knowledge/periods.js';
import type { CitedInstrument, InstrumentFacts, KnowledgeResolver, KnownInstrument } from '../model/knowledge.js';

/** Most instruments of one issuer and type looked at for a series (the newest are what matter; a plan cites few). */
const SERIES_SCAN = 1000;

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

  const detailOf = (citation: CitedInstrument) => (citation.key ? details.get(citation.key) : undefined);

  // Yearly series the graph holds: for each yearly plan cited as a basis, the same issuer's
  // instruments of the same type whose subject is the same but for a later year (stale-series).
  const laterMembers = new Map<string, { node: InstrumentDetail['instrument']; end: string; issuer: string }[]>();
  await Promise.all(
    doc.citations.map(async (citation) => {
      if (!citation.key || citation.repeat || (citation.section !== 'can_cu' && citation.section !== 'title') || laterMembers.has(citation.key)) return;
      const node = details.get(citation.key)?.instrument;
      const type = node?.type ?? citation.type;
      const place = seriesOf(node?.subject ?? citation.subject, type);
      const issuer = issuersOf(node?.issuerCode ?? citation.issuerCode, node?.jurisdiction ?? citation.jurisdiction)[0];
      if (!place || !issuer) return;
      laterMembers.set(citation.key, []);
      // The longest stretch of the subject around the year narrows the search to the series.
      const text = place.pattern.split('§').reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
      const page = await store.searchInstruments({ issuerKey: issuer.key, type, text: text || undefined, limit: SERIES_SCAN });
      const later = page.items.flatMap((other) => {
        const at = other.key === citation.key ? null : seriesOf(other.subject, other.type);
        return at && at.pattern === place.pattern && at.end > place.end && other.date ? [{ node: other, end: at.end, issuer: baseIssuer(issuer).name }] : [];
      });
      laterMembers.set(citation.key, later);
    }),
  );
  const laterInGraph = (citation: CitedInstrument, date: string): KnownInstrument | null => {
    const candidates = (citation.key ? laterMembers.get(citation.key) : undefined)?.filter((entry) => entry.node.date! <= date) ?? [];
    if (candidates.length === 0) return null;
    const latest = candidates.reduce((a, b) => (b.end > a.end || (b.end === a.end && b.node.date! > a.node.date!) ? b : a));
    const node = latest.node;
    // A plan's title is its subject ("Thực hiện …"): cited as "… về thực hiện …".
    const subject = node.subject ? (/^về\s/iu.test(node.subject) ? node.subject : `về ${node.subject.charAt(0).toLowerCase()}${node.subject.slice(1)}`) : null;
    return { key: node.key, type: node.type, number: node.number, date: node.date, issuer: node.issuer ?? latest.issuer, subject, source: null, confidence: 'stated' };
  };

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
    // The registry's series first (sourced), then what the graph holds.
    laterInSeries(citation, date) {
      return fallback?.laterInSeries?.(citation, date) ?? laterInGraph(citation, date);
    },
  };
}
