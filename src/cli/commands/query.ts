// `cancu query implementers|basis|lineage <ref>`: the lineage questions of the API, from the
// command line. Exit codes: 0 answered, 1 unknown or ambiguous reference, 2 store down or failure.
import { ConfigError, loadConfig } from '../../config.js';
import { StoreUnavailableError } from '../../graph/errors.js';
import { openStore } from '../../graph/index.js';
import type { GraphStore, LineageHit } from '../../graph/store.js';
import { AmbiguousRefError, UnknownRefError } from '../../service/errors.js';
import { findBasis, findImplementers, type LineagePage } from '../../service/instruments.js';

export interface Output {
  write(chunk: string): unknown;
}

export type QueryKind = 'implementers' | 'basis' | 'lineage';

export interface QueryOptions {
  /** Hops (1–10); default 3. */
  depth?: number;
  format: 'text' | 'json';
  stdout: Output;
  stderr: Output;
  /** An open store; when absent the configured one is opened (and closed afterwards). */
  store?: GraphStore;
}

/** One line of the answer (a lineage hit); `depth` is negative for implementers in a lineage answer (below the instrument). */
export type QueryResult = LineageHit;

const PAGE = 1000;

async function allPages(fetchPage: (cursor: string | null) => Promise<LineagePage>): Promise<{ key: string; items: LineageHit[] }> {
  let page = await fetchPage(null);
  const items = [...page.items];
  while (page.nextCursor) {
    page = await fetchPage(page.nextCursor);
    items.push(...page.items);
  }
  return { key: page.key, items };
}

const toResult = (hit: LineageHit, sign: 1 | -1): QueryResult => ({
  key: hit.key,
  type: hit.type,
  number: hit.number,
  date: hit.date,
  issuer: hit.issuer,
  depth: sign * hit.depth,
  path: hit.path,
});

async function answer(store: GraphStore, kind: QueryKind, ref: string, depth: number): Promise<{ key: string; results: QueryResult[] }> {
  const implementers = () => allPages((cursor) => findImplementers(store, ref, { depth, limit: PAGE, cursor }));
  const basis = () => allPages((cursor) => findBasis(store, ref, { depth, limit: PAGE, cursor }));
  if (kind === 'implementers') {
    const { key, items } = await implementers();
    return { key, results: items.map((hit) => toResult(hit, 1)) };
  }
  if (kind === 'basis') {
    const { key, items } = await basis();
    return { key, results: items.map((hit) => toResult(hit, 1)) };
  }
  const up = await basis();
  const down = await implementers();
  return { key: up.key, results: [...up.items.map((hit) => toResult(hit, 1)), ...down.items.map((hit) => toResult(hit, -1))] };
}

const HEADINGS: Record<QueryKind, string> = {
  implementers: 'Văn bản thực hiện',
  basis: 'Căn cứ của',
  lineage: 'Phả hệ của',
};

/** dd/mm/yyyy, the way Vietnamese documents write dates. */
function viDate(iso: string | null): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (iso ?? '');
}

function clip(text: string, width: number): string {
  const chars = [...text.normalize('NFC')];
  return chars.length <= width ? text.normalize('NFC') : `${chars.slice(0, width - 1).join('')}…`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows
    .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length))).join('  ').trimEnd())
    .join('\n');
}

function renderText(kind: QueryKind, ref: string, depth: number, key: string, results: QueryResult[]): string {
  const lines = [`${HEADINGS[kind]} ${ref} (${key}), tối đa ${depth} bậc: ${results.length} kết quả`];
  if (results.length === 0) {
    // An instrument known only from citations has no basis of its own in the graph: say what has one.
    const hint =
      kind === 'implementers'
        ? 'Chưa có văn bản nào đã nạp thực hiện văn bản này.'
        : 'Đồ thị chỉ biết căn cứ của văn bản đã nạp toàn văn (kế hoạch) và của những gì trích dẫn nêu rõ; hỏi theo tên tệp đã nạp, ví dụ: cancu query basis fixtures/plans/003_06262491b62869cd.txt';
    return `${lines[0]}\n${hint}\n`;
  }
  const header = ['Bậc', 'Loại', 'Số, ký hiệu', 'Ngày', 'Cơ quan ban hành', 'Khóa'];
  const rows = results.map((result) => [
    kind === 'lineage' ? (result.depth > 0 ? `↑${result.depth}` : `↓${-result.depth}`) : String(result.depth),
    result.type ?? '',
    result.number ?? '',
    viDate(result.date),
    clip(result.issuer ?? '', 40),
    result.key,
  ]);
  lines.push('', table([header, ...rows]));
  if (kind === 'lineage') lines.push('', '↑ căn cứ (phía trên), ↓ văn bản thực hiện (phía dưới)');
  return `${lines.join('\n')}\n`;
}

/** Any other failure of a query command: its message (the store's names the URI), exit 2. */
export function failureExit(error: unknown, stderr: Output): number {
  const known = error instanceof StoreUnavailableError || error instanceof ConfigError;
  stderr.write(known ? `${(error as Error).message}\n` : `Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
}

export async function query(kind: QueryKind, ref: string, opts: QueryOptions): Promise<number> {
  const depth = opts.depth ?? 3;
  if (!Number.isInteger(depth) || depth < 1 || depth > 10) {
    opts.stderr.write(`Độ sâu phải là số nguyên từ 1 đến 10 (nhận ${depth}).\n`);
    return 2;
  }
  let opened: GraphStore | null = null;
  try {
    const store = opts.store ?? (opened = await openStore(loadConfig()));
    const { key, results } = await answer(store, kind, ref, depth);
    opts.stdout.write(opts.format === 'json' ? `${JSON.stringify({ key, results })}\n` : renderText(kind, ref, depth, key, results));
    return 0;
  } catch (error) {
    if (error instanceof UnknownRefError) {
      opts.stderr.write(
        `${error.message}\nGợi ý: dùng khóa chuẩn (ví dụ vn:tw:ct-tw:2016:05) hoặc trích dẫn có số, ký hiệu, ví dụ: cancu query ${kind} "Chỉ thị 05-CT/TW". Văn bản phải đã được nạp (cancu ingest <thư mục>).\n`,
      );
      return 1;
    }
    if (error instanceof AmbiguousRefError) {
      const candidates = error.candidates.map((c) => `  ${c.key}  ${[c.type, c.number, viDate(c.date), c.issuer].filter(Boolean).join(' · ')}`);
      opts.stderr.write(`${error.message}\n${candidates.join('\n')}\n`);
      return 1;
    }
    return failureExit(error, opts.stderr);
  } finally {
    if (opened) await opened.close().catch(() => undefined);
  }
}

