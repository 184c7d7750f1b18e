// `implementers` in one read: the instruments within {{depth}} hops of `key` against incoming
// IMPLEMENTS | CONTINUES | GUIDES, each with who implements it (its next hop) and the fields of a
// hit; `start` is the start with its next hop, null when it is not stored. The breadth-first
// search itself (depth, order, smallest paths, pages) runs on these in src/graph/core/lineage.ts,
// shared with the embedded store: every instrument within {{depth}} hops is here, and every
// shortest path to it. {{further}} = {{depth}} − 1 (validated integers: a path length cannot be a
// parameter). The start's edges are read once: a much-implemented instrument has thousands of
// parallel edges (one per document stating the relation), and reading them is most of the work.
MATCH (s:Instrument {key: $key})
USING INDEX s:Instrument(key)
CALL {
  WITH s
  OPTIONAL MATCH (s)<-[:IMPLEMENTS|CONTINUES|GUIDES]-(p:Instrument)
  RETURN collect(DISTINCT p) AS first
}
CALL {
  WITH first
  UNWIND first AS a
  MATCH (a)<-[:IMPLEMENTS|CONTINUES|GUIDES*0..{{further}}]-(n:Instrument)
  WITH DISTINCT n
  OPTIONAL MATCH (n)<-[:IMPLEMENTS|CONTINUES|GUIDES]-(p:Instrument)
  WITH n, collect(DISTINCT p.key) AS next
  RETURN collect(n {.key, .type, .number, .date, .issuer, next: next}) AS members
}
RETURN s {.key, .type, .number, .date, .issuer, next: [p IN first | p.key]} AS start, members
