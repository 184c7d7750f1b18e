// The packed tables of the embedded store — the only module that knows their layout. Everything
// else (the merge, the queries, the log) goes through the named accessors and the encoders here.
//
// - A document's contribution is three Int32Arrays: its CITES edges (CITE_INTS ints each), the
//   relation edges it states (from id, to id, kind index) and its findings (FINDING_INTS ints each).
//   Every string is interned (see Tables): instrument keys in `keys`, long texts in `strings`,
//   short recurring texts in `vocab`; a citation's as-written parts as slices of its surface.
// - Reverse adjacency (who cites / implements X) is derived from the contributions as compressed
//   sparse rows (Adjacency), each relation entry packing the other end's id and the kind.
// - The file numbers strings in its own order: a write frame holds the same ints with file ids
//   (toFileInts / fromFileInts).
import type { CitesEdge, RelationEdge, StoredFinding } from '../store.js';
import { RELATION_KINDS, type RelationKind } from '../core/validate.js';
import { Dictionary } from './dictionary.js';

/** Int32 fields per CITES edge (see Tables.encodeCites for what each holds). */
const STRIDE = 12;
const C_TO = 0;
const C_SECTION = 1;
const C_OFFSET = 2;
const C_LENGTH = 3;
const C_LINE = 4;
const C_COLUMN = 5;
const C_SURFACE = 6;
const C_NUMBER = 7;
const C_DATE_WRITTEN = 8;
const C_DATE = 9;
const C_ISSUER = 10;
const C_TYPE = 11;
/** Fields of a cite that hold a string id of `strings` when >= 0 (C_ISSUER: of `vocab`). */
const C_TEXTS = [C_SURFACE, C_NUMBER, C_DATE_WRITTEN, C_DATE, C_TYPE] as const;

/** Int32 fields per stored finding. */
const F_STRIDE = 7;
const F_RULE = 0;
const F_SEVERITY = 1;
const F_MESSAGE = 2;
const F_LINE = 3;
const F_COLUMN = 4;
const F_EVIDENCE = 5;
const F_EXPECTED = 6;

/** Int32 fields per relation edge: from, to, kind. */
const R_STRIDE = 3;

/** Longest as-written text stored as a slice of the surface (see encodeText). */
const MAX_SLICE = 255;
const MAX_SLICE_START = 1 << 22;

/** What one document (or the registry) contributes: its edges and findings, packed. */
export interface Contribution {
  cites: Int32Array;
  rels: Int32Array;
  findings: Int32Array;
}

// — named accessors over a contribution —

export function citeCount(contribution: Contribution): number {
  return contribution.cites.length / STRIDE;
}

export function findingCount(contribution: Contribution): number {
  return contribution.findings.length / F_STRIDE;
}

export function relationCount(contribution: Contribution): number {
  return contribution.rels.length / R_STRIDE;
}

/** The node id the `index`-th CITES edge points to. */
export function citeTarget(contribution: Contribution, index: number): number {
  return contribution.cites[index * STRIDE + C_TO]!;
}

export function relationFrom(contribution: Contribution, index: number): number {
  return contribution.rels[index * R_STRIDE]!;
}

export function relationTo(contribution: Contribution, index: number): number {
  return contribution.rels[index * R_STRIDE + 1]!;
}

export function relationKind(contribution: Contribution, index: number): RelationKind {
  return RELATION_KINDS[contribution.rels[index * R_STRIDE + 2]!]!;
}

/** Ints of a frame's document: its cites, then its findings (see Tables.toFileInts). */
export function frameInts(cites: number, findings: number): { cites: number; findings: number } {
  return { cites: cites * STRIDE, findings: findings * F_STRIDE };
}

export function totalInts(contribution: Contribution): number {
  return contribution.cites.length + contribution.findings.length;
}

