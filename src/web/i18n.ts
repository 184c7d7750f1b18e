// Interface text, Vietnamese first, English with the switch. Findings' messages come from the API
// in the chosen language (POST /check ?lang), so only the page's own words are here.
import type { Lang } from '../model/schemas.js';

export type { Lang };

const VI = {
  appName: 'cancu — kiểm tra căn cứ',
  navCheck: 'Kiểm tra dự thảo',
  navLineage: 'Phả hệ văn bản',
  navApi: 'Tài liệu API',
  switchLang: 'English',
  switchLangLabel: 'Switch to English',
  skip: 'Bỏ qua, tới nội dung',
  inputTitle: 'Dự thảo cần kiểm tra',
  pasteLabel: 'Dán nội dung dự thảo',
  pastePlaceholder: 'Dán toàn văn kế hoạch (phần căn cứ và nội dung) vào đây…',
  fileLabel: 'hoặc chọn tệp (.txt, .md, .docx, .pdf)',
  dropHint: 'Thả tệp vào đây',
  dateLabel: 'Đánh giá tại ngày',
  dateHint: 'Để trống: dùng ngày của chính văn bản.',
  checkButton: 'Kiểm tra',
  checking: 'Đang kiểm tra…',
  emptyInput: 'Chưa có nội dung: hãy dán văn bản hoặc chọn một tệp.',
  unsupportedFile: (name: string) => `Không nhận tệp "${name}": chỉ nhận tệp .txt, .md, .docx hoặc .pdf. Hãy lưu dự thảo dưới một trong các dạng này (trong Word: Lưu thành… → .docx hoặc .pdf) rồi chọn lại.`,
  tooLarge: (mb: string, max: string) => `Tệp nặng ${mb} MB, vượt giới hạn ${max} MB của máy chủ; hãy gửi tệp nhỏ hơn (chỉ cần phần căn cứ và nội dung).`,
  networkError: 'Không kết nối được tới máy chủ cancu; kiểm tra máy chủ còn chạy (cancu serve) rồi thử lại.',
  serverError: 'Máy chủ báo lỗi',
  errors: 'lỗi',
  warnings: 'cảnh báo',
  infos: 'thông tin',
  citations: 'trích dẫn',
  judgedAt: 'xét hiệu lực tại ngày',
  noDate: 'không rõ ngày (chưa xét hiệu lực theo ngày)',
  noFindings: 'Không có phát hiện nào.',
  documentTitle: 'Văn bản',
  findingsTitle: 'Phát hiện',
  groupHeader: 'Đầu văn bản',
  groupCanCu: 'Phần căn cứ',
  groupBody: 'Nội dung',
  severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as Record<string, string>,
  rule: 'Quy tắc',
  suggested: 'Nên viết',
  copyLine: 'Sao chép dòng đã sửa',
  copied: 'Đã sao chép dòng đã sửa.',
  copySuggestion: 'Sao chép gợi ý',
  copiedSuggestion: 'Đã sao chép gợi ý.',
  copyFailed: 'Không sao chép được; dòng đã sửa:',
  goTo: 'Tới chỗ này trong văn bản',
  fixAll: (n: number) => `Sửa tất cả (${n} chỗ sửa máy móc)`,
  fixedAll: (n: number) => `Đã sửa ${n} chỗ; kết quả bên dưới là của văn bản đã sửa.`,
  fixAllNote: 'Văn bản đã sửa nằm trong ô nhập; sao chép vào tệp gốc.',
  exportJson: 'Tải JSON',
  exportSarif: 'Tải SARIF',
  print: 'In báo cáo',
  toFindings: 'Tới danh sách phát hiện',
  printHead: (file: string, when: string) => `Báo cáo kiểm tra trích dẫn của cancu — tệp ${file} — in lúc ${when}`,
  source: 'Nguồn',
  inferred: 'suy luận',
  citationTitle: 'Trích dẫn',
  close: 'Đóng',
  fType: 'Loại văn bản',
  fNumber: 'Số, ký hiệu',
  fDate: 'Ngày ban hành',
  fIssuer: 'Cơ quan ban hành',
  fSubject: 'Trích yếu',
  fKey: 'Khóa chuẩn',
  fSection: 'Nằm ở',
  fStatus: 'Tình trạng',
  section: { title: 'tiêu đề', can_cu: 'phần căn cứ', body: 'nội dung', tail: 'sau chữ ký', header: 'đầu văn bản' } as Record<string, string>,
  state: {
    in_force: 'còn hiệu lực (theo dữ kiện đã biết)',
    amended: 'đã được sửa đổi, bổ sung',
    replaced: 'đã bị thay thế',
    repealed: 'đã bị bãi bỏ',
    expired: 'đã hết hiệu lực',
    unknown: 'chưa rõ (cancu chưa có dữ kiện về văn bản này)',
  } as Record<string, string>,
  by: 'bởi',
  since: 'từ ngày',
  onDate: 'tại ngày',
  lineageLink: 'Xem phả hệ của văn bản này',
  clickForMore: 'bấm để xem chi tiết',
  notKeyed: 'Chưa lập được khóa chuẩn (thiếu số, năm hoặc cơ quan), nên chưa xem được phả hệ.',
  unknownValue: '—',
  fileShown: (name: string, format: string) => `Đang hiển thị chữ đọc được từ tệp ${name} (${format}).`,
  // lineage
  lineageTitle: 'Phả hệ văn bản',
  searchLabel: 'Tìm văn bản theo số, ký hiệu hoặc tên',
  searchPlaceholder: 'ví dụ: 15-ĐA/TU, Nghị định 30/2020/NĐ-CP, dân vận',
  searchButton: 'Tìm',
  searching: 'Đang tìm…',
  noResults: 'Không tìm thấy văn bản nào.',
  resultsTitle: 'Kết quả tìm kiếm',
  upLabel: 'Số bước lên (căn cứ)',
  downLabel: 'Số bước xuống (văn bản thực hiện)',
  pictureTitle: 'Sơ đồ',
  tableTitle: 'Bảng quan hệ',
  thFrom: 'Văn bản',
  thRelation: 'Quan hệ',
  thTo: 'Văn bản được dẫn',
  thDate: 'Ngày',
  thIssuer: 'Cơ quan',
  thStatus: 'Tình trạng',
  relation: {
    IMPLEMENTS: 'thực hiện',
    BASED_ON: 'căn cứ',
    CITES: 'dẫn',
    AMENDS: 'sửa đổi',
    GUIDES: 'hướng dẫn',
    REPLACES: 'thay thế',
    REPEALS: 'bãi bỏ',
    CONTINUES: 'tiếp nối',
  } as Record<string, string>,
  legend: 'Chú giải',
  borderLegend: 'viền',
  endedLegend: 'bị thay thế / bãi bỏ / hết hiệu lực',
  family: { legal: 'văn bản quy phạm pháp luật', admin: 'văn bản hành chính', party: 'văn bản của Đảng', document: 'kế hoạch đã nạp', other: 'khác' } as Record<string, string>,
  nodeStatus: { in_force: 'còn hiệu lực', amended: 'đã sửa đổi', replaced: 'đã bị thay thế', repealed: 'đã bị bãi bỏ', expired: 'hết hiệu lực', unknown: 'chưa rõ' } as Record<string, string>,
  walkHint: 'Bấm vào một văn bản trên sơ đồ hoặc trong bảng để đi tiếp tới phả hệ của nó.',
  center: 'Văn bản đang xem',
  noEdges: 'Chưa biết quan hệ nào của văn bản này.',
  citedBy: 'Được dẫn bởi',
  graphUnavailable: 'Không vẽ được sơ đồ trên trình duyệt này; xem bảng bên dưới.',
};

