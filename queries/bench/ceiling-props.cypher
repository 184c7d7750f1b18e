// Benchmark only (scripts/bench-ab.ts --neo4j): as ceiling-bare, each edge with the 11
// properties the adapter writes (queries/ingest/create-cites.cypher).
UNWIND $docs AS doc
MERGE (d:Instrument {key: doc.key})
WITH d, doc
UNWIND doc.cites AS c
MERGE (i:Instrument {key: c[0]})
CREATE (d)-[:CITES {
  section: c[1], offset: toInteger(c[2]), length: toInteger(c[3]), line: toInteger(c[4]), column: toInteger(c[5]),
  surface: c[6], numberWritten: c[7], dateWritten: c[8], date: c[9], issuerWritten: c[10], typeWritten: c[11]
}]->(i)
