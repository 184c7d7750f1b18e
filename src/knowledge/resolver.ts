// The registry-backed KnowledgeResolver: what the bundled registry knows about a cited instrument
// (status events, by number), about an issuer on a date (issuers + the 2025 reorganisation) and
// about yearly series. Facts learnt from ingested documents can be added (`addFacts`).
//
// Matching a citation to an instrument:
//   1. by number: the match key of spec-normalised numbers (normalize.ts: NFC, no spaces or "&",
//      Đ look-alikes folded, case and leading zeros ignored, QĐi = QĐ for Party rules); an
//      instrument with no "Đ" at all ("ND-CP") is found by an ASCII key when that key is unambiguous.
//      Party and administrative numbers restart every term/year, so a citation whose date is in
//      another year than the registry's signing date is a different instrument and does not match.
//      Local instruments match only within their jurisdiction.
//   2. despite a wrong type code, for legal-normative numbers only: "Nghị định số 04/2015/NQ-CP"
//      matches 04/2015/NĐ-CP when running number, year and issuer agree AND the type word
//      ("Nghị định") is the registry's type for that instrument, and only one instrument fits.
//      Normative numbering runs per type, so without the type word's confirmation 04/2015/NQ-CP
//      could be another instrument; then nothing matches (matchedBy tells the rules which way).
//   3. named laws ("Luật Tiếp công dân", "Luật Giáo dục 2019"): by title, and by year when several
//      laws share the title; an ambiguous name without a year matches nothing.
// An instrument the registry does not know gives null: unknown, never "in force".
import type {
  CitedInstrument,
  InstrumentFacts,
  InstrumentFamily,
  IssuerValidity,
  KnowledgeResolver,
  KnownInstrument,
  StatusFact,
  UndatedStatusFact,
} from '../model/knowledge.js';
import type { Confidence } from '../model/schemas.js';
import { createIssuerIndex } from './issuers.js';
import type { LearnedFact } from './learn.js';
import { asciiKey, familyOfNumber, isCentralKey, lawTitle, legalParts, numberKey, textKey } from './normalize.js';
import type { Registry } from './registry.js';
import type { InstrumentRecord, SeriesRecord, StatusEventRecord } from './schema.js';

export interface RegistryResolver extends KnowledgeResolver {
  statusOf(citation: CitedInstrument): InstrumentFacts | null;
  statusOfNumber(number: string): InstrumentFacts | null;
  issuerAt(name: string, date: string): IssuerValidity | null;
  knownInstrument(citation: CitedInstrument): KnownInstrument | null;
  laterInSeries(citation: CitedInstrument, date: string): KnownInstrument | null;
  sameIssuer(a: string, b: string): boolean | null;
  /** Adds facts learnt from a document (learn.ts); returns how many were new. */
  addFacts(facts: readonly LearnedFact[]): number;
}

interface Entry {
  number: string;
  type: string | null;
  family: InstrumentFamily;
  title: string | null;
  issuer: string | null;
  issuerConfidence: Confidence;
  jurisdiction: string;
  signed: string | null;
  effective: string | null;
  events: StatusEventRecord[];
  sources: string[];
}

const LAW_TYPES = new Set(['luật', 'bộ luật', 'pháp lệnh']);

function fromRecord(r: InstrumentRecord): Entry {
  return { ...r, events: [...r.events] };
}

function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

/** Two records of one event: same kind by the same instrument (the first one's date is kept). */
function sameEvent(a: StatusEventRecord, b: StatusEventRecord): boolean {
  if (a.kind !== b.kind) return false;
  return a.by !== null || b.by !== null ? a.by !== null && b.by !== null && numberKey(a.by) === numberKey(b.by) : a.date === b.date;
}

