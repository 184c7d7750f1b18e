// `cancu check`: read each draft, extract, lint, print findings the way linters do.
import { resolve } from 'node:path';
import type { Finding } from '../../citations/model.js';
import type { KnowledgeResolver, Lang } from '../../lint/define-rule.js';
import type { PresetName } from '../../lint/presets/index.js';
import type { FileResult } from '../../lint/formatters/json.js';

export interface CheckOptions {
  format: 'stylish' | 'json' | 'sarif';
  date?: string | null;
  maxWarnings?: number | null;
  lang: Lang;
  preset: PresetName;
  cwd: string;
  color: boolean;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  version: string;
  env?: NodeJS.ProcessEnv;
  /** Apply the mechanical fixes (src/lint/fix.ts) to .txt/.md files in place, then report what is left. */
  fix?: boolean;
}

export async function loadBundledResolver(): Promise<KnowledgeResolver | null> {
  try {
    const { loadBundledRegistry } = await import('../../knowledge/bundled.js');
    const { createRegistryResolver } = await import('../../knowledge/resolver.js');
    return createRegistryResolver(loadBundledRegistry());
  } catch {
    return null;
  }
}

/** Checks one text: the same path the CLI, the API and ingest use. */
export async function checkText(
  text: string,
  file: string,
  opts: { date?: string | null; lang: Lang; preset?: PresetName; resolver?: KnowledgeResolver | null; locate?: (o: number) => { line: number; column: number; sourceOffset: number } },
): Promise<Finding[]> {
  const { analyze } = await import('../../citations/analyze.js');
  const { lint } = await import('../../lint/index.js');
  const doc = analyze(text, { file, locate: opts.locate });
  return lint(doc, { asOf: opts.date ?? undefined, lang: opts.lang, preset: opts.preset, resolver: opts.resolver ?? null });
}

/** The graph, when one is configured (NEO4J_URI or CANCU_DATA_DIR): its knowledge joins the registry's. */
async function openConfiguredStore(env: NodeJS.ProcessEnv) {
  if (!env.NEO4J_URI && !env.CANCU_DATA_DIR) return null;
  const { openStore, configFromEnv } = await import('../../graph/index.js');
  return openStore(configFromEnv(env));
}

export async function check(files: string[], opts: CheckOptions): Promise<number> {
  const { readDocument, DocumentError } = await import('../../documents/index.js');
  const registry = await loadBundledResolver();
  let store: Awaited<ReturnType<typeof openConfiguredStore>> = null;
  try {
    store = await openConfiguredStore(opts.env ?? process.env);
  } catch (err) {
    const e = err as Error & { messageEn?: string };
    opts.stderr.write(`${opts.lang === 'en' && e.messageEn ? e.messageEn : e.message}\n`);
    return 2;
  }
  try {
    return await checkFiles(files, opts, registry, store, readDocument, DocumentError);
  } finally {
    await store?.close();
  }
}

async function checkFiles(
  files: string[],
  opts: CheckOptions,
  registry: KnowledgeResolver | null,
  store: Awaited<ReturnType<typeof openConfiguredStore>>,
  readDocument: typeof import('../../documents/index.js').readDocument,
  DocumentError: typeof import('../../documents/index.js').DocumentError,
): Promise<number> {
  const { analyze } = await import('../../citations/analyze.js');
  const { lint } = await import('../../lint/index.js');
  const storeKnowledge = store ? (await import('../../service/knowledge.js')).storeKnowledge : null;
  const results: FileResult[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const src = await readDocument(resolve(opts.cwd, file));
      if (!src.text.trim()) {
        failed = true;
        results.push({ file, messages: [], error: opts.lang === 'en' ? 'The file is empty: nothing to check.' : 'Tệp rỗng, không có nội dung để kiểm tra.' });
        continue;
      }
      const lintSource = async (st: typeof src) => {
        const doc = analyze(st.text, { file, locate: st.locate.bind(st) });
        const resolver = store && storeKnowledge ? await storeKnowledge(store, doc, registry) : registry;
        return lint(doc, { asOf: opts.date ?? undefined, lang: opts.lang, preset: opts.preset, resolver });
      };
      let messages = await lintSource(src);
      if (opts.fix) {
        const { fixFile } = await import('./fix-file.js');
        messages = await fixFile(resolve(opts.cwd, file), file, src, messages, { lang: opts.lang, stderr: opts.stderr, readDocument, lint: lintSource });
      }
      results.push({ file, messages });
    } catch (err) {
      failed = true;
      const message = err instanceof DocumentError ? (opts.lang === 'en' ? err.messageEn : err.message) : err instanceof Error ? err.message : String(err);
      results.push({ file, messages: [], error: message });
    }
  }
  if (opts.format === 'json') {
    const { formatJson } = await import('../../lint/formatters/json.js');
    opts.stdout.write(formatJson(results));
  } else if (opts.format === 'sarif') {
    const { formatSarif } = await import('../../lint/formatters/sarif.js');
    const { RULES } = await import('../../lint/rules/index.js');
    opts.stdout.write(formatSarif(results, RULES, opts.version, opts.lang));
  } else {
    const { formatStylish } = await import('../../lint/formatters/stylish.js');
    opts.stdout.write(formatStylish(results, opts.lang, opts.color));
  }
  for (const r of results) if (r.error && opts.format !== 'stylish') opts.stderr.write(`${r.file}: ${r.error}\n`);
  if (failed) return 2;
  const all = results.flatMap((r) => r.messages);
  const errors = all.filter((m) => m.severity === 'error').length;
  const warnings = all.filter((m) => m.severity === 'warning').length;
  if (errors > 0) return 1;
  if (opts.maxWarnings != null && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    opts.stderr.write(
      opts.lang === 'en'
        ? `Too many warnings (${warnings}); at most ${opts.maxWarnings} allowed.\n`
        : `Quá nhiều cảnh báo (${warnings}); tối đa cho phép ${opts.maxWarnings}.\n`,
    );
    return 1;
  }
  return 0;
}
