// Every query that starts from a key names its index. The planner's choice otherwise follows
// the store's statistics: with few instruments that are not documents it planned
// ingest/delete-orphans as a label scan, which the EXPLAIN test in neo4j.int.test.ts caught on
// one CI run and not on the next. A hint makes the plan the same on every graph.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queriesDir } from '../../src/graph/neo4j/queries.js';

const KEYED = /^\s*(?:OPTIONAL )?MATCH \((\w*):(Instrument|Issuer|Knowledge) \{(key|source): /;

function keyedMatches(text: string): { line: string; hint: string | undefined; expected: string }[] {
  const lines = text.split('\n').filter((line) => !/^\s*\/\//.test(line));
  const out: { line: string; hint: string | undefined; expected: string }[] = [];
  lines.forEach((line, i) => {
    const m = KEYED.exec(line);
    if (!m) return;
    out.push({ line, hint: lines[i + 1]?.trim(), expected: `USING INDEX ${m[1]}:${m[2]}(${m[3]})` });
  });
  return out;
}

describe('Neo4j queries', () => {
  const files = ['ingest', 'lineage', 'read', 'status', 'knowledge'].flatMap((folder) =>
    readdirSync(join(queriesDir(), folder))
      .filter((name) => name.endsWith('.cypher'))
      .map((name) => join(folder, name)),
  );

  it('follow every MATCH on a key with the hint that names the unique index', () => {
    let seen = 0;
    for (const file of files) {
      for (const match of keyedMatches(readFileSync(join(queriesDir(), file), 'utf8'))) {
        seen += 1;
        expect(match.hint, `${file}: ${match.line}`).toBe(match.expected);
      }
    }
    // The lineage reads, the ingest writes and the key reads all start from a key.
    expect(seen).toBeGreaterThanOrEqual(20);
  });

  it('finds a keyed MATCH without its hint', () => {
    expect(keyedMatches('MATCH (i:Instrument {key: $key})\nRETURN i')).toEqual([
      { line: 'MATCH (i:Instrument {key: $key})', hint: 'RETURN i', expected: 'USING INDEX i:Instrument(key)' },
    ]);
    // An anonymous start cannot carry a hint: the check asks for a name.
    expect(keyedMatches('MATCH (:Instrument {key: $key})-->(n)')[0]?.expected).toBe('USING INDEX :Instrument(key)');
  });
});
