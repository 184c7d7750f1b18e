// Use case: check a draft's citations. This is the one checking path: `cancu check` calls
// checkSource() for each file it reads and POST /check calls checkDocument(), so both answer the
// same on the same text — same analysis, same rules, the same knowledge (the bundled registry,
// completed by the store's facts when there is a store) and the same JSON.
import { analyze } from '../citations/analyze.js';
import type { Finding } from '../citations/model.js';
import { formatOf, fromBuffer, fromString, type SourceText } from '../documents/index.js';
import type { GraphStore } from '../graph/store.js';
import type { KnowledgeResolver, Lang } from '../lint/define-rule.js';
import { toJson } from '../lint/formatters/json.js';
import { lint, type LintOptions } from '../lint/index.js';
import type { PresetName } from '../lint/presets/index.js';
import { storeKnowledge } from './knowledge.js';

export interface CheckSettings {
  /** ISO date the document is judged at; null: its own date. */
  date: string | null;
  lang: Lang;
  preset?: PresetName;
  /** Per-rule severity or "off" (a configuration file's "rules"), applied after the preset. */
  rules?: LintOptions['rules'];
}

export interface CheckKnowledge {
  /** The graph, when there is one: its facts come first. */
  store: GraphStore | null;
  /** Offline knowledge. Left out: the bundled registry. null: none (rules that need knowledge are skipped). */
  resolver?: KnowledgeResolver | null;
}

let bundled: Promise<KnowledgeResolver | null> | null = null;

/** The bundled validity registry (fixtures/registry) as a resolver, loaded once; null if it cannot be read. */
export function bundledResolver(): Promise<KnowledgeResolver | null> {
  bundled ??= (async () => {
    try {
      const { loadBundledRegistry } = await import('../knowledge/bundled.js');
      const { createRegistryResolver } = await import('../knowledge/resolver.js');
      return createRegistryResolver(loadBundledRegistry());
    } catch {
      return null;
    }
  })();
  return bundled;
}

/** The findings for one document read by a documents/ adapter. */
export async function checkSource(source: SourceText, file: string, settings: CheckSettings, knowledge: CheckKnowledge): Promise<Finding[]> {
  const doc = analyze(source.text, { file, locate: source.locate.bind(source) });
  const registry = knowledge.resolver === undefined ? await bundledResolver() : knowledge.resolver;
  const resolver = knowledge.store ? await storeKnowledge(knowledge.store, doc, registry) : registry;
  return lint(doc, { asOf: settings.date ?? undefined, lang: settings.lang, preset: settings.preset, rules: settings.rules, resolver });
}

export type CheckInput =
  | { text: string; filename: string; date: string | null; lang: Lang }
  | { bytes: Uint8Array; filename: string; date: string | null; lang: Lang };

/** POST /check: the JSON report `cancu check --format json` prints for the same file. */
export async function checkDocument(input: CheckInput, knowledge: CheckKnowledge) {
  const source = 'bytes' in input ? await fromBuffer(input.bytes, input.filename) : await fromString(input.text, input.filename, formatOf(input.filename));
  const messages = await checkSource(source, input.filename, { date: input.date, lang: input.lang }, knowledge);
  return toJson([{ file: input.filename, messages }]);
}