export type Dict = typeof VI;

const EN: Dict = {
  appName: 'cancu — citation check',
  navCheck: 'Check a draft',
  navLineage: 'Instrument lineage',
  navApi: 'API reference',
  switchLang: 'Tiếng Việt',
  switchLangLabel: 'Chuyển sang tiếng Việt',
  skip: 'Skip to content',
  inputTitle: 'Draft to check',
  pasteLabel: 'Paste the draft',
  pastePlaceholder: 'Paste the whole plan (preamble and body) here…',
  fileLabel: 'or choose a file (.txt, .md, .docx, .pdf)',
  dropHint: 'Drop a file here',
  dateLabel: 'Judge validity on',
  dateHint: "Empty: the document's own date.",
  checkButton: 'Check',
  checking: 'Checking…',
  emptyInput: 'Nothing to check: paste the text or choose a file.',
  unsupportedFile: (name: string) => `File "${name}" not accepted: only .txt, .md, .docx or .pdf files are. Save the draft in one of these formats (in Word: Save as… → .docx or .pdf) and choose it again.`,
  tooLarge: (mb: string, max: string) => `The file is ${mb} MB, above the server's ${max} MB limit; send a smaller file (the preamble and body are enough).`,
  networkError: 'Cannot reach the cancu server; check that it is running (cancu serve) and try again.',
  serverError: 'The server answered with an error',
  errors: 'errors',
  warnings: 'warnings',
  infos: 'infos',
  citations: 'citations',
  judgedAt: 'validity judged on',
  noDate: 'no date known (validity not judged by date)',
  noFindings: 'No findings.',
  documentTitle: 'Document',
  findingsTitle: 'Findings',
  groupHeader: 'Document header',
  groupCanCu: 'Preamble (căn cứ)',
  groupBody: 'Body',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  rule: 'Rule',
  suggested: 'Write instead',
  copyLine: 'Copy the corrected line',
  copied: 'Corrected line copied.',
  copySuggestion: 'Copy the suggestion',
  copiedSuggestion: 'Suggestion copied.',
  copyFailed: 'Could not copy; the corrected line:',
  goTo: 'Go to this place in the document',
  fixAll: (n: number) => `Fix all (${n} mechanical fixes)`,
  fixedAll: (n: number) => `${n} fixes applied; the results below are for the fixed text.`,
  fixAllNote: 'The fixed text is in the input box; copy it into the original file.',
  exportJson: 'Download JSON',
  exportSarif: 'Download SARIF',
  print: 'Print report',
  toFindings: 'Go to the findings',
  printHead: (file: string, when: string) => `cancu citation check report — file ${file} — printed ${when}`,
  source: 'Source',
  inferred: 'inferred',
  citationTitle: 'Citation',
  close: 'Close',
  fType: 'Type',
  fNumber: 'Number',
  fDate: 'Date',
  fIssuer: 'Issuer',
  fSubject: 'Subject',
  fKey: 'Canonical key',
  fSection: 'Found in',
  fStatus: 'Status',
  section: { title: 'title', can_cu: 'preamble', body: 'body', tail: 'after the signature', header: 'header' },
  state: {
    in_force: 'in force (as far as known)',
    amended: 'amended',
    replaced: 'replaced',
    repealed: 'repealed',
    expired: 'expired',
    unknown: 'unknown (cancu has no facts about it)',
  },
  by: 'by',
  since: 'since',
  onDate: 'on',
  lineageLink: "See this instrument's lineage",
  clickForMore: 'click for details',
  notKeyed: 'No canonical key (number, year or issuer missing), so no lineage to show.',
  unknownValue: '—',
  fileShown: (name: string, format: string) => `Showing the text read from ${name} (${format}).`,
  lineageTitle: 'Instrument lineage',
  searchLabel: 'Search an instrument by number or name',
  searchPlaceholder: 'e.g. 15-ĐA/TU, Nghị định 30/2020/NĐ-CP, dân vận',
  searchButton: 'Search',
  searching: 'Searching…',
  noResults: 'No instrument found.',
  resultsTitle: 'Search results',
  upLabel: 'Steps up (basis)',
  downLabel: 'Steps down (implementers)',
  pictureTitle: 'Picture',
  tableTitle: 'Relations table',
  thFrom: 'Instrument',
  thRelation: 'Relation',
  thTo: 'Cited instrument',
  thDate: 'Date',
  thIssuer: 'Issuer',
  thStatus: 'Status',
  relation: { IMPLEMENTS: 'implements', BASED_ON: 'based on', CITES: 'cites', AMENDS: 'amends', GUIDES: 'guides', REPLACES: 'replaces', REPEALS: 'repeals', CONTINUES: 'continues' },
  legend: 'Legend',
  borderLegend: 'border',
  endedLegend: 'replaced / repealed / expired',
  family: { legal: 'legal-normative', admin: 'administrative', party: 'Party', document: 'ingested plan', other: 'other' },
  nodeStatus: { in_force: 'in force', amended: 'amended', replaced: 'replaced', repealed: 'repealed', expired: 'expired', unknown: 'unknown' },
  walkHint: 'Click an instrument in the picture or the table to walk on to its lineage.',
  center: 'Instrument shown',
  noEdges: 'No relation of this instrument is known.',
  citedBy: 'Cited by',
  graphUnavailable: 'The picture cannot be drawn in this browser; see the table below.',
};

