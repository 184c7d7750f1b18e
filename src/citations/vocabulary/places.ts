// Administrative places used to key local issuers (DESIGN.md § Identity: the jurisdiction of a
// local issuer comes from the citation's words or, failing that, from the citing document's place).
// The 63 provincial units in force until 30/6/2025 (the 2025 mergers of Nghị quyết 202/2025/QH15
// are issuer-validity facts kept in fixtures/registry/admin-units-2025.jsonl) and the districts
// the fixtures name. Names are matched by their ASCII slug, so "Hoà Bình" = "Hòa Bình".
import { detach } from '../memo.js';

export interface Province {
  name: string;
  slug: string;
  /** Centrally-run city (thành phố trực thuộc trung ương). */
  city: boolean;
}

export interface District {
  name: string;
  slug: string;
  province: string;
  /** "huyện", "thành phố", "thị xã", "quận". */
  kind: string;
}

const SLUG_CACHE = new Map<string, string>();

export function slugify(s: string): string {
  let hit = SLUG_CACHE.get(s);
  if (hit === undefined) {
    hit = computeSlug(s);
    if (SLUG_CACHE.size > 10_000) SLUG_CACHE.clear();
    SLUG_CACHE.set(detach(s), hit);
  }
  return hit;
}

function computeSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ'];
const PROVINCE_NAMES = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định',
  'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên',
  'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Tĩnh', 'Hải Dương', 'Hậu Giang', 'Hòa Bình',
  'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An',
  'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam',
  'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên',
  'Thanh Hóa', 'Thừa Thiên Huế', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

export const PROVINCES: Province[] = [
  ...CITIES.map((name) => ({ name, slug: slugify(name), city: true })),
  ...PROVINCE_NAMES.map((name) => ({ name, slug: slugify(name), city: false })),
];

const d = (name: string, province: string, kind = 'huyện'): District => ({
  name,
  slug: slugify(name),
  province: slugify(province),
  kind,
});

export const DISTRICTS: District[] = [
  d('Lạc Thủy', 'Hòa Bình'), d('Kim Bôi', 'Hòa Bình'), d('Mai Châu', 'Hòa Bình'), d('Lương Sơn', 'Hòa Bình'),
  d('Yên Thủy', 'Hòa Bình'), d('Tân Lạc', 'Hòa Bình'), d('Cao Phong', 'Hòa Bình'), d('Kỳ Sơn', 'Hòa Bình'),
  d('Dầu Tiếng', 'Bình Dương'), d('Thủ Dầu Một', 'Bình Dương', 'thành phố'), d('Bến Cát', 'Bình Dương', 'thành phố'),
  d('Tân Uyên', 'Bình Dương', 'thành phố'), d('Dĩ An', 'Bình Dương', 'thành phố'), d('Thuận An', 'Bình Dương', 'thành phố'),
  d('Phú Giáo', 'Bình Dương'), d('Bàu Bàng', 'Bình Dương'), d('Bắc Tân Uyên', 'Bình Dương'),
  d('Thủ Đức', 'Hồ Chí Minh', 'thành phố'), d('Quận 3', 'Hồ Chí Minh', 'quận'), d('Củ Chi', 'Hồ Chí Minh'),
  d('Năm Căn', 'Cà Mau'), d('Thoại Sơn', 'An Giang'), d('Nga Sơn', 'Thanh Hóa'),
  d('Cầu Giấy', 'Hà Nội', 'quận'), d('Sóc Sơn', 'Hà Nội'), d('Ba Vì', 'Hà Nội'),
  d('Việt Yên', 'Bắc Giang'), d('Lục Nam', 'Bắc Giang'), d('Thanh Chương', 'Nghệ An'), d('Diễn Châu', 'Nghệ An'),
];

const provinceBySlug = new Map(PROVINCES.map((p) => [p.slug, p] as const));
provinceBySlug.set('ho-chi-minh', PROVINCES[1]!);
provinceBySlug.set('thanh-pho-ho-chi-minh', PROVINCES[1]!);
provinceBySlug.set('tp-ho-chi-minh', PROVINCES[1]!);
provinceBySlug.set('tp-hcm', PROVINCES[1]!);
provinceBySlug.set('hcm', PROVINCES[1]!);
provinceBySlug.set('hue', provinceBySlug.get('thua-thien-hue')!);
provinceBySlug.set('ba-ria-vung-tau', provinceBySlug.get('ba-ria-vung-tau')!);

const districtBySlug = new Map<string, District[]>();
for (const x of DISTRICTS) districtBySlug.set(x.slug, [...(districtBySlug.get(x.slug) ?? []), x]);

export function provinceBySlugOrName(nameOrSlug: string): Province | undefined {
  return provinceBySlug.get(slugify(nameOrSlug));
}

export function districtsByName(name: string): District[] {
  return districtBySlug.get(slugify(name)) ?? [];
}