/** Index of the citation a finding at `line`:`column` is about (it starts within the citation's surface), or -1. */
function citeAt(cites: readonly CitesEdge[], line: number, column: number): number {
  for (let i = 0; i < cites.length; i++) {
    const cite = cites[i]!;
    if (cite.line === line && column >= cite.column && column < cite.column + cite.length) return i;
  }
  return -1;
}

/**
 * The string tables and the per-node tables indexed by key id: interning, how many edges touch
 * each node, and what encoding remembers per instrument.
 */
export class Tables {
  readonly keys = new Dictionary();
  readonly strings = new Dictionary();
  /** Short strings from a small set (sections, issuers as written, rule ids, severities; node types, dates, issuers, codes, jurisdictions): a small, cache-friendly table. */
  readonly vocab = new Dictionary();
  /** Number of edges touching each node (orphan detection), by key id. */
  private readonly refs: number[] = [];
  /**
   * Rule id (vocabulary) → instrument id → the message last stored for that rule about that
   * instrument (a string id, -1 for none). A finding's message is nearly always the one the same
   * rule gave for the same instrument in an earlier document; comparing it with that one costs
   * far less than hashing a long new copy for the string table.
   */
  private readonly lastMessages = new Map<number, Int32Array>();
  /**
   * Instrument id → the surfaces its citations were written with, as pairs (fingerprint, string
   * id). A citation's surface is looked for among its own instrument's few surfaces — an int scan
   * and a comparison of equal-looking strings — instead of being hashed into the large string
   * table.
   */
  private readonly surfacesOf: number[][] = [];

  /** The id of `key`, interned when new. */
  keyId(key: string): number {
    const id = this.keys.id(key);
    if (id >= this.refs.length) this.refs.push(0);
    return id;
  }

  keyOf(id: number): string {
    return this.keys.values[id]!;
  }

  /** Whether no edge touches node `id`. */
  unreferenced(id: number): boolean {
    return this.refs[id] === 0;
  }

  /** Counts the edges of `contribution` (of document `docId`) in or out of the nodes they touch. */
  count(docId: number, contribution: Contribution, delta: 1 | -1): void {
    const { cites, rels } = contribution;
    const refs = this.refs;
    for (let i = 0; i < cites.length; i += STRIDE) {
      refs[docId] = (refs[docId] ?? 0) + delta;
      const to = cites[i + C_TO]!;
      refs[to] = (refs[to] ?? 0) + delta;
    }
    for (let i = 0; i < rels.length; i += R_STRIDE) {
      refs[rels[i]!] = (refs[rels[i]!] ?? 0) + delta;
      refs[rels[i + 1]!] = (refs[rels[i + 1]!] ?? 0) + delta;
    }
  }

  /** The nodes `contribution` has edges to or from, `docId` itself excluded. */
  touched(docId: number, contribution: Contribution): Set<number> {
    const ids = new Set<number>();
    const { cites, rels } = contribution;
    for (let i = 0; i < cites.length; i += STRIDE) ids.add(cites[i + C_TO]!);
    for (let i = 0; i < rels.length; i += R_STRIDE) {
      ids.add(rels[i]!);
      ids.add(rels[i + 1]!);
    }
    ids.delete(docId);
    return ids;
  }

  // — CITES —

  /** `toIds`: the targets' node ids when already known (planBatch's citeRefs). */
  encodeCites(cites: readonly CitesEdge[], toIds?: readonly number[]): Int32Array {
    const packed = new Int32Array(cites.length * STRIDE);
    let at = 0;
    for (let i = 0; i < cites.length; i++) {
      const cite = cites[i]!;
      const surface = cite.surface;
      packed[at + C_TO] = toIds ? toIds[i]! : this.keyId(cite.to);
      packed[at + C_SECTION] = this.vocab.id(cite.section);
      packed[at + C_OFFSET] = cite.offset;
      packed[at + C_LENGTH] = cite.length;
      packed[at + C_LINE] = cite.line;
      packed[at + C_COLUMN] = cite.column;
      packed[at + C_SURFACE] = this.surfaceId(packed[at + C_TO]!, surface);
      packed[at + C_NUMBER] = this.encodeText(cite.numberWritten, surface);
      packed[at + C_DATE_WRITTEN] = this.encodeText(cite.dateWritten, surface);
      packed[at + C_DATE] = this.encodeDate(cite.date);
      // An issuer as written is seldom inside the surface, and there are few of them.
      packed[at + C_ISSUER] = cite.issuerWritten === null || cite.issuerWritten === undefined ? -1 : this.vocab.id(cite.issuerWritten);
      packed[at + C_TYPE] = this.encodeText(cite.typeWritten, surface);
      at += STRIDE;
    }
    return packed;
  }

