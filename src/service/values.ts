// Values that both the API and the CLI accept, as zod schemas: the API's request schemas use them
// and the CLI parses its option values with them, so `--date 2023-02-30` is refused by `cancu
// check` exactly as `{"date": "2023-02-30"}` is by POST /check.
import { z } from 'zod';
import { langSchema } from '../model/schemas.js';

/** A calendar date YYYY-MM-DD that exists (2024-02-29 yes, 2023-02-30 no). */
export const isoDateValue = z.iso.date();

/** Hops of a lineage question. */
export const depthValue = z.coerce.number().int().min(1).max(10);

export const langValue = langSchema;

/** A whole number written in digits, 0 or more (--max-warnings, --batch-size). */
export const countValue = z
  .string()
  .regex(/^\s*\d{1,15}\s*$/)
  .transform(Number);

/** Parallel analysis threads (--jobs). */
export const jobsValue = z.coerce.number().int().min(1).max(64);

/** A TCP port; 0 = any free port (--port, PORT). */
export const portValue = z
  .string()
  .regex(/^\s*\d{1,5}\s*$/)
  .transform(Number)
  .pipe(z.number().max(65535));

/** Parses a command-line value; null when it does not fit. */
export function parseValue<T>(schema: z.ZodType<T>, raw: string): T | null {
  const result = schema.safeParse(raw);
  return result.success ? result.data : null;
}
