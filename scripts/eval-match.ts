// How a prediction matches a gold line (spec/evaluation.md "How a prediction matches"), kept apart
// from the eval command so that the rules themselves are tested.
import type { Citation } from '../src/citations/model.js';

/** One gold line of the corpus (spec/evaluation.md "What one gold line is"). */
export interface GoldLine {
  doc: string;
  /** 0-based offset in Unicode code points of `surface` in the raw file. */
  start: number;
  surface: string;
  type: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  section: string;
  note: string | null;
}

export interface MatchPair {
  gold: GoldLine;
  prediction: Citation;
  typeRight: boolean;
  dateRight: boolean;
  /** Type and date both equal: counted in recall and precision. */
  right: boolean;
}

export interface MatchResult {
  pairs: MatchPair[];
  missed: GoldLine[];
  spurious: Citation[];
}

/** Upper-cased, Đ/Ð folded, everything but letters and digits dropped. */
export function numberForm(s: string | null | undefined): string {
  if (!s) return '';
  return s.normalize('NFC').toUpperCase().replace(/Ð/g, 'Đ').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The standard type word (spec/evaluation.md: "the standard type word, not the wording"): a joint
 * instrument's qualifier dropped ("Thông tư liên tịch" → Thông tư), and "Văn bản" counted as
 * "Công văn".
 */
export function standardType(t: string): string {
  const n = t.normalize('NFC').replace(/ liên tịch$/u, '');
  return n === 'Văn bản' ? 'Công văn' : n;
}

export function sameType(a: string, b: string): boolean {
  return standardType(a) === standardType(b);
}

/** UTF-16 offset of the code-point offset `cp` in `text`. */
export function codeUnitOffset(text: string, cp: number): number {
  let units = 0;
  let points = 0;
  while (points < cp && units < text.length) {
    const c = text.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length ? 2 : 1;
    points++;
  }
  return units;
}

export function matchCitations(text: string, gold: GoldLine[], predictions: Citation[]): MatchResult {
  const used = new Set<number>();
  const pairs: MatchPair[] = [];
  const missed: GoldLine[] = [];
  const byNumber = new Map<string, number[]>();
  predictions.forEach((c, i) => {
    for (const key of new Set([numberForm(c.number), numberForm(c.canonicalNumber)])) {
      if (!key) continue;
      byNumber.set(key, [...(byNumber.get(key) ?? []), i]);
    }
  });
  const ordered = [...gold].sort((a, b) => a.start - b.start);
  for (const g of ordered) {
    const start = codeUnitOffset(text, g.start);
    const end = start + g.surface.length;
    let pick = -1;
    if (g.number) {
      // The nearest unused prediction with the same number.
      let best = Infinity;
      for (const i of byNumber.get(numberForm(g.number)) ?? []) {
        if (used.has(i)) continue;
        const d = Math.abs(predictions[i]!.offset - start);
        if (d < best) {
          best = d;
          pick = i;
        }
      }
    } else {
      pick = predictions.findIndex((c, i) => !used.has(i) && !c.number && sameType(c.type, g.type) && c.offset < end && c.offset + c.length > start);
    }
    if (pick < 0) {
      missed.push(g);
      continue;
    }
    used.add(pick);
    const c = predictions[pick]!;
    const typeRight = sameType(c.type, g.type);
    const dateRight = (c.date ?? null) === (g.date ?? null);
    pairs.push({ gold: g, prediction: c, typeRight, dateRight, right: typeRight && dateRight });
  }
  return { pairs, missed, spurious: predictions.filter((_, i) => !used.has(i)) };
}

// Abbreviations issuers are written with, expanded so that "UBND tỉnh" and "Ủy ban nhân dân
// tỉnh" name the same body.
const ABBREVIATIONS: Record<string, string> = {
  ubnd: 'ủy ban nhân dân',
  hđnd: 'hội đồng nhân dân',
  bch: 'ban chấp hành',
  btv: 'ban thường vụ',
  tw: 'trung ương',
  ttg: 'thủ tướng',
  mttq: 'mặt trận tổ quốc',
  sgdđt: 'sở giáo dục và đào tạo',
  pgdđt: 'phòng giáo dục và đào tạo',
  bgdđt: 'bộ giáo dục và đào tạo',
  gdđt: 'giáo dục và đào tạo',
  ptnt: 'phát triển nông thôn',
  lđtbxh: 'lao động thương binh và xã hội',
  vhttdl: 'văn hóa thể thao và du lịch',
  tp: 'thành phố',
  tnmt: 'tài nguyên và môi trường',
  khcn: 'khoa học và công nghệ',
  khđt: 'kế hoạch và đầu tư',
};

/** The issuer's words for comparison: NFC, lower case, old-style tones folded, abbreviations expanded. */
export function issuerForm(s: string): string {
  const words = s
    .normalize('NFC')
    .toLowerCase()
    .replace(/uỷ/g, 'ủy')
    .replace(/oà/g, 'òa')
    .replace(/oá/g, 'óa')
    .replace(/oạ/g, 'ọa')
    .replace(/oả/g, 'ỏa')
    .replace(/&/g, '')
    .replace(/[.,;:()"“”\-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w);
  // Connectors before a name: "của", "do", "giữa", and "liên" of "liên Bộ …" (the joint ministries).
  if (['của', 'do', 'giữa'].includes(words[0] ?? '')) words.shift();
  if (words[0] === 'liên' && words[1] === 'bộ') words.shift();
  return words.join(' ').replace(/thủ tướng chính phủ/g, 'thủ tướng');
}

/** Whether a predicted issuer names the same body as the gold issuer (after normalising both). */
export function goldIssuerMatches(gold: string, predicted: string | null): boolean {
  if (!predicted) return false;
  return issuerForm(gold) === issuerForm(predicted);
}
