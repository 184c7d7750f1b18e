// Step 2 of replacing a document: the relation edges it stated go (found by the source indexes);
// returns both ends of each.
CALL {
  MATCH (a)-[r:BASED_ON {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
  UNION ALL
  MATCH (a)-[r:IMPLEMENTS {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
  UNION ALL
  MATCH (a)-[r:AMENDS {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
  UNION ALL
  MATCH (a)-[r:GUIDES {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
  UNION ALL
  MATCH (a)-[r:REPLACES {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
  UNION ALL
  MATCH (a)-[r:REPEALS {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
  UNION ALL
  MATCH (a)-[r:CONTINUES {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
  UNION ALL
  MATCH (a)-[r:REVIEWS {source: $key}]->(b) RETURN r, a.key AS from, b.key AS to
}
DELETE r
RETURN collect(from) + collect(to) AS keys
