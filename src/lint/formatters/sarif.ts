// SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue as the tool's rules (stable
// ids), one result per finding with its region.
import type { FileResult } from './json.js';
import type { Rule } from '../define-rule.js';
import type { Lang } from '../../model/schemas.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: FileResult[], rules: Rule[], version: string, lang: Lang = 'vi'): string {
  const index = new Map(rules.map((r, i) => [r.id, i] as const));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cancu',
            version,
            informationUri: 'https://example.invalid/cancu',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: lang === 'en' ? r.docs.descriptionEn : r.docs.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: LEVEL[m.severity],
            message: { text: m.expected ? `${m.message} (${lang === 'en' ? 'write' : 'nên viết'}: ${m.expected})` : m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: m.file.split('\\').join('/') },
                  region: {
                    startLine: m.line,
                    startColumn: m.column,
                    endLine: m.endLine,
                    endColumn: m.endColumn,
                    snippet: { text: m.evidence },
                  },
                },
              },
            ],
          })),
        ),
        invocations: [
          {
            executionSuccessful: !results.some((r) => r.error),
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({ level: 'error', message: { text: `${r.file}: ${r.error}` } })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
