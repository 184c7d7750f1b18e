// The boundary between JS values and Neo4j's: driver Integers and temporals become plain numbers
// and ISO strings on the way out; whole numbers become Integers on the way in (a JS number would be
// stored as a float, and SKIP/LIMIT refuse floats).
import neo4j from 'neo4j-driver';

export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans are what most values are (every driver type is an object).
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) {
    const int = value as ReturnType<typeof neo4j.int>;
    return neo4j.integer.inSafeRange(int) ? int.toNumber() : int.toString();
  }
  if (
    neo4j.isDate(value as object) ||
    neo4j.isDateTime(value as object) ||
    neo4j.isLocalDateTime(value as object) ||
    neo4j.isTime(value as object) ||
    neo4j.isLocalTime(value as object) ||
    neo4j.isDuration(value as object)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value as object) || neo4j.isRelationship(value as object)) return toNative((value as { properties: unknown }).properties);
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toNative(item);
    return out;
  }
  return value;
}

export function toNeo(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = item === undefined ? null : toNeo(item);
    return out;
  }
  return value;
}
