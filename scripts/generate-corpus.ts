// Synthetic plans (kế hoạch) for benchmarks and ingest tests, with the citations each one
// contains written down, so counts can be checked.
//
//   node dist/scripts/generate-corpus.js --count 10000 --out bench-out/corpus --seed 1
//
// Written after the seed plans in fixtures/plans: a header (issuing body, "Số: 07/KH-PGDĐT",
// "Dầu Tiếng, ngày 16 tháng 02 năm 2023", "KẾ HOẠCH", title), a "Căn cứ …;" / "Thực hiện …;"
// preamble, numbered sections whose sentences cite lists of instruments, and a signature block.
// The three numbering families (30/2020/NĐ-CP, 61/KH-SGDĐT, 05-CT/TW), every date form of the seeds
// (14/5/2021, 14 tháng 03 năm 2023, 12-1-2022), issuers in a dozen provinces and their districts,
// and implementation chains several levels deep: a school plan implements its Phòng's plan, which
// implements the district's and the Sở's, which implement the province's, which implements a
// central directive. Some citations carry the relation in their own description ("… về việc triển
// khai thực hiện Đề án số 15-ĐA/TU …"), some are back-references without a date, a few give a wrong
// date on purpose (they are marked `deliberate`), and ~2% of the files are in decomposed Unicode
// (NFD), as seed 004 partly is.
//
// Output: <out>/<group>/plan-NNNNNN.txt, <out>/citations.jsonl (one line per planted citation
// occurrence) and <out>/manifest.json (counts). Same --seed and --count → byte-identical files.
import { mkdirSync, rmSync, writeFileSync, createWriteStream, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// — deterministic randomness —

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Skewed pick: low indexes are much more likely (a few instruments are cited everywhere). */
  skewed<T>(items: readonly T[]): T {
    return items[Math.floor(Math.pow(this.next(), 2.2) * items.length)]!;
  }
}

// — the world: places, issuers, instruments —

interface Place {
  province: string;
  /** Districts the extractor's vocabulary knows, with their kind. */
  districts: { name: string; kind: string }[];
}

const PLACES: Place[] = [
  { province: 'Hòa Bình', districts: [['Lạc Thủy'], ['Kim Bôi'], ['Mai Châu'], ['Lương Sơn'], ['Yên Thủy'], ['Tân Lạc'], ['Cao Phong']].map(([name]) => ({ name: name!, kind: 'huyện' })) },
  {
    province: 'Bình Dương',
    districts: [
      { name: 'Dầu Tiếng', kind: 'huyện' },
      { name: 'Thủ Dầu Một', kind: 'thành phố' },
      { name: 'Bến Cát', kind: 'thành phố' },
      { name: 'Tân Uyên', kind: 'thành phố' },
      { name: 'Phú Giáo', kind: 'huyện' },
      { name: 'Bàu Bàng', kind: 'huyện' },
    ],
  },
  { province: 'Hồ Chí Minh', districts: [{ name: 'Thủ Đức', kind: 'thành phố' }, { name: 'Củ Chi', kind: 'huyện' }] },
  { province: 'Hà Nội', districts: [{ name: 'Sóc Sơn', kind: 'huyện' }, { name: 'Ba Vì', kind: 'huyện' }] },
  { province: 'Bắc Giang', districts: [{ name: 'Việt Yên', kind: 'huyện' }, { name: 'Lục Nam', kind: 'huyện' }] },
  { province: 'Nghệ An', districts: [{ name: 'Thanh Chương', kind: 'huyện' }, { name: 'Diễn Châu', kind: 'huyện' }] },
  { province: 'Cà Mau', districts: [{ name: 'Năm Căn', kind: 'huyện' }] },
  { province: 'An Giang', districts: [{ name: 'Thoại Sơn', kind: 'huyện' }] },
  { province: 'Thanh Hóa', districts: [{ name: 'Nga Sơn', kind: 'huyện' }] },
  { province: 'Sơn La', districts: [] },
  { province: 'Lào Cai', districts: [] },
  { province: 'Quảng Nam', districts: [] },
];

const CITY_PROVINCES = new Set(['Hồ Chí Minh', 'Hà Nội']);
const provinceWord = (province: string) => (CITY_PROVINCES.has(province) ? 'thành phố' : 'tỉnh');

/** An instrument as the corpus cites it. */
interface Instrument {
  type: string;
  /** Number/symbol as written (canonical), or null for a named instrument. */
  number: string | null;
  /** [year, month, day] */
  date: [number, number, number] | null;
  /** Issuer phrases used after "của" (the first is the usual one). */
  issuers: string[];
  subject: string;
  family: 'legal' | 'admin' | 'party' | 'named';
  /** What the instrument states it implements / continues / guides (rendered inside its citation). */
  relation?: { kind: 'implements' | 'continues' | 'guides'; target: Instrument };
  /** For the corpus's own plans: the topic without "thực hiện … năm …". */
  topic?: string;
}

