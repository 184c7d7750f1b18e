// Errors the graph stores raise. Each carries a Vietnamese message (`message`, what users read)
// and an English one (`messageEn`); the HTTP layer and the CLI pick by language.

export type UnavailableReason = 'unreachable' | 'unauthorized' | 'database-missing' | 'storage';

/** The store cannot be reached or opened: Neo4j down or refusing the credentials, or the data directory unusable. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
  readonly messageEn: string;

  constructor(
    /** The Bolt URI (or the data directory of the embedded store) that could not be used. */
    readonly uri: string,
    readonly reason: UnavailableReason = 'unreachable',
    options?: { cause?: unknown; database?: string },
  ) {
    const detail = causeText(options?.cause);
    const [vi, en] = describe(uri, reason, options?.database);
    super(detail ? `${vi} (${detail})` : vi, { cause: options?.cause });
    this.name = 'StoreUnavailableError';
    this.messageEn = detail ? `${en} (${detail})` : en;
  }
}

function describe(uri: string, reason: UnavailableReason, database: string | undefined): [string, string] {
  switch (reason) {
    case 'unauthorized':
      return [
        `Neo4j tại ${uri} từ chối đăng nhập: kiểm tra NEO4J_USER và NEO4J_PASSWORD.`,
        `Neo4j at ${uri} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.`,
      ];
    case 'database-missing':
      return [
        `Neo4j tại ${uri} không có cơ sở dữ liệu "${database ?? ''}": kiểm tra NEO4J_DATABASE (bản community chỉ có "neo4j").`,
        `Neo4j at ${uri} has no database "${database ?? ''}": check NEO4J_DATABASE (community edition only has "neo4j").`,
      ];
    case 'storage':
      return [
        `Không đọc/ghi được kho dữ liệu nhúng tại ${uri}: kiểm tra quyền ghi và dung lượng đĩa, hoặc đặt CANCU_DATA_DIR.`,
        `Cannot read or write the embedded store at ${uri}: check permissions and free space, or set CANCU_DATA_DIR.`,
      ];
    default:
      return [
        `Không kết nối được Neo4j tại ${uri}: máy chủ chưa chạy hoặc địa chỉ sai (chạy "npm run db:start" hoặc kiểm tra NEO4J_URI).`,
        `Cannot connect to Neo4j at ${uri}: the server is not running or the address is wrong (run "npm run db:start" or check NEO4J_URI).`,
      ];
  }
}

function causeText(cause: unknown): string {
  if (cause instanceof Error) return cause.message.split('\n')[0]!.slice(0, 300);
  return cause === undefined ? '' : String(cause).slice(0, 300);
}

/** A query or a batch the store refuses: depth out of range, a bad cursor, a malformed document batch. */
export class GraphInputError extends Error {
  readonly code = 'invalid_input';
  constructor(
    message: string,
    readonly messageEn: string,
    /** The parameter or field at fault ("depth", "cursor", "cites[3].offset" …). */
    readonly field: string,
  ) {
    super(message);
    this.name = 'GraphInputError';
  }
}
