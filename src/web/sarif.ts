// SARIF 2.1.0 from the JSON report, for download from the page: one run, one result per finding,
// regions in the source (1-based line/column, UTF-16 char offsets). The CLI's own SARIF
// (cancu check --format sarif) also carries the rule catalogue; this one names the rules only.
import type { CheckReport } from './api.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(report: CheckReport) {
  const ruleIds = [...new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cancu', informationUri: '/docs', rules: ruleIds.map((id) => ({ id })) } },
        columnKind: 'utf16CodeUnits',
        results: report.results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: ruleIds.indexOf(m.ruleId),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, charOffset: m.offset, charLength: m.length, snippet: { text: m.evidence } },
                },
              },
            ],
            ...(m.expected ? { fixes: [{ description: { text: m.expected } }] } : {}),
          })),
        ),
      },
    ],
  };
}
