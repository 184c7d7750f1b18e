// The documented HTTP API, as the page uses it (same origin). Every failure becomes an ApiError
// whose message is the server's own (Vietnamese or English), or a network message. The shapes of
// the answers are the model's (src/model), as types only: nothing of zod reaches the page.
import type { CheckMessage, CitationView } from '../model/check.js';
import type { InstrumentNode } from '../model/schemas.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface Envelope<T> {
  data?: T;
  error?: { code: string; message: string; hint?: string };
}

export async function request<T>(url: string, init: RequestInit, networkMessage: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(networkMessage, 0, 'network');
  }
  let body: Envelope<T> | null = null;
  try {
    body = (await res.json()) as Envelope<T>;
  } catch {
    body = null;
  }
  if (!res.ok || !body || body.data === undefined) {
    const e = body?.error;
    const message = e ? [e.message, e.hint].filter(Boolean).join(' ') : `HTTP ${res.status}`;
    throw new ApiError(message, res.status, e?.code ?? null);
  }
  return body.data;
}

export type { CheckMessage, CitationView as CheckedCitation, Severity } from '../model/check.js';

export interface CheckResult {
  file: string;
  error?: string;
  asOf?: string | null;
  format?: string;
  source?: string;
  citations?: CitationView[];
  messages: CheckMessage[];
}

export interface CheckReport {
  results: CheckResult[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export type { InstrumentNode as Instrument } from '../model/schemas.js';

export interface Lineage {
  key: string;
  nodes: InstrumentNode[];
  edges: { from: string; to: string; kind: string }[];
}