  /** The `index`-th CITES edge of `contribution`, written by document `from`. */
  decodeCite(from: string, contribution: Contribution, index: number): CitesEdge {
    const cites = contribution.cites;
    const at = index * STRIDE;
    const surface = this.strings.values[cites[at + C_SURFACE]!]!;
    return {
      from,
      to: this.keys.values[cites[at + C_TO]!]!,
      section: this.vocab.values[cites[at + C_SECTION]!]!,
      offset: cites[at + C_OFFSET]!,
      length: cites[at + C_LENGTH]!,
      line: cites[at + C_LINE]!,
      column: cites[at + C_COLUMN]!,
      surface,
      numberWritten: this.decodeText(cites[at + C_NUMBER]!, surface),
      dateWritten: this.decodeText(cites[at + C_DATE_WRITTEN]!, surface),
      date: this.decodeDate(cites[at + C_DATE]!),
      issuerWritten: cites[at + C_ISSUER]! < 0 ? null : this.vocab.values[cites[at + C_ISSUER]!]!,
      typeWritten: this.decodeText(cites[at + C_TYPE]!, surface),
    };
  }

  /**
   * An as-written text of a citation: -1 for none; most are part of the surface
   * ("Nghị định số 04/2015/NĐ-CP ngày 9-1-2015" holds the type, the number and the date as
   * written), kept as that slice (<= -2: start and length) instead of a string of their own; else
   * an interned id.
   */
  private encodeText(value: string | null | undefined, surface: string): number {
    if (value === null || value === undefined) return -1;
    if (value.length <= MAX_SLICE) {
      const start = surface.indexOf(value);
      if (start >= 0 && start < MAX_SLICE_START) return -2 - (start * 256 + value.length);
    }
    return this.strings.id(value);
  }

  private decodeText(code: number, surface: string): string | null {
    if (code === -1) return null;
    if (code >= 0) return this.strings.values[code]!;
    const packed = -2 - code;
    const start = Math.floor(packed / 256);
    return surface.slice(start, start + (packed & 255));
  }

  /** A normalised date (YYYY-MM-DD) as -2 - YYYYMMDD; anything else interned. */
  private encodeDate(value: string | null | undefined): number {
    if (value === null || value === undefined) return -1;
    const packed = isoDateNumber(value);
    if (packed >= 0) return -2 - packed;
    return this.strings.id(value);
  }

  private decodeDate(code: number): string | null {
    if (code === -1) return null;
    if (code >= 0) return this.strings.values[code]!;
    const packed = -2 - code;
    const text = String(packed).padStart(8, '0');
    return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  }

