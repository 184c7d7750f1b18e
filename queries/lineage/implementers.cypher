// `implementers` in one read: every instrument within {{depth}} hops of `key` against incoming
// IMPLEMENTS | CONTINUES | GUIDES ({{depth}}: validated integer 1..10), the start included, each
// with who implements it (its next hop) and the fields of a hit. The breadth-first search itself
// (depth, order, smallest paths, pages) runs on these rows in src/graph/core/lineage.ts, shared
// with the embedded store: every node within {{depth}} hops is here, and so is every shortest
// path to it. No row: the start is not stored.
MATCH (s:Instrument {key: $key})
CALL {
  WITH s
  MATCH (s)<-[:IMPLEMENTS|CONTINUES|GUIDES*1..{{depth}}]-(n:Instrument)
  RETURN DISTINCT n
}
WITH s, collect(n) AS reached
UNWIND [s] + reached AS m
CALL {
  WITH m
  OPTIONAL MATCH (m)<-[:IMPLEMENTS|CONTINUES|GUIDES]-(p:Instrument)
  RETURN collect(DISTINCT p.key) AS next
}
RETURN DISTINCT m.key AS key, m.type AS type, m.number AS number, m.date AS date, m.issuer AS issuer, next
