// Issuer codes (spec/citation-format.md §3) and how prose names map to them. There is no
// national register of body abbreviations (NĐ 30/2020 leaves them to each head of body), so
// each issuer holds an alias set and only forms outside it are reported.

export type IssuerLevel = 'trung-uong' | 'tinh' | 'huyen' | 'xa' | 'any' | 'unit';

export interface IssuerCode {
  /** Official form used in symbols. */
  code: string;
  name: string;
  level: IssuerLevel;
  party: boolean;
  /** Informal spellings seen in the wild that mean this code (spec §3 "wrong variants"). */
  variants: string[];
  /** Prose names (lower case, NFC) that designate this issuer in "của …" phrases. */
  names: RegExp[];
}

const c = (
  code: string,
  name: string,
  level: IssuerLevel,
  names: RegExp[],
  variants: string[] = [],
  party = false,
): IssuerCode => ({ code, name, level, party, variants, names });

export const ISSUER_CODES: IssuerCode[] = [
  c('CP', 'Chính phủ', 'trung-uong', [/^chính phủ$/]),
  c('TTg', 'Thủ tướng Chính phủ', 'trung-uong', [/^(?:thủ tướng chính phủ|thủ tướng)$/], ['TTG']),
  c('QH', 'Quốc hội', 'trung-uong', [/^quốc hội(?: khóa [ivxlc]+)?$/]),
  c('UBTVQH', 'Ủy ban Thường vụ Quốc hội', 'trung-uong', [/^ủy ban thường vụ quốc hội/]),
  c('CTN', 'Chủ tịch nước', 'trung-uong', [/^chủ tịch nước$/]),
  c('VPCP', 'Văn phòng Chính phủ', 'trung-uong', [/^văn phòng chính phủ$/]),
  c('VPQH', 'Văn phòng Quốc hội', 'trung-uong', [/^văn phòng quốc hội$/]),
  c('BGDĐT', 'Bộ Giáo dục và Đào tạo', 'trung-uong', [/^(?:bộ trưởng )?bộ (?:giáo dục và đào tạo|gd ?& ?đt|gdđt|gd-đt)$/], ['BGD&ĐT', 'BGD ĐT', 'BGDDT', 'BGD-ĐT']),
  c('BNV', 'Bộ Nội vụ', 'trung-uong', [/^(?:bộ trưởng )?bộ nội vụ$/]),
  c('BTC', 'Bộ Tài chính', 'trung-uong', [/^(?:bộ trưởng )?bộ tài chính$/]),
  c('BTP', 'Bộ Tư pháp', 'trung-uong', [/^(?:bộ trưởng )?bộ tư pháp$/]),
  c('TTCP', 'Thanh tra Chính phủ', 'trung-uong', [/^(?:tổng thanh tra chính phủ|thanh tra chính phủ)$/]),
  c('BLĐTBXH', 'Bộ Lao động - Thương binh và Xã hội', 'trung-uong', [/^(?:bộ trưởng )?bộ lao động/], ['BLDTBXH', 'BLĐ-TB&XH', 'BLĐTB&XH']),
  c('BYT', 'Bộ Y tế', 'trung-uong', [/^(?:bộ trưởng )?bộ y tế$/]),
  c('BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'trung-uong', [/^(?:bộ trưởng )?bộ văn hóa/]),
  c('BKHĐT', 'Bộ Kế hoạch và Đầu tư', 'trung-uong', [/^(?:bộ trưởng )?bộ kế hoạch và đầu tư$/], ['BKHDT']),
  c('BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn', 'trung-uong', [/^(?:bộ trưởng )?bộ nông nghiệp và phát triển nông thôn$/], ['BNN']),
  c('BNNMT', 'Bộ Nông nghiệp và Môi trường', 'trung-uong', [/^(?:bộ trưởng )?bộ nông nghiệp và môi trường$/]),
  c('BTNMT', 'Bộ Tài nguyên và Môi trường', 'trung-uong', [/^(?:bộ trưởng )?bộ tài nguyên và môi trường$/]),
  c('BXD', 'Bộ Xây dựng', 'trung-uong', [/^(?:bộ trưởng )?bộ xây dựng$/]),
  c('BGTVT', 'Bộ Giao thông vận tải', 'trung-uong', [/^(?:bộ trưởng )?bộ giao thông vận tải$/]),
  c('BCT', 'Bộ Công Thương', 'trung-uong', [/^(?:bộ trưởng )?bộ công thương$/]),
  c('BCA', 'Bộ Công an', 'trung-uong', [/^(?:bộ trưởng )?bộ công an$/]),
  c('BQP', 'Bộ Quốc phòng', 'trung-uong', [/^(?:bộ trưởng )?bộ quốc phòng$/]),
  c('VKSNDTC', 'Viện kiểm sát nhân dân tối cao', 'trung-uong', [/^viện kiểm sát nhân dân tối cao$/]),
  c('TANDTC', 'Tòa án nhân dân tối cao', 'trung-uong', [/^tòa án nhân dân tối cao$/]),
  c('KTNN', 'Kiểm toán Nhà nước', 'trung-uong', [/^kiểm toán nhà nước$/]),
  c('KBNN', 'Kho bạc Nhà nước', 'trung-uong', [/^kho bạc nhà nước$/]),
  c('UBDT', 'Ủy ban Dân tộc', 'trung-uong', [/^ủy ban dân tộc$/]),
  c('UBND', 'Ủy ban nhân dân', 'any', [/^(?:chủ tịch )?(?:ủy ban nhân dân|ubnd)(?![\p{L}])/u], ['UB']),
  c('HĐND', 'Hội đồng nhân dân', 'any', [/^(?:hội đồng nhân dân|hđnd)(?![\p{L}])/u], ['HDND']),
  c('SGDĐT', 'Sở Giáo dục và Đào tạo', 'tinh', [/^(?:sở giáo dục và đào tạo|sở gd ?& ?đt|sở gdđt|sở gd-đt)(?![\p{L}])/u], ['SGD&ĐT', 'SGD', 'SGDDT']),
  c('PGDĐT', 'Phòng Giáo dục và Đào tạo', 'huyen', [/^(?:phòng giáo dục và đào tạo|phòng gd ?& ?đt|phòng gdđt|pgd ?& ?đt|phòng gd-đt)(?![\p{L}])/u], ['PGD&ĐT', 'PGDDT', 'GD&ĐT', 'GDĐT']),
  c('SYT', 'Sở Y tế', 'tinh', [/^sở y tế(?![\p{L}])/u]),
  c('STNMT', 'Sở Tài nguyên và Môi trường', 'tinh', [/^sở tài nguyên và môi trường(?![\p{L}])/u]),
  // Party (spec §1.3, §3)
  c('TW', 'Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư', 'trung-uong',
    [/^(?:bộ chính trị|ban bí thư|ban chấp hành trung ương)/], ['TƯ', 'T.Ư', 'T.W'], true),
  c('TU', 'Tỉnh ủy / Thành ủy', 'tinh', [/^(?:ban thường vụ |thường trực |ban chấp hành đảng bộ )?(?:tỉnh ủy|thành ủy)/], [], true),
  c('HU', 'Huyện ủy', 'huyen', [/^(?:ban thường vụ |thường trực )?(?:huyện ủy|thị ủy)/], [], true),
  c('QU', 'Quận ủy', 'huyen', [/^(?:ban thường vụ |thường trực )?quận ủy/], [], true),
  c('ĐU', 'Đảng ủy', 'unit', [/^(?:ban thường vụ )?đảng ủy(?! khối)/], ['DU'], true),
  c('ĐUK', 'Đảng ủy Khối', 'tinh', [/^đảng ủy khối/], [], true),
  c('BCSĐ', 'Ban cán sự đảng', 'any', [/^ban cán sự đảng/], ['BCSD'], true),
  c('ĐĐ', 'Đảng đoàn', 'any', [/^đảng đoàn/], [], true),
  c('ĐH', 'Đại hội Đảng bộ', 'any', [/^đại hội (?:đại biểu )?đảng bộ/], [], true),
  c('VPTW', 'Văn phòng Trung ương Đảng', 'trung-uong', [/^văn phòng trung ương/], [], true),
  c('BTGTW', 'Ban Tuyên giáo Trung ương', 'trung-uong', [/^ban tuyên giáo trung ương/], [], true),
  c('BDVTW', 'Ban Dân vận Trung ương', 'trung-uong', [/^ban dân vận trung ương/], [], true),
  c('BDVTU', 'Ban Dân vận Tỉnh ủy / Thành ủy', 'tinh', [/^ban dân vận (?:tỉnh ủy|thành ủy)/], [], true),
  c('BDVHU', 'Ban Dân vận Huyện ủy', 'huyen', [/^ban dân vận (?:huyện ủy|thị ủy|quận ủy)/], [], true),
  c('BDV', 'Ban Dân vận', 'any', [/^ban dân vận/], [], true),
  c('UBKTTU', 'Ủy ban Kiểm tra Tỉnh ủy', 'tinh', [/^ủy ban kiểm tra tỉnh ủy/], [], true),
];

const byCode = new Map<string, IssuerCode>();
const byVariant = new Map<string, IssuerCode>();
for (const i of ISSUER_CODES) {
  byCode.set(i.code, i);
  for (const v of i.variants) byVariant.set(v, i);
}

/** Codes with a term suffix: QH15, UBTVQH14. */
const TERM_CODE = /^(QH|UBTVQH)(\d{2})$/;

export function issuerByCode(code: string): IssuerCode | undefined {
  const term = TERM_CODE.exec(code);
  if (term) return byCode.get(term[1]!);
  return byCode.get(code);
}

/** An informal spelling of a registered code ("SGD&ĐT" → SGDĐT). */
export function issuerByVariant(code: string): IssuerCode | undefined {
  return byVariant.get(code);
}

export function isKnownCode(code: string): boolean {
  return byCode.has(code) || byVariant.has(code) || TERM_CODE.test(code);
}

/** Codes of the Communist Party (issuer side of a Party symbol). */
export function isPartyIssuerCode(code: string): boolean {
  const i = byCode.get(code) ?? byVariant.get(code);
  if (i) return i.party;
  return /^(?:VP|BTG|BDV|BTC|UBKT|BNC)(?:TW|TU|HU|QU)$/.test(code);
}

/** Which issuer a prose name designates ("Ban Thường vụ Tỉnh ủy Hòa Bình" → TU). */
const BY_NAME_CACHE = new Map<string, IssuerCode | null>();

export function issuerByName(name: string): IssuerCode | undefined {
  let hit = BY_NAME_CACHE.get(name);
  if (hit === undefined) {
    hit = computeIssuerByName(name) ?? null;
    if (BY_NAME_CACHE.size > 10_000) BY_NAME_CACHE.clear();
    BY_NAME_CACHE.set(name, hit);
  }
  return hit ?? undefined;
}

function computeIssuerByName(name: string): IssuerCode | undefined {
  const n = name.toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();
  // The most specific pattern wins: check multi-word Party departments first.
  let best: IssuerCode | undefined;
  for (const i of ISSUER_CODES) {
    if (i.names.some((re) => re.test(n))) {
      if (!best || i.names[0]!.source.length > best.names[0]!.source.length) best = i;
    }
  }
  return best;
}

/** Administrative levels named in prose before a place ("tỉnh Hòa Bình", "huyện Lạc Thủy"). */
export const LEVEL_WORDS: Record<string, 'tinh' | 'huyen' | 'xa'> = {
  'tỉnh': 'tinh',
  'huyện': 'huyen',
  'quận': 'huyen',
  'thị xã': 'huyen',
  'thành phố': 'huyen', // lower-case "thành phố X" under a province; "Thành phố Hồ Chí Minh" is checked against the province list first
  'xã': 'xa',
  'phường': 'xa',
  'thị trấn': 'xa',
  'đặc khu': 'xa',
};