  /** The string id of `surface`, written of instrument `to` (see surfacesOf). */
  private surfaceId(to: number, surface: string): number {
    const print = fingerprint(surface);
    let list = this.surfacesOf[to];
    if (list === undefined) {
      list = [];
      this.surfacesOf[to] = list;
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === print && this.strings.values[list[i + 1]!] === surface) return list[i + 1]!;
      }
    }
    const id = this.strings.add(surface);
    list.push(print, id);
    return id;
  }

  /** Replay: records that instrument `to` was cited with the surface of string id `id`. */
  private knowSurface(to: number, id: number): void {
    let list = this.surfacesOf[to];
    if (list === undefined) {
      list = [];
      this.surfacesOf[to] = list;
    } else {
      for (let i = 1; i < list.length; i += 2) if (list[i] === id) return;
    }
    list.push(fingerprint(this.strings.values[id]!), id);
  }

  // — relations —

  encodeRels(relations: readonly RelationEdge[]): Int32Array {
    const packed = new Int32Array(relations.length * R_STRIDE);
    relations.forEach((relation, i) => {
      packed[i * R_STRIDE] = this.keyId(relation.from);
      packed[i * R_STRIDE + 1] = this.keyId(relation.to);
      packed[i * R_STRIDE + 2] = RELATION_KINDS.indexOf(relation.kind as RelationKind);
    });
    return packed;
  }

  // — findings —

  /**
   * Findings as ints. `cites` and `packedCites` (the same citations, encoded) let a finding about
   * a citation reuse what is known of it: evidence that is the citation's surface takes the
   * surface's id, and the message is first compared with the one last stored for the same rule
   * and instrument (see lastMessages) — both without hashing the text again.
   */
  encodeFindings(findings: readonly StoredFinding[], cites: readonly CitesEdge[] = [], packedCites?: Int32Array): Int32Array {
    const packed = new Int32Array(findings.length * F_STRIDE);
    let at = 0;
    for (const finding of findings) {
      const rule = this.vocab.id(finding.ruleId);
      packed[at + F_RULE] = rule;
      packed[at + F_SEVERITY] = this.vocab.id(finding.severity);
      packed[at + F_LINE] = finding.line;
      packed[at + F_COLUMN] = finding.column;
      const cite = packedCites ? citeAt(cites, finding.line, finding.column) : -1;
      if (cite >= 0) {
        const surfaceId = packedCites![cite * STRIDE + C_SURFACE]!;
        packed[at + F_MESSAGE] = this.messageAbout(rule, packedCites![cite * STRIDE + C_TO]!, finding.message);
        packed[at + F_EVIDENCE] = finding.evidence === cites[cite]!.surface ? surfaceId : this.strings.id(finding.evidence);
      } else {
        packed[at + F_MESSAGE] = this.strings.id(finding.message);
        packed[at + F_EVIDENCE] = this.strings.id(finding.evidence);
      }
      packed[at + F_EXPECTED] = finding.expected === null || finding.expected === undefined ? -1 : this.strings.id(finding.expected);
      at += F_STRIDE;
    }
    return packed;
  }

  /** The string id of `message`, given by `rule` about instrument `to` (see lastMessages). */
  private messageAbout(rule: number, to: number, message: string): number {
    let last = this.lastMessages.get(rule);
    if (!last || last.length <= to) {
      const grown = new Int32Array(Math.max(1024, (to + 1) * 2)).fill(-1);
      if (last) grown.set(last);
      last = grown;
      this.lastMessages.set(rule, last);
    }
    const known = last[to]!;
    if (known >= 0 && this.strings.values[known] === message) return known;
    const id = this.strings.id(message);
    last[to] = id;
    return id;
  }

  decodeFindings(contribution: Contribution): StoredFinding[] {
    const packed = contribution.findings;
    const findings: StoredFinding[] = [];
    for (let at = 0; at < packed.length; at += F_STRIDE) {
      const expected = packed[at + F_EXPECTED]!;
      findings.push({
        ruleId: this.vocab.values[packed[at + F_RULE]!]!,
        severity: this.vocab.values[packed[at + F_SEVERITY]!]!,
        message: this.strings.values[packed[at + F_MESSAGE]!]!,
        line: packed[at + F_LINE]!,
        column: packed[at + F_COLUMN]!,
        evidence: this.strings.values[packed[at + F_EVIDENCE]!]!,
        expected: expected < 0 ? null : this.strings.values[expected]!,
      });
    }
    return findings;
  }

  // — the file's numbering —

  /**
   * Writes the cites and findings of `contribution` into `ints` from `at`, with ids as the file
   * numbers them (strings new to the file are given the next file ids); returns the next index.
   */
  toFileInts(contribution: Contribution, ints: Int32Array, at: number): number {
    const { cites, findings } = contribution;
    for (let i = 0; i < cites.length; i += STRIDE) {
      ints[at + C_TO] = this.keys.toFile(cites[i + C_TO]!);
      ints[at + C_SECTION] = this.vocab.toFile(cites[i + C_SECTION]!);
      ints[at + C_OFFSET] = cites[i + C_OFFSET]!;
      ints[at + C_LENGTH] = cites[i + C_LENGTH]!;
      ints[at + C_LINE] = cites[i + C_LINE]!;
      ints[at + C_COLUMN] = cites[i + C_COLUMN]!;
      for (const field of C_TEXTS) {
        const code = cites[i + field]!;
        ints[at + field] = code >= 0 ? this.strings.toFile(code) : code;
      }
      const issuer = cites[i + C_ISSUER]!;
      ints[at + C_ISSUER] = issuer >= 0 ? this.vocab.toFile(issuer) : issuer;
      at += STRIDE;
    }
    for (let i = 0; i < findings.length; i += F_STRIDE) {
      ints[at + F_RULE] = this.vocab.toFile(findings[i + F_RULE]!);
      ints[at + F_SEVERITY] = this.vocab.toFile(findings[i + F_SEVERITY]!);
      ints[at + F_MESSAGE] = this.strings.toFile(findings[i + F_MESSAGE]!);
      ints[at + F_LINE] = findings[i + F_LINE]!;
      ints[at + F_COLUMN] = findings[i + F_COLUMN]!;
      ints[at + F_EVIDENCE] = this.strings.toFile(findings[i + F_EVIDENCE]!);
      const expected = findings[i + F_EXPECTED]!;
      ints[at + F_EXPECTED] = expected >= 0 ? this.strings.toFile(expected) : expected;
      at += F_STRIDE;
    }
    return at;
  }

  /**
   * Reads `citeInts` cites then `findingInts` findings of a frame from `at` (file ids; the
   * frame's string tables already loaded) as memory ids, and records each cited instrument's
   * surface. Returns the packed arrays.
   */
  fromFileInts(ints: Int32Array, at: number, citeInts: number, findingInts: number): { cites: Int32Array; findings: Int32Array } {
    const cites = ints.slice(at, at + citeInts);
    const findings = ints.slice(at + citeInts, at + citeInts + findingInts);
    for (let i = 0; i < cites.length; i += STRIDE) {
      cites[i + C_TO] = this.keys.fromFile(cites[i + C_TO]!);
      cites[i + C_SECTION] = this.vocab.fromFile(cites[i + C_SECTION]!);
      for (const field of C_TEXTS) if (cites[i + field]! >= 0) cites[i + field] = this.strings.fromFile(cites[i + field]!);
      if (cites[i + C_ISSUER]! >= 0) cites[i + C_ISSUER] = this.vocab.fromFile(cites[i + C_ISSUER]!);
      this.knowSurface(cites[i + C_TO]!, cites[i + C_SURFACE]!);
    }
    for (let i = 0; i < findings.length; i += F_STRIDE) {
      findings[i + F_RULE] = this.vocab.fromFile(findings[i + F_RULE]!);
      findings[i + F_SEVERITY] = this.vocab.fromFile(findings[i + F_SEVERITY]!);
      findings[i + F_MESSAGE] = this.strings.fromFile(findings[i + F_MESSAGE]!);
      findings[i + F_EVIDENCE] = this.strings.fromFile(findings[i + F_EVIDENCE]!);
      if (findings[i + F_EXPECTED]! >= 0) findings[i + F_EXPECTED] = this.strings.fromFile(findings[i + F_EXPECTED]!);
    }
    return { cites, findings };
  }

  /** Forgets the file numbering (the file is being rewritten from scratch). */
  resetFile(): void {
    this.keys.resetFile();
    this.strings.resetFile();
    this.vocab.resetFile();
  }
}

