// The configuration file of `cancu check`: `.cancurc.json` or `cancu.config.json`, found by looking
// in the checked file's folder, then its parent, and so on up to the root; the nearest one applies
// (no merging across folders, as with ESLint's flat config). `--config <file>` names one for every
// file and turns the search off. Content (docs/configuration.md):
//
//   { "preset": "strict", "rules": { "citation-missing-so": "off", "can-cu-order": "error" } }
//
// Severities are "off" | "info" | "warning" | "error", as in ESLint and markdownlint-cli2.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../citations/model.js';
import type { PresetName } from '../lint/presets/index.js';

export const CONFIG_FILE_NAMES = ['.cancurc.json', 'cancu.config.json'] as const;

export interface CheckConfig {
  /** The file it was read from. */
  path: string;
  preset?: PresetName;
  rules: Record<string, Severity | 'off'>;
}

/** A configuration file that cannot be used: Vietnamese message, English in messageEn. */
export class ConfigFileError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

/** The nearest configuration file from `dir` upward, or null. Two names in one folder are refused. */
export function findConfigFile(dir: string, cache = new Map<string, string | null>()): string | null {
  const visited: string[] = [];
  let current = resolve(dir);
  let found: string | null = null;
  for (;;) {
    const known = cache.get(current);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(current);
    const here = CONFIG_FILE_NAMES.map((name) => join(current, name)).filter((path) => existsSync(path));
    if (here.length > 1) {
      throw new ConfigFileError(
        `Thư mục ${current} có cả ${CONFIG_FILE_NAMES.join(' và ')}: chỉ giữ một tệp cấu hình.`,
        `Folder ${current} has both ${CONFIG_FILE_NAMES.join(' and ')}: keep one configuration file.`,
      );
    }
    if (here.length === 1) {
      found = here[0]!;
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of visited) cache.set(path, found);
  return found;
}

/** Levenshtein distance, for "did you mean" on a misspelt rule id (ids are short). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

function closest(id: string, ids: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of ids) {
    const d = distance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(id.length / 3)) ? best : null;
}

/** Reads and validates a configuration file against the known rule ids. */
export async function readConfigFile(path: string, ruleIds: readonly string[]): Promise<CheckConfig> {
  const { z } = await import('zod');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'không có tệp này' : (error as Error).message;
    throw new ConfigFileError(`Không đọc được tệp cấu hình ${path}: ${reason}.`, `Cannot read the configuration file ${path}: ${(error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = (error as Error).message;
    throw new ConfigFileError(`Tệp cấu hình ${path} không phải JSON hợp lệ (${detail}).`, `The configuration file ${path} is not valid JSON (${detail}).`);
  }
  const severity = z.enum(['off', 'info', 'warning', 'error']);
  const schema = z.strictObject({
    $schema: z.string().optional(),
    preset: z.enum(['recommended', 'strict']).optional(),
    rules: z.record(z.string(), severity).optional(),
  });
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(gốc)';
    let vi: string;
    let en: string;
    if (issue.code === 'unrecognized_keys') {
      vi = `khóa không được nhận: ${issue.keys.join(', ')}; chỉ dùng "preset" và "rules"`;
      en = `unknown key(s): ${issue.keys.join(', ')}; only "preset" and "rules" are read`;
    } else if (issue.path[0] === 'rules' && issue.path.length === 2) {
      vi = `mức của quy tắc ${String(issue.path[1])} phải là "off", "info", "warning" hoặc "error"`;
      en = `the severity of rule ${String(issue.path[1])} must be "off", "info", "warning" or "error"`;
    } else if (issue.path[0] === 'preset') {
      vi = 'preset phải là "recommended" hoặc "strict"';
      en = 'preset must be "recommended" or "strict"';
    } else {
      vi = `${where}: ${issue.message}`;
      en = `${where}: ${issue.message}`;
    }
    throw new ConfigFileError(`Tệp cấu hình ${path}: ${vi}.`, `Configuration file ${path}: ${en}.`);
  }
  const rules = parsed.data.rules ?? {};
  for (const id of Object.keys(rules)) {
    if (ruleIds.includes(id)) continue;
    const near = closest(id, ruleIds);
    throw new ConfigFileError(
      `Tệp cấu hình ${path}: không có quy tắc "${id}"${near ? `; có phải "${near}"?` : ''} (danh sách quy tắc: docs/rules.md).`,
      `Configuration file ${path}: there is no rule "${id}"${near ? `; did you mean "${near}"?` : ''} (the rules are listed in docs/rules.md).`,
    );
  }
  return { path, preset: parsed.data.preset, rules };
}