const SUBJECTS = [
  'công tác dân vận của chính quyền',
  'tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới',
  'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập',
  'công tác văn thư',
  'nâng cao hiệu quả công tác dân vận của các cơ quan Nhà nước các cấp',
  'cải cách hành chính nhà nước giai đoạn 2021-2030',
  'phòng, chống tham nhũng, tiêu cực',
  'tăng cường kỷ luật, kỷ cương hành chính',
  'quy tắc ứng xử của cán bộ, công chức, viên chức',
  'phong trào thi đua "Dân vận khéo"',
  'xây dựng trường học an toàn, thân thiện',
  'phòng, chống đuối nước cho học sinh',
  'chuyển đổi số trong ngành giáo dục',
  'đổi mới chương trình, sách giáo khoa giáo dục phổ thông',
  'tiếp công dân, giải quyết khiếu nại, tố cáo',
  'văn hóa công vụ',
  'công tác phổ biến, giáo dục pháp luật',
];

const LAWS = ['Luật Tiếp công dân', 'Luật Giáo dục 2019', 'Luật Khiếu nại', 'Luật Tố cáo', 'Luật Thực hiện dân chủ ở cơ sở', 'Luật Phòng, chống tham nhũng'];

interface Counter {
  next(year: number): number;
}

function counter(random: Random, start: [number, number] = [1, 40], step: [number, number] = [1, 9]): Counter {
  const last = new Map<number, number>();
  return {
    next(year: number) {
      const n = last.has(year) ? last.get(year)! + random.int(step[0], step[1]) : random.int(start[0], start[1]);
      last.set(year, n);
      return n;
    },
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function randomDate(random: Random, year: number): [number, number, number] {
  return [year, random.int(1, 12), random.int(1, 28)];
}

function laterDate(random: Random, [y, m, d]: [number, number, number], minDays: number, maxDays: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d) + random.int(minDays, maxDays) * 86_400_000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** Central instruments: decrees, circulars, Prime Minister's and Party documents, a few laws. */
function centralPool(random: Random): Instrument[] {
  const pool: Instrument[] = [];
  const seen = new Set<string>();
  const add = (instrument: Instrument) => {
    const id = `${instrument.type}|${instrument.number}|${instrument.date?.[0]}`;
    if (seen.has(id)) return;
    seen.add(id);
    pool.push(instrument);
  };
  // The real ones of the seed plans first: they are the most cited.
  add({ type: 'Nghị định', number: '30/2020/NĐ-CP', date: [2020, 3, 5], issuers: ['Chính phủ'], subject: 'công tác văn thư', family: 'legal' });
  const ct05: Instrument = { type: 'Chỉ thị', number: '05-CT/TW', date: [2016, 5, 15], issuers: ['Bộ Chính trị'], subject: 'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', family: 'party' };
  add(ct05);
  add({ type: 'Kết luận', number: '01-KL/TW', date: [2021, 5, 18], issuers: ['Bộ Chính trị'], subject: 'tiếp tục thực hiện Chỉ thị số 05-CT/TW', family: 'party', relation: { kind: 'continues', target: ct05 } });
  add({ type: 'Chỉ thị', number: '33/CT-TTg', date: [2021, 11, 26], issuers: ['Thủ tướng Chính phủ'], subject: SUBJECTS[1]!, family: 'admin' });
  const nd04: Instrument = { type: 'Nghị định', number: '04/2015/NĐ-CP', date: [2015, 1, 9], issuers: ['Chính phủ'], subject: SUBJECTS[3]!, family: 'legal' };
  add(nd04);
  add({ type: 'Thông tư', number: '11/2020/TT-BGDĐT', date: [2020, 5, 19], issuers: ['Bộ Giáo dục và Đào tạo'], subject: 'hướng dẫn thực hiện dân chủ trong hoạt động của cơ sở giáo dục công lập', family: 'legal', relation: { kind: 'guides', target: nd04 } });
  add({ type: 'Kết luận', number: '114-KL/TW', date: [2015, 7, 14], issuers: ['Ban Bí thư Trung ương Đảng', 'Ban Bí thư'], subject: SUBJECTS[5]!, family: 'party' });
  add({ type: 'Quyết định', number: '1847/QĐ-TTg', date: [2018, 12, 27], issuers: ['Thủ tướng Chính phủ'], subject: 'phê duyệt Đề án Văn hóa công vụ', family: 'admin' });
  add({ type: 'Nghị quyết', number: '25-NQ/TW', date: [2013, 6, 3], issuers: ['Ban Chấp hành Trung ương Đảng khóa XI'], subject: 'tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới', family: 'party' });

  const decrees = counter(random, [1, 30], [1, 6]);
  const circulars = counter(random, [1, 20], [1, 4]);
  const pmDecisions = counter(random, [100, 400], [5, 40]);
  const pmDirectives = counter(random, [1, 10], [1, 3]);
  const party = counter(random, [1, 20], [1, 5]);
  for (let i = 0; i < 2400; i++) {
    const year = random.int(2010, 2024);
    const date = randomDate(random, year);
    const subject = random.pick(SUBJECTS);
    const roll = random.next();
    if (roll < 0.25) add({ type: 'Nghị định', number: `${pad2(decrees.next(year))}/${year}/NĐ-CP`, date, issuers: ['Chính phủ'], subject, family: 'legal' });
    else if (roll < 0.45) {
      const [code, issuer] = random.pick([['BGDĐT', 'Bộ Giáo dục và Đào tạo'], ['BNV', 'Bộ Nội vụ'], ['BTC', 'Bộ Tài chính']] as const);
      const guided = pool.find((p, index) => index > 8 && p.type === 'Nghị định' && iso(p.date!) < iso(date) && random.chance(0.05));
      add({
        type: 'Thông tư',
        number: `${pad2(circulars.next(year))}/${year}/TT-${code}`,
        date,
        issuers: [issuer],
        subject: guided ? `hướng dẫn thực hiện ${guided.subject}` : subject,
        family: 'legal',
        ...(guided ? { relation: { kind: 'guides' as const, target: guided } } : {}),
      });
    } else if (roll < 0.6) add({ type: 'Quyết định', number: `${pmDecisions.next(year)}/QĐ-TTg`, date, issuers: ['Thủ tướng Chính phủ'], subject, family: 'admin' });
    else if (roll < 0.7) add({ type: 'Chỉ thị', number: `${pad2(pmDirectives.next(year))}/CT-TTg`, date, issuers: ['Thủ tướng Chính phủ', 'Thủ tướng'], subject, family: 'admin' });
    else {
      const [type, code, issuer] = random.pick([
        ['Chỉ thị', 'CT', 'Bộ Chính trị'],
        ['Nghị quyết', 'NQ', 'Ban Chấp hành Trung ương Đảng'],
        ['Kết luận', 'KL', 'Bộ Chính trị'],
        ['Kết luận', 'KL', 'Ban Bí thư'],
        ['Quy định', 'QĐ', 'Ban Bí thư'],
      ] as const);
      add({ type, number: `${pad2(party.next(year))}-${code}/TW`, date, issuers: [issuer], subject, family: 'party' });
    }
  }
  for (const law of LAWS) add({ type: 'Luật', number: null, date: null, issuers: [], subject: law.slice(5), family: 'named' });
  return pool;
}

interface ProvinceWorld {
  place: Place;
  /** Provincial instruments (UBND tỉnh, Tỉnh ủy, Sở) plans cite in their body. */
  pool: Instrument[];
  ubndPlans: Counter;
  soPlans: Counter;
  districtUbnd: Map<string, Counter>;
  districtPhong: Map<string, Counter>;
  schools: Map<string, Counter>;
}

function provincePool(random: Random, place: Place, central: Instrument[]): Instrument[] {
  const p = place.province;
  const word = provinceWord(p);
  const ubnd = [`UBND ${word} ${p}`, `Ủy ban nhân dân ${word} ${p}`];
  const tu = [`Ban Thường vụ ${CITY_PROVINCES.has(p) ? 'Thành ủy' : 'Tỉnh ủy'} ${p}`, `Ban Thường vụ ${CITY_PROVINCES.has(p) ? 'Thành ủy' : 'Tỉnh ủy'}`];
  const so = [`Sở Giáo dục và Đào tạo ${word} ${p}`, `Sở GD&ĐT ${p}`];
  const pool: Instrument[] = [];
  const seq = counter(random, [1, 30], [1, 12]);
  const partySeq = counter(random, [1, 15], [1, 4]);
  const code = CITY_PROVINCES.has(p) ? 'TU' : 'TU';
  for (let i = 0; i < 160; i++) {
    const roll = random.next();
    // Sở plans of the pool predate the Sở plans the corpus itself contains (2021 on): no number clash.
    const year = roll >= 0.9 ? random.int(2015, 2020) : random.int(2015, 2024);
    const date = randomDate(random, year);
    const subject = random.pick(SUBJECTS);
    const candidate = random.chance(0.3) ? random.skewed(central.slice(0, 200)) : undefined;
    const target = candidate?.date && iso(candidate.date) < iso(date) ? candidate : undefined;
    const relation = target && target.number ? { relation: { kind: 'implements' as const, target } } : {};
    if (roll < 0.2) pool.push({ type: 'Chỉ thị', number: `${pad2(seq.next(year))}/CT-UBND`, date, issuers: ubnd, subject, family: 'admin' });
    else if (roll < 0.4) pool.push({ type: 'Quyết định', number: `${seq.next(year)}/QĐ-UBND`, date, issuers: ubnd, subject: `ban hành Kế hoạch ${subject}`, family: 'admin' });
    else if (roll < 0.55) pool.push({ type: 'Nghị quyết', number: `${pad2(partySeq.next(year))}-NQ/${code}`, date, issuers: tu, subject, family: 'party' });
    else if (roll < 0.7) pool.push({ type: 'Chỉ thị', number: `${pad2(partySeq.next(year))}-CT/${code}`, date, issuers: tu, subject, family: 'party' });
    else if (roll < 0.8) pool.push({ type: 'Đề án', number: `${pad2(partySeq.next(year))}-ĐA/${code}`, date, issuers: tu, subject: `tiếp tục đổi mới, nâng cao chất lượng, hiệu quả ${subject}`, family: 'party' });
    else if (roll < 0.9) pool.push({ type: 'Kế hoạch', number: `${pad2(partySeq.next(year))}-KH/${code}`, date, issuers: tu, subject: `thực hiện ${subject}`, family: 'party', ...relation });
    else pool.push({ type: 'Kế hoạch', number: `${seq.next(year)}/KH-SGDĐT`, date, issuers: so, subject: `thực hiện ${subject}`, family: 'admin', ...relation });
  }
  return pool;
}

// — plans —

type Level = 'ubnd-tinh' | 'so' | 'ubnd-huyen' | 'phong' | 'truong';

interface PlanMeta {
  index: number;
  level: Level;
  place: Place;
  district: { name: string; kind: string } | null;
  instrument: Instrument;
  /** Header lines naming the issuing body. */
  bodyLines: [string, string];
  /** The body's name as it writes itself in the text. */
  bodyName: string;
  signer: [string, string];
  parents: PlanMeta[];
}

export interface PlantedCitation {
  file: string;
  line: number;
  surface: string;
  type: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  section: 'title' | 'can_cu' | 'body';
  /** Inside another citation's description. */
  nested: boolean;
  /** "implements 144/KH-UBND" … from the citation's own description, or null. */
  relation: string | null;
  /** Set when the citation was written wrong on purpose (e.g. a wrong date). */
  deliberate?: 'wrong-date';
}

export interface GeneratedPlan {
  file: string;
  text: string;
  citations: PlantedCitation[];
  level: Level;
}

const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Thanh', 'Minh', 'Ngọc', 'Quốc', 'Tấn', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Tuấn', 'Vân'];
const SCHOOL_KINDS = [
  ['Trường Mầm non', 'MN'],
  ['Trường Tiểu học', 'TH'],
  ['Trường THCS', 'THCS'],
] as const;
const SCHOOL_NAMES = ['Hoa Sen', 'Đồng Tâm', 'Thanh Hà', 'Phú Thành', 'Lạc Long', 'Hưng Thi', 'Kim Đồng', 'Võ Thị Sáu', 'Nguyễn Trãi', 'Lê Lợi', 'Chu Văn An', 'Đỗ Đình Thiện'];

function personName(random: Random): string {
  return `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
}

function levelOf(index: number, count: number): Level {
  const share = index / count;
  if (share < 0.01) return 'ubnd-tinh';
  if (share < 0.03) return 'so';
  if (share < 0.08) return 'ubnd-huyen';
  if (share < 0.2) return 'phong';
  return 'truong';
}

// — writing citations —

function dateText(random: Random, [y, m, d]: [number, number, number]): string {
  const roll = random.next();
  if (roll < 0.55) return `${random.chance(0.5) ? pad2(d) : d}/${random.chance(0.5) ? pad2(m) : m}/${y}`;
  if (roll < 0.85) return `${pad2(d)} tháng ${random.chance(0.6) ? pad2(m) : m} năm ${y}`;
  return `${d}-${m}-${y}`;
}

const iso = (date: [number, number, number]) => `${date[0]}-${pad2(date[1])}-${pad2(date[2])}`;

interface Written {
  text: string;
  /** Citations in the text: start offset within `text` and the planted record (without file/line). */
  citations: { start: number; record: Omit<PlantedCitation, 'file' | 'line'> }[];
}

/**
 * One citation: "Kế hoạch số 144/KH-UBND ngày 15/9/2023 của UBND huyện Lạc Thủy về việc …".
 * `short` writes a back-reference (type and number only).
 */
function cite(random: Random, instrument: Instrument, section: PlantedCitation['section'], options: { short?: boolean; nested?: boolean; depth?: number } = {}): Written {
  const nested = options.nested === true;
  if (instrument.number === null) {
    const surface = `${instrument.type} ${instrument.subject}`;
    return { text: surface, citations: [{ start: 0, record: { surface, type: instrument.type, number: null, date: null, issuer: null, section, nested, relation: null } }] };
  }
  const typeWord = !nested && random.chance(0.02) ? instrument.type.toLowerCase() : instrument.type;
  const so = random.chance(0.97) ? 'số ' : '';
  if (options.short || !instrument.date) {
    const surface = `${typeWord} ${so}${instrument.number}`;
    return { text: surface, citations: [{ start: 0, record: { surface, type: instrument.type, number: instrument.number, date: null, issuer: null, section, nested, relation: null } }] };
  }
  let date = instrument.date;
  let deliberate: PlantedCitation['deliberate'];
  if (!nested && random.chance(0.004)) {
    date = laterDate(random, date, 1, 20);
    deliberate = 'wrong-date';
  }
  const surface = `${typeWord} ${so}${instrument.number} ngày ${dateText(random, date)}`;
  const issuer = instrument.issuers.length > 0 && random.chance(0.88) ? (random.chance(0.8) ? instrument.issuers[0]! : random.pick(instrument.issuers)) : null;
  let text = surface + (issuer ? ` của ${issuer}` : '');
  const relationTarget = instrument.relation && (options.depth ?? 0) < 2 ? instrument.relation : undefined;
  const record: Omit<PlantedCitation, 'file' | 'line'> = {
    surface,
    type: instrument.type,
    number: instrument.number,
    date: iso(date),
    issuer,
    section,
    nested,
    relation: relationTarget ? `${relationTarget.kind} ${relationTarget.target.number}` : null,
    ...(deliberate ? { deliberate } : {}),
  };
  const citations: Written['citations'] = [{ start: 0, record }];
  if (relationTarget) {
    const verb = relationTarget.kind === 'continues' ? 'về tiếp tục thực hiện' : relationTarget.kind === 'guides' ? 'hướng dẫn thực hiện' : random.pick(['về việc triển khai thực hiện', 'về thực hiện', 'triển khai thực hiện']);
    const inner = cite(random, relationTarget.target, section, { nested: true, depth: (options.depth ?? 0) + 1 });
    text += ` ${verb} `;
    for (const c of inner.citations) citations.push({ start: text.length + c.start, record: c.record });
    text += inner.text;
  } else {
    text += ` về ${instrument.subject}`;
  }
  return { text, citations };
}

/** Builds the plan's text line by line, remembering where each citation lands. */
class PlanWriter {
  readonly lines: string[] = [];
  readonly planted: PlantedCitation[] = [];
  constructor(private readonly file: string) {}
  line(text = ''): void {
    this.lines.push(text);
  }
  /** A line made of text pieces and citations. */
  compose(parts: (string | Written)[]): void {
    let text = '';
    const lineNo = this.lines.length + 1;
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      for (const c of part.citations) {
        const before = text + part.text.slice(0, c.start);
        const extraLines = before.split('\n').length - 1;
        this.planted.push({ file: this.file, line: lineNo + extraLines, ...c.record });
      }
      text += part.text;
    }
    this.lines.push(text);
  }
}

const PURPOSES = [
  'Tạo sự chuyển biến tích cực về nhận thức và hành động của cán bộ, công chức, viên chức về vai trò, tầm quan trọng của công tác dân vận, đặc biệt là dân vận chính quyền.',
  'Xác định vai trò, trách nhiệm của người đứng đầu tại đơn vị trong việc thực hiện công tác dân vận của chính quyền; đổi mới toàn diện nội dung, phương thức thực hiện phù hợp với tình hình thực tế.',
  'Phát huy vai trò, trách nhiệm của người đứng đầu trong chỉ đạo, tổ chức, triển khai thực hiện; nâng cao ý thức trách nhiệm của mỗi công chức, viên chức, người lao động.',
  'Nâng cao chất lượng và hiệu quả thực hiện công tác dân vận, giải quyết kịp thời những bức xúc, kiến nghị chính đáng của cán bộ, công chức, viên chức và nhân dân.',
];
const LEADS = [
  'Tiếp tục quán triệt, triển khai thực hiện có hiệu quả ',
  'Phòng GD&ĐT và các trường học tiếp tục lãnh đạo, chỉ đạo triển khai thực hiện có hiệu quả các văn bản của Đảng, chính sách pháp luật của Nhà nước, như: ',
  'Tuyên truyền, phổ biến, quán triệt nghiêm túc ',
  'Tiếp tục thực hiện hiệu quả ',
  'Gắn thực hiện công tác dân vận của chính quyền với việc triển khai ',
  'Thực hiện nghiêm túc ',
];
const TAILS = [
  ' Thực hiện nghiêm túc công tác tiếp công dân; đối thoại lắng nghe, giải quyết kịp thời các kiến nghị của cán bộ, giáo viên, nhân viên.',
  ' Tăng cường công tác kiểm tra, giám sát việc triển khai thực hiện tại các đơn vị.',
  ' Kịp thời biểu dương, khen thưởng các gương điển hình; xử lý nghiêm các trường hợp sai phạm.',
  '',
];

function planText(random: Random, meta: PlanMeta, central: Instrument[], world: ProvinceWorld, file: string, targetCitations: number): GeneratedPlan {
  const writer = new PlanWriter(file);
  const own = meta.instrument;
  const [y, m, d] = own.date!;
  const today = iso(own.date!);
  /** A plan only cites what exists on its own date. */
  const earlier = (draw: () => Instrument): Instrument => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const instrument = draw();
      if (!instrument.date || iso(instrument.date) < today) return instrument;
    }
    return central[0]!;
  };
  writer.line(meta.bodyLines[0]);
  writer.line(meta.bodyLines[1]);
  writer.line('');
  writer.line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  writer.line('Độc lập - Tự do - Hạnh phúc');
  writer.line('');
  writer.line(`Số: ${random.chance(0.15) ? own.number!.replace('/', ' /') : own.number}`);
  writer.line('');
  const placeName = meta.district ? meta.district.name : meta.place.province;
  writer.line(`${placeName}, ngày ${pad2(d)} tháng ${pad2(m)} năm ${y}`);
  writer.line('');
  writer.line('KẾ HOẠCH');
  writer.line('');
  const parent = meta.parents[0];
  if (parent && random.chance(0.3)) {
    writer.compose(['Triển khai thực hiện ', cite(random, parent.instrument, 'title')]);
  } else {
    writer.line(`${random.pick(['Thực hiện', 'Tiếp tục thực hiện', 'Triển khai'])} ${own.topic} năm ${y}`);
  }
  writer.line('');
  // Preamble: Căn cứ central instruments, Thực hiện the plans of the level above.
  const canCu = random.int(1, 3);
  for (let i = 0; i < canCu; i++) writer.compose(['Căn cứ ', cite(random, earlier(() => random.skewed(central.slice(0, 120))), 'can_cu'), ';']);
  writer.line('');
  for (const p of meta.parents) {
    writer.compose([random.pick(['Thực hiện ', 'Thực hiện ', 'Triển khai thực hiện ']), cite(random, p.instrument, 'can_cu'), ';']);
    writer.line('');
  }
  writer.line(`${meta.bodyName} xây dựng Kế hoạch ${own.subject}, cụ thể như sau:`);
  writer.line('');
  writer.line('I. MỤC ĐÍCH, YÊU CẦU');
  writer.line('');
  writer.line(`1. ${random.pick(PURPOSES)}`);
  writer.line('');
  writer.line(`2. ${random.pick(PURPOSES)}`);
  writer.line('');
  writer.line('II. NỘI DUNG TRỌNG TÂM');
  writer.line('');
  let item = 1;
  while (writer.planted.length < targetCitations) {
    const n = random.int(1, 5);
    const parts: (string | Written)[] = [`${item++}. ${random.pick(LEADS)}`];
    for (let i = 0; i < n; i++) {
      if (i > 0) parts.push(random.chance(0.5) ? '; ' : ', ');
      const local = world.pool.length > 0 && random.chance(0.4);
      parts.push(cite(random, earlier(() => (local ? random.skewed(world.pool) : random.skewed(central))), 'body'));
    }
    parts.push(`.${random.pick(TAILS)}`);
    writer.compose(parts);
    writer.line('');
  }
  writer.line('III. TỔ CHỨC THỰC HIỆN');
  writer.line('');
  if (parent) {
    writer.compose(['1. Các bộ phận, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện nghiêm túc ', cite(random, parent.instrument, 'body', { short: true }), ' và Kế hoạch này.']);
  } else {
    writer.line('1. Các bộ phận, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện nghiêm túc Kế hoạch này.');
  }
  writer.line('');
  writer.line(`2. Định kỳ 6 tháng, năm báo cáo kết quả thực hiện về ${meta.bodyName} trước ngày 15 tháng 6 và ngày 15 tháng 12 năm ${y}.`);
  writer.line('');
  writer.line(`Trên đây là Kế hoạch ${own.subject} của ${meta.bodyName}./.`);
  writer.line('');
  writer.line('Nơi nhận:');
  writer.line('- Như trên;');
  writer.line('- Lưu: VT.');
  writer.line('');
  writer.line(meta.signer[0]);
  writer.line('');
  writer.line(meta.signer[1]);
  let text = writer.lines.join('\n') + '\n';
  let citations = writer.planted;
  if (random.chance(0.02)) {
    // Decomposed Unicode (NFD) as in seed 004: the planted surfaces are exact slices, so they follow.
    text = text.normalize('NFD');
    citations = citations.map((c) => ({ ...c, surface: c.surface.normalize('NFD'), issuer: c.issuer?.normalize('NFD') ?? null }));
  }
  return { file, text, citations, level: meta.level };
}

export interface CorpusOptions {
  count: number;
  seed: number;
}

/** Generates the plans in order (deterministic for a seed); files are relative paths. */
export function* generateCorpus({ count, seed }: CorpusOptions): Generator<GeneratedPlan> {
  const random = new Random(seed);
  const central = centralPool(random);
  const worlds = PLACES.map(
    (place): ProvinceWorld => ({
      place,
      pool: provincePool(random, place, central),
      ubndPlans: counter(random, [20, 200], [3, 25]),
      soPlans: counter(random, [20, 300], [3, 30]),
      districtUbnd: new Map(place.districts.map((dd) => [dd.name, counter(random, [10, 120], [2, 15])])),
      districtPhong: new Map(place.districts.map((dd) => [dd.name, counter(random, [5, 80], [1, 10])])),
      schools: new Map(),
    }),
  );
  const withDistricts = worlds.filter((w) => w.place.districts.length > 0);
  const byLevel = new Map<Level, PlanMeta[]>();
  const groupOf = (index: number) => `p${String(Math.floor(index / 1000)).padStart(3, '0')}`;

  for (let index = 0; index < count; index++) {
    let level = levelOf(index, count);
    // Plans need a parent on the level above; early (small) corpora fall back to the top level.
    const parentsAt = (l: Level) => byLevel.get(l) ?? [];
    if (level === 'so' && parentsAt('ubnd-tinh').length === 0) level = 'ubnd-tinh';
    if (level === 'ubnd-huyen' && parentsAt('ubnd-tinh').length === 0) level = 'ubnd-tinh';
    if (level === 'phong' && parentsAt('ubnd-huyen').length === 0) level = parentsAt('ubnd-tinh').length ? 'ubnd-huyen' : 'ubnd-tinh';
    if (level === 'truong' && parentsAt('phong').length === 0) level = parentsAt('ubnd-huyen').length ? 'phong' : parentsAt('ubnd-tinh').length ? 'ubnd-huyen' : 'ubnd-tinh';

    let world: ProvinceWorld;
    let district: { name: string; kind: string } | null = null;
    let parents: PlanMeta[] = [];
    const sameDistrict = (plans: PlanMeta[], w: ProvinceWorld, dn: string) => plans.filter((p) => p.place === w.place && p.district?.name === dn);
    const sameProvince = (plans: PlanMeta[], w: ProvinceWorld) => plans.filter((p) => p.place === w.place && p.district === null);
    if (level === 'ubnd-tinh') {
      world = random.chance(0.8) ? random.pick(withDistricts) : random.pick(worlds);
    } else if (level === 'so') {
      const parent = random.pick(parentsAt('ubnd-tinh'));
      world = worlds.find((w) => w.place === parent.place)!;
      parents = [parent];
    } else if (level === 'ubnd-huyen') {
      const candidates = parentsAt('ubnd-tinh').filter((p) => p.place.districts.length > 0);
      const parent = candidates.length ? random.pick(candidates) : random.pick(parentsAt('ubnd-tinh'));
      world = worlds.find((w) => w.place === parent.place)!;
      district = world.place.districts.length ? random.pick(world.place.districts) : null;
      parents = [parent];
    } else if (level === 'phong') {
      const parent = random.pick(parentsAt('ubnd-huyen'));
      world = worlds.find((w) => w.place === parent.place)!;
      district = parent.district;
      parents = [parent];
      const so = sameProvince(parentsAt('so'), world);
      if (so.length && random.chance(0.6)) parents.push(random.pick(so));
    } else {
      const parent = random.pick(parentsAt('phong'));
      world = worlds.find((w) => w.place === parent.place)!;
      district = parent.district;
      const siblings = district ? sameDistrict(parentsAt('phong'), world, district.name) : [];
      parents = [siblings.length ? random.pick(siblings) : parent];
    }

    // The plan's own number, date and issuing body.
    const latestParent = parents.reduce<[number, number, number] | null>((acc, p) => (!acc || iso(p.instrument.date!) > iso(acc) ? p.instrument.date : acc), null);
    const date = latestParent ? laterDate(random, latestParent, 3, 75) : randomDate(random, random.int(2021, 2024));
    const year = date[0];
    const p = world.place.province;
    const word = provinceWord(p);
    const dn = district?.name ?? '';
    const dKind = district?.kind ?? 'huyện';
    let meta: Omit<PlanMeta, 'instrument' | 'index' | 'level' | 'place' | 'district' | 'parents'> & { number: string; issuers: string[]; subject: string };
    const subject = random.pick(SUBJECTS);
    switch (level) {
      case 'ubnd-tinh':
        meta = {
          number: `${world.ubndPlans.next(year)}/KH-UBND`,
          issuers: [`UBND ${word} ${p}`, `Ủy ban nhân dân ${word} ${p}`],
          bodyLines: [`ỦY BAN NHÂN DÂN`, `${word.toUpperCase()} ${p.toUpperCase()}`],
          bodyName: `Ủy ban nhân dân ${word}`,
          signer: ['TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', personName(random)],
          subject,
        };
        break;
      case 'so':
        meta = {
          number: `${world.soPlans.next(year)}/KH-SGDĐT`,
          issuers: [`Sở Giáo dục và Đào tạo ${word} ${p}`, `Sở GD&ĐT ${p}`],
          bodyLines: [`UBND ${word.toUpperCase()} ${p.toUpperCase()}`, 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
          bodyName: 'Sở Giáo dục và Đào tạo',
          signer: ['GIÁM ĐỐC', personName(random)],
          subject,
        };
        break;
      case 'ubnd-huyen':
        meta = {
          number: `${(world.districtUbnd.get(dn) ?? world.ubndPlans).next(year)}/KH-UBND`,
          issuers: district ? [`UBND ${dKind} ${dn}`, `Ủy ban nhân dân ${dKind} ${dn}`] : [`UBND ${word} ${p}`],
          bodyLines: ['ỦY BAN NHÂN DÂN', `${dKind.toUpperCase()} ${dn.toUpperCase()}`],
          bodyName: `Ủy ban nhân dân ${dKind}`,
          signer: ['TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', personName(random)],
          subject,
        };
        break;
      case 'phong':
        meta = {
          number: `${(world.districtPhong.get(dn) ?? world.soPlans).next(year)}/KH-PGDĐT`,
          issuers: district ? [`Phòng Giáo dục và Đào tạo ${dKind} ${dn}`, `Phòng GD&ĐT ${dKind} ${dn}`] : [`Phòng Giáo dục và Đào tạo`],
          bodyLines: [`UBND ${dKind.toUpperCase()} ${dn.toUpperCase()}`, 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'],
          bodyName: 'Phòng Giáo dục và Đào tạo',
          signer: ['TRƯỞNG PHÒNG', personName(random)],
          subject,
        };
        break;
      default: {
        const [kind, code] = random.pick(SCHOOL_KINDS);
        const school = `${kind} ${random.pick(SCHOOL_NAMES)}`;
        // Schools of one district share a numbering per kind here: the extractor keys a school's plan
        // by district and code ("KH-THCS"), so two schools numbering independently would collide.
        const schoolKey = `${dn}|${code}`;
        if (!world.schools.has(schoolKey)) world.schools.set(schoolKey, counter(random, [1, 30], [1, 6]));
        meta = {
          number: `${world.schools.get(schoolKey)!.next(year)}/KH-${code}`,
          issuers: [school],
          bodyLines: [`PHÒNG GD&ĐT ${dKind.toUpperCase()} ${dn.toUpperCase()}`, school.toUpperCase()],
          bodyName: school,
          signer: ['HIỆU TRƯỞNG', personName(random)],
          subject,
        };
      }
    }
    const instrument: Instrument = {
      type: 'Kế hoạch',
      number: meta.number,
      date,
      issuers: meta.issuers,
      subject: `thực hiện ${meta.subject} năm ${year}`,
      topic: meta.subject,
      family: 'admin',
      ...(parents[0] && random.chance(0.5) ? { relation: { kind: 'implements' as const, target: parents[0].instrument } } : {}),
    };
    const plan: PlanMeta = { index, level, place: world.place, district, instrument, bodyLines: meta.bodyLines, bodyName: meta.bodyName, signer: meta.signer, parents };
    if (level !== 'truong') byLevel.set(level, [...parentsAt(level), plan]);
    const file = `${groupOf(index)}/plan-${String(index).padStart(6, '0')}.txt`;
    const target = level === 'truong' ? random.int(30, 50) : random.int(40, 60);
    yield planText(random, plan, central, world, file, target);
  }
}

export interface CorpusManifest {
  seed: number;
  count: number;
  citations: number;
  bySection: Record<string, number>;
  byLevel: Record<string, number>;
  nested: number;
  withRelation: number;
  deliberate: number;
  bytes: number;
}

/** Writes the corpus under `out` (replacing it) and returns its manifest. */
export async function writeCorpus(opts: CorpusOptions & { out: string }): Promise<CorpusManifest> {
  const out = resolve(opts.out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const manifest: CorpusManifest = { seed: opts.seed, count: opts.count, citations: 0, bySection: {}, byLevel: {}, nested: 0, withRelation: 0, deliberate: 0, bytes: 0 };
  const jsonl: WriteStream = createWriteStream(join(out, 'citations.jsonl'));
  const made = new Set<string>();
  let pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    if (!jsonl.write(chunk)) await new Promise<void>((resolveDrain) => jsonl.once('drain', () => resolveDrain()));
  };
  for (const plan of generateCorpus(opts)) {
    const dir = join(out, plan.file.split('/')[0]!);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(out, plan.file), plan.text);
    manifest.bytes += Buffer.byteLength(plan.text);
    manifest.byLevel[plan.level] = (manifest.byLevel[plan.level] ?? 0) + 1;
    for (const c of plan.citations) {
      manifest.citations++;
      manifest.bySection[c.section] = (manifest.bySection[c.section] ?? 0) + 1;
      if (c.nested) manifest.nested++;
      if (c.relation) manifest.withRelation++;
      if (c.deliberate) manifest.deliberate++;
      pending.push(JSON.stringify(c) + '\n');
    }
    if (pending.length > 5000) await flush();
  }
  await flush();
  await new Promise<void>((resolveEnd, reject) => jsonl.end((error?: Error | null) => (error ? reject(error) : resolveEnd())));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function parseArgs(argv: string[]): CorpusOptions & { out: string } {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const count = Number(value('count') ?? '1000');
  const seed = Number(value('seed') ?? '1');
  const out = value('out') ?? 'bench-out/corpus';
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { count, seed, out };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const manifest = await writeCorpus(opts);
  console.log(
    `${manifest.count} plans, ${manifest.citations} planted citations (${JSON.stringify(manifest.bySection)}), ${(manifest.bytes / 1e6).toFixed(1)} MB → ${opts.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