// — reverse adjacency —

/** Compressed sparse rows: neighbours of node i are entries[start[i] .. start[i+1]). */
interface Csr {
  start: Int32Array;
  entries: Int32Array;
}

/** Relation edges out of and into each node, and the documents citing each node; built from the contributions. */
export class Adjacency {
  private constructor(
    private readonly relOut: Csr,
    private readonly relIn: Csr,
    private readonly citesIn: Csr,
  ) {}

  /** Indexes `contributions` (document id → contribution) over `nodes` key ids. */
  static build(contributions: ReadonlyMap<number, Contribution>, nodes: number): Adjacency {
    const n = nodes;
    const outCount = new Int32Array(n + 1);
    const inCount = new Int32Array(n + 1);
    const citeCount = new Int32Array(n + 1);
    for (const contribution of contributions.values()) {
      const { cites, rels } = contribution;
      for (let i = 0; i < cites.length; i += STRIDE) citeCount[cites[i + C_TO]!]!++;
      for (let i = 0; i < rels.length; i += R_STRIDE) {
        outCount[rels[i]!]!++;
        inCount[rels[i + 1]!]!++;
      }
    }
    const relOut = toCsr(outCount);
    const relIn = toCsr(inCount);
    const citesIn = toCsr(citeCount);
    const outFill = relOut.start.slice(0, n);
    const inFill = relIn.start.slice(0, n);
    const citeFill = citesIn.start.slice(0, n);
    for (const [docId, contribution] of contributions) {
      const { cites, rels } = contribution;
      for (let i = 0; i < cites.length; i += STRIDE) citesIn.entries[citeFill[cites[i + C_TO]!]!++] = docId;
      for (let i = 0; i < rels.length; i += R_STRIDE) {
        const from = rels[i]!;
        const to = rels[i + 1]!;
        const kind = rels[i + 2]!;
        relOut.entries[outFill[from]!++] = (to << 4) | kind;
        relIn.entries[inFill[to]!++] = (from << 4) | kind;
      }
    }
    return new Adjacency(relOut, relIn, citesIn);
  }

