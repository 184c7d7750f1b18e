// Human output in the manner of ESLint's "stylish": a block per file, one line per finding with
// position, severity, message and rule id, then what to write instead, and a summary.
import type { Lang } from '../define-rule.js';
import type { FileResult } from './json.js';

const LABEL: Record<Lang, Record<string, string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý', fix: 'nên viết', problems: 'vấn đề', none: 'Không phát hiện vấn đề nào.', unreadable: 'không đọc được' },
  en: { error: 'error', warning: 'warning', info: 'info', fix: 'write', problems: 'problems', none: 'No problems found.', unreadable: 'unreadable' },
};

/** "1 error", "2 errors", "0 errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatStylish(results: FileResult[], lang: Lang = 'vi', color = false): string {
  const L = LABEL[lang];
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    if (!r.messages.length && !r.error) continue;
    out.push('', paint(4, r.file));
    if (r.error) out.push(`  ${paint(31, L.unreadable!)}  ${r.error}`);
    for (const m of r.messages) {
      const sev = m.severity === 'error' ? paint(31, L.error!) : m.severity === 'warning' ? paint(33, L.warning!) : paint(36, L.info!);
      if (m.severity === 'error') errors++;
      else if (m.severity === 'warning') warnings++;
      else infos++;
      out.push(`  ${`${m.line}:${m.column}`.padEnd(8)} ${sev.padEnd(color ? 18 : 9)} ${m.message}  ${paint(90, m.ruleId)}`);
      if (m.expected) out.push(`  ${''.padEnd(8)} ${''.padEnd(9)} → ${L.fix}: ${m.expected}`);
    }
  }
  const total = errors + warnings + infos;
  const unreadable = results.filter((r) => r.error).length;
  if (!total && !unreadable) return `${L.none}\n`;
  out.push(
    '',
    lang === 'vi'
      ? `✖ ${total} ${L.problems} (${errors} lỗi, ${warnings} cảnh báo, ${infos} lưu ý)${unreadable ? `; ${unreadable} tệp không đọc được` : ''}`
      : `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info', 'infos')})${unreadable ? `; ${plural(unreadable, 'unreadable file')}` : ''}`,
  );
  return out.join('\n') + '\n';
}
