// `cancu query issuer <key or name>`: what became of an issuing body — when it ended and which
// body took over (the SUCCEEDED_BY chain of the 2025 reorganisation). A name ("Lạc Thủy",
// "UBND tỉnh Hòa Bình") is looked up among the issuers the graph holds; several matches are listed.
// Exit codes: 0 answered, 1 unknown or ambiguous, 2 store down or failure.
import { loadConfig } from '../../config.js';
import { openStore } from '../../graph/index.js';
import type { GraphStore, IssuerDetail, IssuerNode } from '../../graph/store.js';
import { UnknownRefError } from '../../service/errors.js';
import { describeIssuer, listIssuers, unknownIssuer } from '../../service/issuers.js';
import { failureExit, type Output } from './query.js';

export interface IssuerQueryOptions {
  format: 'text' | 'json';
  stdout: Output;
  stderr: Output;
  store?: GraphStore;
}

const LEVEL_VI: Record<string, string> = { 'trung-uong': 'trung ương', tinh: 'cấp tỉnh', huyen: 'cấp huyện', xa: 'cấp xã' };

function viDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

async function findIssuer(store: GraphStore, ref: string): Promise<IssuerDetail | IssuerNode[]> {
  const text = ref.normalize('NFC').trim();
  if (/^[a-z0-9.-]+:[a-z0-9-]+$/.test(text)) return describeIssuer(store, text);
  const found = await listIssuers(store, { q: text });
  if (found.length === 1) return describeIssuer(store, found[0]!.key);
  if (found.length === 0) throw unknownIssuer(ref);
  return found;
}

function renderText(detail: IssuerDetail): string {
  const { issuer } = detail;
  const lines = [`${issuer.name} (${issuer.key})${issuer.level ? ` — ${LEVEL_VI[issuer.level] ?? issuer.level}` : ''}`];
  if (issuer.validTo) {
    lines.push(
      `Không còn tồn tại từ ngày ${viDate(issuer.validTo)}${issuer.confidence === 'inferred' ? ' (dữ kiện suy luận)' : ''}${issuer.source ? `; nguồn: ${issuer.source}` : ''}.`,
    );
  } else {
    lines.push('Không có dữ kiện về việc chấm dứt hoạt động.');
  }
  if (detail.successors.length > 0) {
    lines.push('', 'Cơ quan kế thừa:');
    for (const edge of detail.successors) {
      lines.push(`  từ ${viDate(edge.date)}: ${edge.issuer.name} (${edge.to})${edge.by ? `, theo ${edge.by}` : ''}${edge.confidence === 'inferred' ? ' (suy luận)' : ''}`);
      if (edge.note) lines.push(`    ${edge.note}`);
    }
  }
  if (detail.predecessors.length > 0) {
    lines.push('', 'Kế thừa từ:');
    for (const edge of detail.predecessors) lines.push(`  ${edge.issuer.name} (${edge.from}), từ ${viDate(edge.date)}`);
  }
  lines.push('', `Văn bản của cơ quan này trong đồ thị: ${detail.instrumentCount}.`);
  return `${lines.join('\n')}\n`;
}

export async function queryIssuer(ref: string, opts: IssuerQueryOptions): Promise<number> {
  let opened: GraphStore | null = null;
  try {
    const store = opts.store ?? (opened = await openStore(loadConfig()));
    const found = await findIssuer(store, ref);
    if (Array.isArray(found)) {
      opts.stderr.write(
        `"${ref}" khớp với ${found.length} cơ quan; hãy chọn một khóa:\n${found
          .slice(0, 30)
          .map((issuer) => `  ${issuer.key}  ${issuer.name}${issuer.validTo ? ` (đến ${viDate(issuer.validTo)})` : ''}`)
          .join('\n')}${found.length > 30 ? `\n  … và ${found.length - 30} cơ quan khác` : ''}\n`,
      );
      return 1;
    }
    opts.stdout.write(opts.format === 'json' ? `${JSON.stringify(found)}\n` : renderText(found));
    return 0;
  } catch (error) {
    if (error instanceof UnknownRefError) {
      opts.stderr.write(`${error.message}\nGợi ý: ${error.hint?.vi ?? ''} Cơ quan có trong đồ thị khi đã nạp văn bản (cancu ingest <thư mục>).\n`);
      return 1;
    }
    return failureExit(error, opts.stderr);
  } finally {
    if (opened) await opened.close().catch(() => undefined);
  }
}
