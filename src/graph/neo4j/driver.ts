// Drivers per process and per server/user: stores opened on the same URI share them (a driver
// owns its connection pool), and the last store closed closes them. Two drivers per server, as
// the two kinds of work want different retry budgets: writes (ingest) retry transient failures
// for up to 10 s, so that a server restarting under a long ingest does not lose it; reads (the
// API, `cancu query`, checks) give up after ~1.5 s, so that a server that is down answers 503 at
// once instead of holding every request for the whole retry budget. Driver failures are
// translated here into StoreUnavailableError, naming the URI.
import neo4j, { type Driver } from 'neo4j-driver';
import { StoreUnavailableError } from '../errors.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string | undefined;
  /** Always named explicitly (community edition: "neo4j"). */
  database: string;
}

const drivers = new Map<string, { driver: Driver; users: number }>();

export type DriverUse = 'read' | 'write';

/** How long a transaction function is retried after a transient failure (ms). */
export const RETRY_BUDGET: Record<DriverUse, number> = { read: 1_500, write: 10_000 };

const id = (c: Neo4jConnection, use: DriverUse) => `${c.uri}\u0000${c.user}\u0000${c.password ?? ''}\u0000${use}`;

export function acquireDriver(connection: Neo4jConnection, use: DriverUse = 'write'): Driver {
  const key = id(connection, use);
  const shared = drivers.get(key);
  if (shared) {
    shared.users++;
    return shared.driver;
  }
  let driver: Driver;
  try {
    driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password ?? ''), {
      userAgent: 'cancu',
      connectionTimeout: use === 'read' ? 3_000 : 5_000,
      connectionAcquisitionTimeout: 20_000,
      maxTransactionRetryTime: RETRY_BUDGET[use],
      disableLosslessIntegers: false,
    });
  } catch (error) {
    throw new StoreUnavailableError(connection.uri, 'unreachable', { cause: error });
  }
  drivers.set(key, { driver, users: 1 });
  return driver;
}

export async function releaseDriver(connection: Neo4jConnection, use: DriverUse = 'write'): Promise<void> {
  const key = id(connection, use);
  const shared = drivers.get(key);
  if (!shared) return;
  if (--shared.users > 0) return;
  drivers.delete(key);
  await shared.driver.close();
}

/** A driver error that means "the store is not usable" becomes StoreUnavailableError; others pass through. */
export function translateError(error: unknown, connection: Neo4jConnection): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : '';
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new StoreUnavailableError(connection.uri, 'unauthorized', { cause: error });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StoreUnavailableError(connection.uri, 'database-missing', { cause: error, database: connection.database });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Could not perform discovery|Failed to connect/i.test(message)) {
    return new StoreUnavailableError(connection.uri, 'unreachable', { cause: error });
  }
  return error;
}
