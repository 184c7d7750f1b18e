// `cancu check`: read each draft, check it on the one path POST /check also takes
// (src/service/check.ts), print findings the way linters do. Rule severities come from the nearest
// configuration file (.cancurc.json / cancu.config.json, see config-file.ts) or --config.
import { dirname, resolve } from 'node:path';
import type { KnowledgeResolver } from '../../model/knowledge.js';
import type { Lang } from '../../model/schemas.js';
import type { PresetName } from '../../lint/presets/index.js';
import type { FileResult } from '../../lint/formatters/json.js';
import type { CheckConfig } from '../config-file.js';
import type { SourceText } from '../../documents/index.js';

/** Files read ahead of the one being checked (none with --fix, which rewrites files as it goes). */
const READ_AHEAD = 2;

export interface CheckOptions {
  format: 'stylish' | 'json' | 'sarif';
  date?: string | null;
  maxWarnings?: number | null;
  lang: Lang;
  preset: PresetName;
  /** --preset was given on the command line (it then wins over a configuration file's preset). */
  presetGiven?: boolean;
  /** --config: this file for every checked file, no search. */
  config?: string | null;
  cwd: string;
  color: boolean;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  version: string;
  env?: NodeJS.ProcessEnv;
  /** Apply the mechanical fixes (src/lint/fix.ts) to .txt/.md files in place, then report what is left. */
  fix?: boolean;
}

/** The bundled registry as a resolver (the same one POST /check uses). */
export async function loadBundledResolver(): Promise<KnowledgeResolver | null> {
  const { bundledResolver } = await import('../../service/check.js');
  return bundledResolver();
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
  const { checkSource } = await import('../../service/check.js');
  const { RULES } = await import('../../lint/rules/index.js');
  const { ConfigFileError, findConfigFile, readConfigFile } = await import('../config-file.js');
  const ruleIds = RULES.map((rule) => rule.id);
  const searched = new Map<string, string | null>();
  const read = new Map<string, Promise<CheckConfig>>();
  const configFor = async (file: string): Promise<CheckConfig | null> => {
    const path = opts.config ? resolve(opts.cwd, opts.config) : findConfigFile(dirname(file), searched);
    if (!path) return null;
    if (!read.has(path)) read.set(path, readConfigFile(path, ruleIds));
    return read.get(path)!;
  };
  const results: FileResult[] = [];
  let failed = false;
  // The next files are read while this one is checked, so that many files do not wait on the disk
  // one after the other; each read settles to its text or its error, used in the files' order.
  const reads = new Map<number, Promise<{ src: SourceText } | { error: unknown }>>();
  const ahead = opts.fix ? 0 : READ_AHEAD;
  let next = 0;
  const take = (i: number) => {
    for (; next < Math.min(files.length, i + ahead + 1); next++) {
      const settled = readDocument(resolve(opts.cwd, files[next]!)).then(
        (src) => ({ src }),
        (error: unknown) => ({ error }),
      );
      reads.set(next, settled);
    }
    const read = reads.get(i)!;
    reads.delete(i); // not kept once checked: a folder of large files is not held in memory
    return read;
  };
  for (const [i, file] of files.entries()) {
    const abs = resolve(opts.cwd, file);
    let config: CheckConfig | null;
    try {
      config = await configFor(abs);
    } catch (err) {
      // A broken configuration stops the run: checking with other severities than the team chose would mislead.
      if (!(err instanceof ConfigFileError)) throw err;
      opts.stderr.write(`${opts.lang === 'en' ? err.messageEn : err.message}\n`);
      return 2;
    }
    try {
      const read = await take(i);
      if ('error' in read) throw read.error;
      const src = read.src;
      if (!src.text.trim()) {
        failed = true;
        results.push({ file, messages: [], error: opts.lang === 'en' ? 'The file is empty: nothing to check.' : 'Tệp rỗng, không có nội dung để kiểm tra.' });
        continue;
      }
      const preset = opts.presetGiven ? opts.preset : (config?.preset ?? opts.preset);
      const lintSource = (st: typeof src) => checkSource(st, file, { date: opts.date ?? null, lang: opts.lang, preset, rules: config?.rules }, { store, resolver: registry });
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
