// One issuer, the successions reachable from it (the chain is ordered in JS), its direct
// predecessors and how many instruments it issued.
MATCH (s:Issuer {key: $key})
USING INDEX s:Issuer(key)
CALL (s) {
  OPTIONAL MATCH (s)-[:SUCCEEDED_BY*0..16]->(x:Issuer)-[r:SUCCEEDED_BY]->(y:Issuer)
  WITH DISTINCT x, r, y
  WHERE r IS NOT NULL
  RETURN collect({from: x.key, to: y.key, props: properties(r), issuer: properties(y)}) AS forward
}
CALL (s) {
  OPTIONAL MATCH (p:Issuer)-[r:SUCCEEDED_BY]->(s)
  WITH p, r
  WHERE r IS NOT NULL
  RETURN collect({from: p.key, to: s.key, props: properties(r), issuer: properties(p)}) AS backward
}
RETURN properties(s) AS issuer, forward, backward, COUNT { (:Instrument)-[:ISSUED_BY]->(s) } AS instruments
