// The document's own header: số/ký hiệu (also the draft placeholder "Số: /KH-GD&ĐT"), địa danh
// and date ("Dầu Tiếng, ngày 16 tháng 02 năm 2023"; the unfilled "ngày tháng 10 năm 2023"),
// type heading, title, signer and position, nơi nhận, and the issuing unit as the text names it.
import type { DocumentPlace } from './model.js';
import type { Layout } from './sections.js';
import { parseDateAt } from './dates.js';
import { parseSymbol } from './identifier.js';
import { districtsByName, provinceBySlugOrName, slugify } from './vocabulary/places.js';
import { TYPE_WORDS, typeByWord } from './vocabulary/types.js';

export interface RawHeader {
  number: { text: string; start: number; end: number } | null;
  type: { name: string; start: number; end: number } | null;
  place: string | null;
  date: { iso: string | null; written: string; start: number; end: number; year: number | null; day: number | null } | null;
  title: { text: string; start: number; end: number } | null;
  signer: string | null;
  signerPosition: string | null;
  recipients: string[];
  issuingBody: string | null;
}

const NUMBER_AFTER_SO = /[Ss]ố\s*:?\s*/uy;

export function readHeader(text: string, L: Layout): RawHeader {
  const h: RawHeader = {
    number: null,
    type: null,
    place: null,
    date: null,
    title: null,
    signer: null,
    signerPosition: null,
    recipients: [],
    issuingBody: null,
  };
  if (L.numberLine >= 0) {
    const line = L.lines[L.numberLine]!;
    const at = line.text.search(/[Ss]ố\s*:?/u);
    NUMBER_AFTER_SO.lastIndex = Math.max(0, at);
    // The number may stand alone on the line after a bare "Số:".
    if (at < 0 || NUMBER_AFTER_SO.exec(line.text)) {
      const s = at < 0 ? line.text.length - line.text.trimStart().length : NUMBER_AFTER_SO.lastIndex;
      // A number is read as a symbol (it ends where the symbol does, whatever follows on the line:
      // the place and date, the national motto of a flattened two-column header); a draft's blank
      // number ("/KH-GD&ĐT") runs to the place/date or the line end.
      const rest = line.text.slice(s);
      const symbol = /^\d/.test(rest) ? parseSymbol(line.text, s) : null;
      const m = symbol ? null : /^[^\t]*?(?=\s{2,}|\t|\s+[\p{Lu}][\p{L} ]{1,30},\s*ngày|\s+(?:CỘNG HÒA|CỘNG HOÀ|ỦY BAN|UBND|\|)|\*\*|\||$)/u.exec(rest);
      const value = (symbol ? symbol.raw : m ? m[0] : rest).trim();
      if (value) h.number = { text: value, start: line.start + s, end: line.start + s + value.length };
    }
  }
  if (L.dateLine >= 0) {
    const line = L.lines[L.dateLine]!;
    const m = /([\p{Lu}][\p{L}. \-]{0,40}?),\s*ngày\s*/u.exec(line.text);
    if (m) {
      h.place = m[1]!.replace(/^[*#\s]+/, '').trim();
      const dStart = line.start + m.index + m[0].length;
      const d = parseDateAt(text, dStart);
      const ngay = line.start + m.index + m[0].lastIndexOf('ngày');
      if (d) {
        h.date = { iso: d.iso, written: text.slice(ngay, d.end), start: ngay, end: d.end, year: d.year, day: d.day };
      }
    }
  }
  if (L.typeLine >= 0) {
    const line = L.lines[L.typeLine]!;
    const t = typeByWord(line.plain.toLowerCase());
    const s = line.start + line.text.indexOf(line.plain);
    if (t) h.type = { name: t.name, start: s, end: s + line.plain.length };
  }
  if (L.titleLines.length) {
    const first = L.lines[L.titleLines[0]!]!;
    const last = L.lines[L.titleLines[L.titleLines.length - 1]!]!;
    const s = first.start + first.text.indexOf(first.plain);
    h.title = { text: L.titleLines.map((i) => L.lines[i]!.plain).join(' ').replace(/\s+/g, ' ').trim(), start: s, end: last.end };
  }
  if (L.signerLine >= 0) h.signer = L.lines[L.signerLine]!.plain;
  if (L.positionLines.length) {
    h.signerPosition = L.positionLines
      .map((i) => L.lines[i]!.plain.replace(/^Nơi nhận\s*:?\s*/u, ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  h.recipients = L.recipientLines.map((i) => L.lines[i]!.plain.replace(/^[-·•+*–]\s*/u, '').replace(/[;.]$/, '').trim());
  h.issuingBody = issuingBody(text, L);
  return h;
}

const UNIT = '((?:Phòng|Sở|Trường|Ủy ban|UBND|Ban|Bộ|Hội đồng|Đảng ủy|Chi bộ|Công đoàn|Đoàn)[^.;:\\n]{0,80}?)';
const BUILDS = new RegExp(`${UNIT}\\s+(?:xây dựng|ban hành|triển khai xây dựng)\\s+(?:Kế hoạch|kế hoạch)`, 'u');
// What every match of BUILDS holds: most texts have none, and are spared trying a unit at every "Bộ", "Ban" …
const BUILDS_VERB = /(?:xây dựng|ban hành)\s+(?:Kế hoạch|kế hoạch)/u;
const TYPE_WORD_SET = new Set(TYPE_WORDS);

/** The unit the text says issues the plan: "Trường Mầm non Đỗ Đình Thiện xây dựng Kế hoạch …". */
function issuingBody(text: string, L: Layout): string | null {
  const until = L.firstSectionLine >= 0 ? L.lines[L.firstSectionLine]!.start : Math.min(text.length, 5000);
  const head = text.slice(0, until);
  const m = BUILDS_VERB.test(head) ? BUILDS.exec(head) : null;
  if (m) {
    const unit = m[1]!.trim().replace(/\s*\([^)]*\)\s*$/, '');
    if (!TYPE_WORD_SET.has(unit.toLowerCase())) return unit;
  }
  return null;
}

const PLACE_MENTION = /(?<![\p{L}])(tỉnh|Tỉnh|huyện|Huyện|thành phố|Thành phố|TP\.?|thị xã|quận)\s+((?:\p{Lu}[\p{Ll}]*|\d+)(?:\s+\p{Lu}[\p{Ll}]*){0,3})/gu;

/** Where the document sits: from the header place, or else from the places its text names most. */
export function documentPlace(text: string, headerPlace: string | null): DocumentPlace {
  if (headerPlace) {
    const p = resolvePlace(headerPlace);
    if (p.province) return { ...p, source: 'header' };
  }
  const provinceVotes = new Map<string, number>();
  const districtVotes = new Map<string, { province: string; count: number }>();
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  PLACE_MENTION.lastIndex = 0;
  for (let m = PLACE_MENTION.exec(sample); m; m = PLACE_MENTION.exec(sample)) {
    const level = m[1]!.toLowerCase();
    const name = trimPlaceName(m[2]!);
    if (level === 'tỉnh' || (level === 'thành phố' && m[1] === 'Thành phố') || level.startsWith('tp')) {
      const prov = provinceBySlugOrName(name);
      if (prov) {
        provinceVotes.set(prov.slug, (provinceVotes.get(prov.slug) ?? 0) + 1);
        continue;
      }
    }
    const ds = districtsByName(name);
    if (ds.length === 1) {
      const d = ds[0]!;
      const prev = districtVotes.get(d.slug);
      districtVotes.set(d.slug, { province: d.province, count: (prev?.count ?? 0) + 1 });
      provinceVotes.set(d.province, (provinceVotes.get(d.province) ?? 0) + 0.5);
    }
  }
  let province: string | null = null;
  let best = 0;
  for (const [slug, n] of provinceVotes) if (n > best || (n === best && province !== null && slug < province)) [province, best] = [slug, n];
  if (!province) return { province: null, district: null, source: 'none' };
  let district: string | null = null;
  let dBest = 0;
  for (const [slug, v] of districtVotes) if (v.province === province && v.count > dBest) [district, dBest] = [slug, v.count];
  return { province, district, source: 'text' };
}

function trimPlaceName(name: string): string {
  // Stop at a following capitalised word that is not part of a known place ("Lạc Thủy Kế hoạch").
  const words = name.split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const cand = words.slice(0, n).join(' ');
    if (provinceBySlugOrName(cand) || districtsByName(cand).length) return cand;
  }
  return words.slice(0, 2).join(' ');
}

export function resolvePlace(name: string): Omit<DocumentPlace, 'source'> {
  const cleaned = name.replace(/^(?:tỉnh|huyện|thành phố|TP\.?|thị xã|quận)\s+/iu, '').trim();
  const ds = districtsByName(cleaned);
  if (ds.length >= 1) return { province: ds[0]!.province, district: ds[0]!.slug };
  const prov = provinceBySlugOrName(cleaned);
  if (prov) return { province: prov.slug, district: null };
  return { province: null, district: null };
}

export { slugify };
