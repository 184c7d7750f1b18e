// `basis` in one read: the instruments within {{depth}} hops of `key` along outgoing CITES |
// BASED_ON | IMPLEMENTS | CONTINUES | GUIDES | AMENDS, each with what it rests on (its next hop)
// and the fields of a hit; `start` as in implementers.cypher ({{further}} = {{depth}} − 1).
MATCH (s:Instrument {key: $key})
USING INDEX s:Instrument(key)
CALL {
  WITH s
  OPTIONAL MATCH (s)-[:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS]->(p:Instrument)
  RETURN collect(DISTINCT p) AS first
}
CALL {
  WITH first
  UNWIND first AS a
  MATCH (a)-[:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS*0..{{further}}]->(n:Instrument)
  WITH DISTINCT n
  OPTIONAL MATCH (n)-[:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS]->(p:Instrument)
  WITH n, collect(DISTINCT p.key) AS next
  RETURN collect(n {.key, .type, .number, .date, .issuer, next: next}) AS members
}
RETURN s {.key, .type, .number, .date, .issuer, next: [p IN first | p.key]} AS start, members