export function createRegistryResolver(registry: Registry): RegistryResolver {
  const byKey = new Map<string, Entry>();
  const byAscii = new Map<string, Entry[]>();
  const byLoose = new Map<string, Entry[]>();
  const byTitle = new Map<string, Entry[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => m.set(k, [...(m.get(k) ?? []), v]);

  const entryKey = (number: string, jurisdiction: string) => {
    const k = numberKey(number);
    return jurisdiction === 'tw' ? k : `${jurisdiction}:${k}`;
  };

  function index(e: Entry): void {
    const k = numberKey(e.number);
    byKey.set(entryKey(e.number, e.jurisdiction), e);
    if (e.jurisdiction === 'tw') {
      push(byAscii, asciiKey(k), e);
      const p = legalParts(k);
      if (p) push(byLoose, `${p.seq}/${p.year}/${p.issuer}`, e);
    }
    if (e.type && LAW_TYPES.has(textKey(e.type)) && e.title) push(byTitle, lawTitle(e.title).key, e);
  }
  for (const r of registry.instruments) index(fromRecord(r));

  const issuers = createIssuerIndex(registry);

  const seriesOf = new Map<string, { series: SeriesRecord; at: number }>();
  for (const s of registry.series) s.members.forEach((m, at) => seriesOf.set(numberKey(m.number), { series: s, at }));

  function facts(e: Entry, matchedBy: InstrumentFacts['matchedBy']): InstrumentFacts {
    const events: StatusFact[] = [];
    const undated: UndatedStatusFact[] = [];
    for (const ev of e.events) {
      const byEntry = ev.by ? byKey.get(numberKey(ev.by)) : undefined;
      const base = {
        kind: ev.kind,
        by: ev.by,
        byType: byEntry?.type ?? null,
        confidence: ev.confidence,
        source: ev.source,
        note: ev.note,
        partial: ev.partial,
      };
      if (ev.date === null) undated.push({ ...base, date: null });
      else events.push({ ...base, date: ev.date });
    }
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)); // ISO dates: code-point order, no collator
    return {
      number: e.number,
      type: e.type,
      title: e.title,
      issuer: e.issuer,
      signed: e.signed,
      events,
      effective: e.effective,
      family: e.family,
      matchedBy,
      issuerConfidence: e.issuerConfidence,
      sources: e.sources,
      undated,
    };
  }

  /** Same instrument as far as the citation's own date and place can tell. */
  function compatible(e: Entry, c: CitedInstrument): boolean {
    if (e.jurisdiction !== 'tw') {
      const province = c.jurisdiction?.split('.')[0] ?? null;
      if (province !== e.jurisdiction) return false;
    }
    if (e.family !== 'legal' && c.date && e.signed && yearOf(c.date) !== yearOf(e.signed)) return false;
    return true;
  }

  function lookupNumber(number: string): Entry | null {
    const k = numberKey(number);
    const exact = byKey.get(k);
    if (exact) return exact;
    const ascii = byAscii.get(asciiKey(k)) ?? [];
    return ascii.length === 1 ? ascii[0]! : null;
  }

  function match(c: CitedInstrument): { entry: Entry; by: InstrumentFacts['matchedBy'] } | null {
    if (c.canonicalNumber) {
      const k = numberKey(c.canonicalNumber);
      const local = c.jurisdiction && !isCentralKey(k) ? byKey.get(`${c.jurisdiction.split('.')[0]}:${k}`) : undefined;
      const e = local ?? lookupNumber(c.canonicalNumber);
      if (e) return compatible(e, c) ? { entry: e, by: 'number' } : null;
      const p = legalParts(k);
      if (p) {
        const typeWord = textKey(c.type);
        const fits = (byLoose.get(`${p.seq}/${p.year}/${p.issuer}`) ?? []).filter((x) => x.type !== null && textKey(x.type) === typeWord);
        if (fits.length === 1) return { entry: fits[0]!, by: 'type-tolerant' };
      }
      return null;
    }
    if (!LAW_TYPES.has(textKey(c.type))) return null;
    const written = lawTitle(c.subject ?? c.surface);
    const year = written.year ?? (c.family === 'named' ? null : c.year);
    const candidates = byTitle.get(written.key) ?? [];
    const yearOfEntry = (e: Entry) => lawTitle(e.title ?? '').year ?? yearOf(e.signed) ?? Number(/\/(\d{4})\//.exec(e.number)?.[1] ?? NaN);
    const fits = year === null ? candidates : candidates.filter((e) => yearOfEntry(e) === year);
    return fits.length === 1 ? { entry: fits[0]!, by: 'title' } : null;
  }

  // Several rules ask for the status of the same citation in a row: its answer is kept with the
  // citation object until facts are learnt (addFacts), which may change any match.
  let learntCount = 0;
  const statusCache = new WeakMap<CitedInstrument, { learnt: number; facts: InstrumentFacts | null }>();

  return {
    statusOf(c) {
      const kept = statusCache.get(c);
      if (kept && kept.learnt === learntCount) return kept.facts;
      const m = match(c);
      const found = m ? facts(m.entry, m.by) : null;
      statusCache.set(c, { learnt: learntCount, facts: found });
      return found;
    },
    statusOfNumber(number) {
      const e = lookupNumber(number);
      return e ? facts(e, 'number') : null;
    },
    issuerAt(name, date) {
      return issuers.validityAt(name, date);
    },
    sameIssuer(a, b) {
      const x = issuers.bodiesOf(a);
      const y = issuers.bodiesOf(b);
      if (x.length === 0 || y.length === 0) return null;
      return x.some((id) => y.includes(id));
    },
    knownInstrument(c) {
      const m = match(c);
      if (!m) return null;
      const e = m.entry;
      return {
        key: c.key ?? e.number,
        type: e.type,
        number: e.number,
        date: e.signed,
        issuer: e.issuer,
        subject: e.title,
        source: e.sources[0] ?? null,
      };
    },
    laterInSeries(c, date) {
      if (!c.canonicalNumber) return null;
      const hit = seriesOf.get(numberKey(c.canonicalNumber));
      if (!hit) return null;
      const later = hit.series.members
        .slice(hit.at + 1)
        .filter((m) => (m.date ?? m.existsBy) <= date && m.period > hit.series.members[hit.at]!.period);
      const last = later[later.length - 1];
      if (!last) return null;
      return {
        key: last.number,
        type: last.type,
        number: last.number,
        date: last.date,
        issuer: hit.series.issuer,
        subject: last.subject,
        source: last.source,
        confidence: last.confidence,
      };
    },
    addFacts(learnt) {
      if (learnt.length > 0) learntCount++;
      let added = 0;
      for (const f of learnt) {
        const k = numberKey(f.subject);
        const central = isCentralKey(k);
        if (!central && !f.subjectJurisdiction) continue; // a local number without its place cannot be keyed
        const jurisdiction = central ? 'tw' : f.subjectJurisdiction!.split('.')[0]!;
        let e = byKey.get(entryKey(f.subject, jurisdiction));
        if (!e) {
          e = {
            number: f.subject,
            type: f.subjectType,
            family: familyOfNumber(f.subject),
            title: null,
            issuer: null,
            issuerConfidence: 'inferred',
            jurisdiction,
            signed: null,
            effective: null,
            events: [],
            sources: [],
          };
          index(e);
        }
        const ev: StatusEventRecord = {
          kind: f.event.kind,
          by: f.event.by,
          date: f.event.date,
          partial: f.event.partial ?? false,
          confidence: f.event.confidence,
          source: f.event.source,
          note: f.event.note ?? null,
        };
        if (e.events.some((x) => sameEvent(x, ev))) continue;
        e.events.push(ev);
        added++;
      }
      return added;
    },
  };
}
