// Drivers per process and per server/user: stores opened on the same URI share them (a driver
// owns its connection pool), and the last store closed closes them. Two drivers per server, as
// the two kinds of work want different failure handling: writes (ingest) retry transient failures
// for up to 10 s, so that a server restarting under a long ingest does not lose it; reads (the
// API, `cancu query`, checks) are never retried by the driver — a server that is down or
// unreachable is reported at once (the API answers 503 in milliseconds, not after a retry
// budget), and the store retries only the server's own transient errors (READ_RETRIES). Driver
// failures are translated here into StoreUnavailableError, naming the URI.
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

/** How long the driver retries a transaction function after a transient failure (ms); reads: never. */
export const RETRY_BUDGET: Record<DriverUse, number> = { read: 0, write: 10_000 };
/** Opening a connection (ms): a read gives up sooner, for a host that does not answer at all. */
const CONNECTION_TIMEOUT: Record<DriverUse, number> = { read: 2_000, write: 5_000 };
/** Waiting for a free connection of the pool (ms): under load, reads queue for it. */
const ACQUISITION_TIMEOUT: Record<DriverUse, number> = { read: 10_000, write: 20_000 };

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
      connectionTimeout: CONNECTION_TIMEOUT[use],
      connectionAcquisitionTimeout: ACQUISITION_TIMEOUT[use],
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

/**
 * An error the server raised as transient (a deadlock, a lock wait, a leader switch): the same
 * transaction may succeed if run again. Not a server that cannot be reached (ServiceUnavailable,
 * SessionExpired): retrying those is what kept a request waiting while the server was down.
 */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Neo.TransientError.') && code !== 'Neo.TransientError.Transaction.Terminated' && code !== 'Neo.TransientError.Transaction.LockClientStopped';
}