  /** Calls `visit` with the document id of every CITES edge into `id` (once per edge). */
  forEachCiter(id: number, visit: (doc: number) => void): void {
    const { start, entries } = this.citesIn;
    for (let i = start[id]!; i < start[id + 1]!; i++) visit(entries[i]!);
  }

  /** Calls `visit` with the other end and the kind of every relation edge out of (`out`) or into (`in`) `id`. */
  forEachRelation(id: number, direction: 'out' | 'in', visit: (other: number, kind: RelationKind) => void): void {
    const { start, entries } = direction === 'out' ? this.relOut : this.relIn;
    for (let i = start[id]!; i < start[id + 1]!; i++) visit(entries[i]! >>> 4, RELATION_KINDS[entries[i]! & 15]!);
  }
}

/** Calls `visit` with the target of each CITES edge of `contribution`, in order. */
export function forEachCiteTarget(contribution: Contribution, visit: (to: number) => void): void {
  const cites = contribution.cites;
  for (let i = 0; i < cites.length; i += STRIDE) visit(cites[i + C_TO]!);
}

function toCsr(counts: Int32Array): Csr {
  const n = counts.length - 1;
  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    start[i] = total;
    total += counts[i]!;
  }
  start[n] = total;
  return { start, entries: new Int32Array(total) };
}

/** Length and three characters of a string, mixed into an int: unequal prints mean unequal strings. */
function fingerprint(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  return ((n << 16) ^ (value.charCodeAt(n - 1) << 8) ^ (value.charCodeAt(n >> 1) << 4) ^ value.charCodeAt((n * 3) >> 2)) | 0;
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** YYYY-MM-DD as the number YYYYMMDD, read digit by digit; -1 for anything else. */
function isoDateNumber(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  let packed = 0;
  for (const i of DATE_DIGITS) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    packed = packed * 10 + digit;
  }
  return packed;
}
