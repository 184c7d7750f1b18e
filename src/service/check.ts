// Use case: check a draft's citations, exactly as `cancu check --format json` does (same reader,
// analyze, lint and JSON formatter), with the store's knowledge added when the API has a store.
import { analyze } from '../citations/analyze.js';
import { formatOf, fromBuffer, fromString } from '../documents/index.js';
import type { GraphStore } from '../graph/store.js';
import type { KnowledgeResolver, Lang } from '../lint/define-rule.js';
import { toJson } from '../lint/formatters/json.js';
import { lint } from '../lint/index.js';
import { storeKnowledge } from './knowledge.js';

export type CheckInput =
  | { text: string; filename: string; date: string | null; lang: Lang }
  | { bytes: Uint8Array; filename: string; date: string | null; lang: Lang };

export async function checkDocument(
  input: CheckInput,
  knowledge: { store: GraphStore | null; resolver: KnowledgeResolver | null },
) {
  const source = 'bytes' in input ? await fromBuffer(input.bytes, input.filename) : await fromString(input.text, input.filename, formatOf(input.filename));
  const doc = analyze(source.text, { file: input.filename, locate: source.locate });
  const resolver = knowledge.store ? await storeKnowledge(knowledge.store, doc, knowledge.resolver) : knowledge.resolver;
  const messages = lint(doc, { asOf: input.date, lang: input.lang, resolver });
  return toJson([{ file: input.filename, messages }]);
}
