// Issuer validity: did "UBND huyện Lạc Thủy" or "Sở GD&ĐT Hòa Bình" exist on a given date, and who
// took over? A name is read as a body ("Ủy ban nhân dân", "Sở GD&ĐT", "Huyện ủy" …, from
// issuers.jsonl) followed by a place ("huyện Lạc Thủy", "Hòa Bình"). The place is looked up among the
// units of issuers.jsonl, then the 2025 reorganisation (admin-units-2025.jsonl), then the list of
// provinces and districts the extractor knows; its validity and the body's own validity combine.
// Nothing is guessed: a name whose body or place cannot be read gives null.
import { DISTRICTS, PROVINCES, slugify } from '../citations/vocabulary/places.js';
import type { IssuerValidity } from '../model/knowledge.js';
import { detach } from '../citations/memo.js';
import { textKey } from './normalize.js';
import type { Registry } from './registry.js';
import type { AdminUnitRecord, Confidence, IssuerRecord } from './schema.js';

type UnitLevel = 'tinh' | 'huyen';

interface UnitInfo {
  id: string;
  /** "tỉnh Hòa Bình", "huyện Lạc Thủy", "Thành phố Hồ Chí Minh". */
  fullName: string;
  /** "Hòa Bình". */
  shortName: string;
  level: UnitLevel;
  parent: string | null;
  validTo: string | null;
  /** Id of the province that took over (itself for a unit that continues), or null. */
  successor: string | null;
  successorName: string | null;
  by: string | null;
  source: string | null;
  confidence: Confidence;
  note: string | null;
}

export interface IssuerIndex {
  /** The body ids a prose name designates (joint issuers give several), e.g. ["bo-gddt"]. */
  bodiesOf(name: string): string[];
  /** Validity of the named issuer on `date`; null when the name cannot be read. */
  validityAt(name: string, date: string): IssuerValidity | null;
}

const LEVEL_WORD = /^(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)(?:\s+|$)/u;
const LEVEL_OF_WORD: Record<string, UnitLevel[] | 'xa'> = {
  'tỉnh': ['tinh'],
  'thành phố': ['tinh', 'huyen'],
  'tp': ['tinh', 'huyen'],
  'tp.': ['tinh', 'huyen'],
  'huyện': ['huyen'],
  'quận': ['huyen'],
  'thị xã': ['huyen'],
  'xã': 'xa',
  'phường': 'xa',
  'thị trấn': 'xa',
  'đặc khu': 'xa',
};
const ISSUER_LEVEL: Record<string, string> = { tinh: 'tinh', huyen: 'huyen', xa: 'xa' };

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** "Sở Giáo dục và Đào tạo" stays, "Ủy ban nhân dân huyện" loses its level word when a place follows. */
function baseName(body: IssuerRecord): string {
  return body.name.replace(/\s(?:tỉnh|huyện|xã)$/u, '');
}

