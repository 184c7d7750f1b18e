// Benchmark only (scripts/bench-ab.ts --neo4j): the least any transactional load of citations
// does — the cited and citing instruments by key, one edge per citation, no properties.
UNWIND $docs AS doc
MERGE (d:Instrument {key: doc.key})
WITH d, doc
UNWIND doc.cites AS c
MERGE (i:Instrument {key: c[0]})
CREATE (d)-[:CITES]->(i)
