// Runtime configuration: the environment, parsed once with zod at boot. A bad value stops the
// process with a message naming the variable and the fix (fail fast), never a late surprise.
import { z } from 'zod';
import { storeSettingsFromEnv } from './model/store-config.js';

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "10mb", "512kb", "1048576" → bytes. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * BYTE_UNITS[(match[2] ?? 'b').toLowerCase()]!);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const booleanFlag = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = (value ?? '').trim().toLowerCase();
    if (text === '' || ['false', '0', 'no', 'off'].includes(text)) return false;
    if (['true', '1', 'yes', 'on'].includes(text)) return true;
    ctx.addIssue({ code: 'custom', message: 'phải là true hoặc false (must be true or false)' });
    return z.NEVER;
  });

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The raw environment variables cancu reads, as a zod schema (also the documentation of them). */
export const envSchema = z
  .object({
    PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ message: 'phải là một số cổng (must be a port number)' })
        .int('phải là số nguyên (must be an integer)')
        .min(0, 'phải từ 0 đến 65535 (must be 0–65535)')
        .max(65535, 'phải từ 0 đến 65535 (must be 0–65535)')
        .default(3000),
    ),
    HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
    NEO4J_URI: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(
          /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/,
          'phải là địa chỉ bolt:// hoặc neo4j://, ví dụ bolt://127.0.0.1:7687 (must be a bolt:// or neo4j:// URI)',
        )
        .optional(),
    ),
    NEO4J_USER: z.preprocess(emptyAsUndefined, z.string().default('neo4j')),
    NEO4J_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
    NEO4J_DATABASE: z.preprocess(emptyAsUndefined, z.string().default('neo4j')),
    CANCU_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.cancu')),
    CANCU_API_KEYS: commaList.pipe(
      z.array(
        z
          .string()
          .min(16, 'mỗi khóa API phải dài ít nhất 16 ký tự (each API key must be at least 16 characters)')
          .regex(/^[\x21-\x7e]+$/, 'khóa API chỉ gồm ký tự ASCII in được, không dấu cách (printable ASCII, no spaces)'),
      ),
    ),
    CANCU_READS_REQUIRE_KEY: booleanFlag,
    CANCU_CORS_ORIGINS: commaList.pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\*|https?:\/\/[^\s/]+)$/,
            'mỗi nguồn là * hoặc dạng https://ten-mien[:cong], không có đường dẫn (each origin is * or scheme://host[:port])',
          ),
      ),
    ),
    CANCU_BODY_LIMIT: z.preprocess(emptyAsUndefined, z.string().default('10mb')).transform((value, ctx) => {
      const bytes = parseByteSize(value);
      if (bytes === null) {
        ctx.addIssue({ code: 'custom', message: 'phải có dạng 10mb, 512kb hoặc số byte (must look like 10mb, 512kb or a byte count)' });
        return z.NEVER;
      }
      return bytes;
    }),
  })
  .superRefine((env, ctx) => {
    if (env.CANCU_READS_REQUIRE_KEY && env.CANCU_API_KEYS.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['CANCU_READS_REQUIRE_KEY'],
        message: 'đòi khóa cho cả thao tác đọc nhưng CANCU_API_KEYS trống (reads require a key but CANCU_API_KEYS is empty)',
      });
    }
  });

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string | undefined;
  database: string;
}

export interface Config {
  port: number;
  host: string;
  /** Set when NEO4J_URI is set: the store is Neo4j; otherwise the embedded store. */
  neo4j: Neo4jConfig | null;
  /** Where the embedded store persists (and other local state). */
  dataDir: string;
  /** Keys accepted for writes (and reads when readsRequireKey). Empty: writes are refused. */
  apiKeys: string[];
  readsRequireKey: boolean;
  /** Allowed CORS origins; empty: no CORS headers; ["*"]: any origin. */
  corsOrigins: string[];
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Cấu hình không hợp lệ (invalid configuration):\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'env');
        const shown = name in env && !/PASSWORD|KEYS/.test(name) ? ` = ${JSON.stringify(env[name])}` : '';
        return `${name}${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    // Validated above; read by the one reader the CLI uses too.
    ...storeSettingsFromEnv(env),
    apiKeys: e.CANCU_API_KEYS,
    readsRequireKey: e.CANCU_READS_REQUIRE_KEY,
    corsOrigins: e.CANCU_CORS_ORIGINS,
    bodyLimit: e.CANCU_BODY_LIMIT,
  };
}