export function createIssuerIndex(registry: Registry): IssuerIndex {
  const bodies = registry.issuers.filter((i) => i.kind === 'body');
  // Body aliases, longest first, so "ban dân vận huyện ủy" wins over "huyện ủy".
  const aliasList: Array<{ alias: string; records: IssuerRecord[] }> = [];
  const byAlias = new Map<string, IssuerRecord[]>();
  for (const b of bodies) {
    for (const a of [b.name, ...b.aliases]) {
      const k = textKey(a);
      const list = byAlias.get(k) ?? [];
      if (!list.includes(b)) list.push(b);
      byAlias.set(k, list);
    }
  }
  for (const [alias, records] of byAlias) aliasList.push({ alias, records });
  aliasList.sort((x, y) => y.alias.length - x.alias.length);

  // Units: issuers.jsonl first, then the 2025 reorganisation, then the places the extractor knows.
  const units = new Map<string, UnitInfo>();
  const bySlug = new Map<string, UnitInfo[]>();
  const addSlug = (slug: string, u: UnitInfo) => {
    const list = bySlug.get(slug) ?? [];
    if (!list.some((x) => x.id === u.id)) list.push(u);
    bySlug.set(slug, list);
  };
  const shortOf = (full: string) => full.replace(/^(?:tỉnh|thành phố|huyện|quận|thị xã)\s+/iu, '');
  const lastSegment = (id: string) => id.slice(id.lastIndexOf('.') + 1);
  const addUnit = (u: UnitInfo, aliases: string[] = []) => {
    if (units.has(u.id)) return;
    units.set(u.id, u);
    addSlug(lastSegment(u.id), u);
    for (const a of aliases) addSlug(slugify(shortOf(a)), u);
  };
  for (const i of registry.issuers) {
    if (i.kind !== 'unit' || (i.level !== 'tinh' && i.level !== 'huyen')) continue;
    addUnit(
      {
        id: i.id,
        fullName: i.name,
        shortName: shortOf(i.name),
        level: i.level,
        parent: i.jurisdiction,
        validTo: i.validTo,
        successor: i.successor,
        successorName: i.successorName,
        by: i.by,
        source: i.source,
        confidence: i.confidence,
        note: i.note,
      },
      i.aliases,
    );
  }
  const levelEnd: AdminUnitRecord | undefined = registry.adminUnits.find((a) => a.scope === 'level' && a.level === 'huyen');
  const provinceRecord = new Map(registry.adminUnits.filter((a) => a.scope === 'unit' && a.level === 'tinh').map((a) => [a.id, a]));
  for (const a of registry.adminUnits) {
    if (a.scope !== 'unit') continue;
    const fullName = a.unit.replace(/\s*\(thuộc[^)]*\)\s*$/u, '');
    const parentSucc = a.parent ? provinceRecord.get(a.parent)?.becameId ?? a.parent : null;
    addUnit({
      id: a.id,
      fullName,
      shortName: shortOf(fullName),
      level: a.level,
      parent: a.parent,
      validTo: a.continues ? null : a.effective,
      successor: a.level === 'tinh' ? a.becameId : parentSucc,
      successorName: a.continues ? null : a.became,
      by: a.by[0] ?? null,
      source: a.source,
      confidence: a.confidence,
      note: a.notes || null,
    });
  }
  for (const p of PROVINCES) {
    // Not in the reorganisation list (which names all 52 merged units): unchanged on 1/7/2025.
    addUnit({
      id: p.slug,
      fullName: p.city ? `thành phố ${p.name}` : `tỉnh ${p.name}`,
      shortName: p.name,
      level: 'tinh',
      parent: null,
      validTo: null,
      successor: null,
      successorName: null,
      by: null,
      source: null,
      confidence: 'stated',
      note: null,
    });
  }
  for (const d of DISTRICTS) {
    if (!levelEnd) break;
    const province = provinceRecord.get(d.province);
    const succ = province ? (province.becameId ?? d.province) : d.province;
    const succName = province ? province.became : (units.get(d.province)?.fullName ?? d.province);
    addUnit({
      id: `${d.province}.${d.slug}`,
      fullName: `${d.kind} ${d.name}`,
      shortName: d.name,
      level: 'huyen',
      parent: d.province,
      validTo: levelEnd.effective,
      successor: succ,
      successorName: `chính quyền cấp xã trên địa bàn ${d.kind} ${d.name} cũ, thuộc ${succName}`,
      by: levelEnd.by[0] ?? null,
      source: levelEnd.source,
      confidence: province && province.confidence === 'inferred' ? 'inferred' : levelEnd.confidence,
      note: null,
    });
  }

  interface Part {
    body: IssuerRecord;
    unit: UnitInfo | null;
  }

  /** Reads "<body alias> [của] [level word] <place>" from one issuer phrase. */
  function readPart(text: string): { records: IssuerRecord[]; rest: string } | null {
    for (const { alias, records } of aliasList) {
      if (text.startsWith(alias) && (text.length === alias.length || /[\s,(]/u.test(text[alias.length]!))) {
        return { records, rest: text.slice(alias.length).trim() };
      }
    }
    return null;
  }

  function readPlace(rest: string): { unit: UnitInfo | null; levels: UnitLevel[] | 'xa' | null } {
    let r = rest.replace(/^(?:của|thuộc)\s+/u, '');
    let levels: UnitLevel[] | 'xa' | null = null;
    const lw = LEVEL_WORD.exec(r);
    if (lw) {
      levels = LEVEL_OF_WORD[lw[1]!] ?? null;
      r = r.slice(lw[0].length);
    }
    if (levels === 'xa') return { unit: null, levels };
    const words = r.split(/[\s,;()]+/u).filter(Boolean).slice(0, 6);
    for (let k = words.length; k >= 1; k--) {
      const candidates = (bySlug.get(slugify(words.slice(0, k).join(' '))) ?? []).filter(
        (u) => levels === null || levels.includes(u.level),
      );
      if (candidates.length > 0) return { unit: candidates[0]!, levels };
    }
    return { unit: null, levels };
  }

  function parts(name: string): Part[] | null {
    const text = textKey(name).replace(/^(?:của|do)\s+/u, '');
    // Joint issuers: "Ban Dân vận Huyện ủy và Phòng GD&ĐT huyện Dầu Tiếng". Split only where a body
    // name follows " và ", so "Bộ Giáo dục và Đào tạo" stays whole.
    const pieces: string[] = [];
    let start = 0;
    const sep = /\s+và\s+|,\s*/gu;
    for (let m = sep.exec(text); m; m = sep.exec(text)) {
      const after = text.slice(m.index + m[0].length);
      if (readPart(after)) {
        pieces.push(text.slice(start, m.index));
        start = m.index + m[0].length;
      }
    }
    pieces.push(text.slice(start));
    const read: Array<{ records: IssuerRecord[]; unit: UnitInfo | null; levels: UnitLevel[] | 'xa' | null }> = [];
    for (const piece of pieces) {
      const p = readPart(piece.trim());
      if (!p) return null;
      read.push({ records: p.records, ...readPlace(p.rest) });
    }
    // A joint name states the place once, at the end; earlier bodies share it.
    const lastUnit = [...read].reverse().find((r) => r.unit)?.unit ?? null;
    const out: Part[] = [];
    for (const r of read) {
      if (r.levels === 'xa') {
        const body = r.records.find((b) => b.level === 'xa');
        if (!body) return null;
        out.push({ body, unit: null });
        continue;
      }
      const unit = r.unit ?? (r.levels === null ? lastUnit : null);
      const levelWanted = unit?.level ?? (Array.isArray(r.levels) && r.levels.length === 1 ? r.levels[0]! : null);
      const fitting = levelWanted
        ? r.records.filter((b) => b.level === ISSUER_LEVEL[levelWanted] || b.level === 'trung-uong' || b.level === 'don-vi')
        : r.records;
      const body =
        fitting.length === 1
          ? fitting[0]!
          : (fitting.find((b) => b.level === 'trung-uong') ?? (fitting.length > 0 && levelWanted ? fitting[0]! : null));
      if (!body) return null;
      out.push({ body, unit: body.level === 'trung-uong' ? null : unit });
    }
    return out;
  }

  function validityOf(part: Part): IssuerValidity | null {
    const { body, unit } = part;
    // A local body with no place is judged on its own only when its level alone decides (every
    // Phòng GDĐT ended on 1/7/2025, whichever district); otherwise we do not know which body it is.
    if (!unit && body.level !== 'trung-uong' && body.validTo === null) return null;
    const validTo = minDate(body.validTo, unit?.validTo ?? null);
    const unitDecides = unit !== null && unit.validTo !== null && (body.validTo === null || unit.validTo < body.validTo);
    const province = unit ? (unit.level === 'tinh' ? unit : unit.parent ? (units.get(unit.parent) ?? null) : null) : null;
    const successorUnit = unit?.successor ? (units.get(unit.successor) ?? null) : null;
    const succProvince =
      successorUnit && successorUnit.level === 'tinh'
        ? successorUnit
        : province?.successor
          ? (units.get(province.successor) ?? province)
          : province;
    const vars: Record<string, string> = {
      tinh: succProvince?.fullName ?? 'tỉnh',
      huyen: unit && unit.level === 'huyen' ? unit.fullName : 'cấp huyện',
    };
    let successor: string | null = null;
    if (validTo !== null) {
      if (body.validTo !== null && !unitDecides) successor = body.successorName ? fill(body.successorName, vars) : null;
      else if (unit) {
        successor = body.successorName && unit.level === 'tinh' ? fill(body.successorName, vars) : unit.successorName;
      }
    }
    // A Party committee's end follows its unit's end only by inference (Điều lệ Đảng: the Party is
    // organised along the administrative units).
    const inferred = (unitDecides ? unit!.confidence : body.confidence) === 'inferred' || (unitDecides && body.party);
    // "Ủy ban nhân dân huyện Lạc Thủy", "Sở Giáo dục và Đào tạo tỉnh Hòa Bình", "Tỉnh ủy Hòa Bình".
    const name = unit ? `${baseName(body)} ${body.party ? unit.shortName : unit.fullName}` : body.name;
    const noteParts = [unitDecides ? unit!.note : body.note, unitDecides && body.party ? 'Cấp ủy đảng được coi là kết thúc cùng đơn vị hành chính (suy luận).' : null];
    return {
      name,
      validFrom: body.validFrom,
      validTo,
      successor,
      by: unitDecides ? unit!.by : body.by,
      source: unitDecides ? unit!.source : body.source,
      confidence: inferred ? 'inferred' : 'stated',
      note: noteParts.filter((x): x is string => !!x).join(' ') || null,
    };
  }

  // Reading an issuer phrase is pure and the same phrases recur in every plan: each is read once
  // (bounded; what is kept is detached from the plan's text and frozen, callers only read it).
  interface Read {
    bodies: readonly string[];
    validities: readonly (IssuerValidity | null)[] | null;
  }
  let reads = new Map<string, Read>();
  function read(name: string): Read {
    let known = reads.get(name);
    if (known === undefined) {
      if (reads.size >= 20_000) reads = new Map();
      const ps = parts(name);
      known = Object.freeze({
        bodies: Object.freeze((ps ?? []).map((p) => p.body.id.replace(/-(?:tinh|huyen|xa)$/u, ''))),
        validities: ps && ps.length > 0 ? Object.freeze(ps.map((p) => freezeValidity(validityOf(p)))) : null,
      });
      reads.set(detach(name), known);
    }
    return known;
  }

  return {
    bodiesOf(name) {
      return [...read(name).bodies];
    },
    validityAt(name, date) {
      const vs = read(name).validities;
      if (!vs) return null;
      if (vs.some((v) => v === null)) {
        // Report what is known to have ended even if another joint issuer cannot be read.
        const ended = vs.filter((v): v is IssuerValidity => v !== null && v.validTo !== null && v.validTo <= date);
        return ended[0] ?? null;
      }
      const all = vs as readonly IssuerValidity[];
      const ended = all
        .filter((v) => (v.validTo !== null && v.validTo <= date) || (v.validFrom != null && v.validFrom > date))
        .sort((a, b) => ((a.validTo ?? '') < (b.validTo ?? '') ? -1 : (a.validTo ?? '') > (b.validTo ?? '') ? 1 : 0)); // ISO dates
      return ended[0] ?? all[0]!;
    },
  };
}

function freezeValidity(validity: IssuerValidity | null): IssuerValidity | null {
  return validity ? Object.freeze(validity) : null;
}