const KEY = 'cancu.lang';

export function currentLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'vi' || fromUrl === 'en') return fromUrl;
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    /* storage may be disabled */
  }
  return 'vi';
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* storage may be disabled */
  }
}

export function dict(lang: Lang): Dict {
  return lang === 'en' ? EN : VI;
}

/** Fills every [data-t] element's text (and [data-t-placeholder], [data-t-aria]) from the dictionary. */
export function applyStatic(d: Dict, lang: Lang): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const value = d[el.dataset.t as keyof Dict];
    if (typeof value === 'string') el.textContent = value;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-placeholder]')) {
    const value = d[el.dataset.tPlaceholder as keyof Dict];
    if (typeof value === 'string') el.setAttribute('placeholder', value);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-aria]')) {
    const value = d[el.dataset.tAria as keyof Dict];
    if (typeof value === 'string') el.setAttribute('aria-label', value);
  }
}

/** The language switch in the header: flips, remembers, reloads the view through `onChange`. */
export function wireLangSwitch(onChange: (lang: Lang) => void): void {
  const button = document.getElementById('lang-switch');
  button?.addEventListener('click', () => {
    const next: Lang = currentLang() === 'vi' ? 'en' : 'vi';
    setLang(next);
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    history.replaceState(null, '', url);
    onChange(next);
  });
}
