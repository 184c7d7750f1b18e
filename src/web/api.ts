// The documented HTTP API, as the page uses it (same origin). Every failure becomes an ApiError
// whose message is the server's own (Vietnamese or English), or a network message.
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

export type Severity = 'error' | 'warning' | 'info';

export interface CheckMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  evidence: string;
  expected: string | null;
  cause?: string;
  url?: string;
}

export interface CheckedCitation {
  offset: number;
  length: number;
  line: number;
  column: number;
  section: string;
  surface: string;
  type: string;
  number: string | null;
  canonicalNumber: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
  key: string | null;
  status: { state: string; by: string | null; since: string | null; source: string | null; confidence: 'stated' | 'inferred' | null };
}

export interface CheckResult {
  file: string;
  error?: string;
  asOf?: string | null;
  format?: string;
  source?: string;
  citations?: CheckedCitation[];
  messages: CheckMessage[];
}

export interface CheckReport {
  results: CheckResult[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface Instrument {
  key: string;
  type: string | null;
  number: string | null;
  family: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
  status: string;
  isDocument: boolean;
  file: string | null;
}

export interface Lineage {
  key: string;
  nodes: Instrument[];
  edges: { from: string; to: string; kind: string }[];
}
