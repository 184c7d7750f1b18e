// `basis` in one read: every instrument within {{depth}} hops of `key` along outgoing CITES |
// BASED_ON | IMPLEMENTS | CONTINUES | GUIDES | AMENDS ({{depth}}: validated integer 1..10), the
// start included, each with what it rests on (its next hop) and the fields of a hit. The
// breadth-first search runs on these rows in src/graph/core/lineage.ts (see implementers.cypher).
MATCH (s:Instrument {key: $key})
CALL {
  WITH s
  MATCH (s)-[:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS*1..{{depth}}]->(n:Instrument)
  RETURN DISTINCT n
}
WITH s, collect(n) AS reached
UNWIND [s] + reached AS m
CALL {
  WITH m
  OPTIONAL MATCH (m)-[:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS]->(p:Instrument)
  RETURN collect(DISTINCT p.key) AS next
}
RETURN DISTINCT m.key AS key, m.type AS type, m.number AS number, m.date AS date, m.issuer AS issuer, next
