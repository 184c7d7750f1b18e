// `cancu check --format json`: the output contract other tools read.
import type { Finding } from '../../citations/model.js';

export interface FileResult {
  file: string;
  messages: Finding[];
  /** A file that could not be read: the reason, and no messages. */
  error?: string | null;
}

export function toJson(results: FileResult[]) {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const r of results)
    for (const m of r.messages) {
      if (m.severity === 'error') errorCount++;
      else if (m.severity === 'warning') warningCount++;
      else infoCount++;
    }
  return {
    results: results.map((r) => ({
      file: r.file,
      ...(r.error ? { error: r.error } : {}),
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        offset: m.offset,
        length: m.length,
        evidence: m.evidence,
        expected: m.expected ?? null,
        ...(m.cause ? { cause: m.cause } : {}),
        ...(m.url ? { url: m.url } : {}),
      })),
    })),
    errorCount,
    warningCount,
    infoCount,
  };
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(toJson(results), null, 2) + '\n';
}
