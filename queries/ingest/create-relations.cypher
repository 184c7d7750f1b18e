// Relation edges stated by a document, each remembering its `source` document. Relationship types
// cannot be parameters, so each row takes the one branch matching its kind.
UNWIND $rows AS row
MATCH (a:Instrument {key: row.from})
USING INDEX a:Instrument(key)
MATCH (b:Instrument {key: row.to})
USING INDEX b:Instrument(key)
FOREACH (_ IN CASE WHEN row.kind = 'BASED_ON' THEN [1] ELSE [] END | CREATE (a)-[:BASED_ON {source: row.source}]->(b))
FOREACH (_ IN CASE WHEN row.kind = 'IMPLEMENTS' THEN [1] ELSE [] END | CREATE (a)-[:IMPLEMENTS {source: row.source}]->(b))
FOREACH (_ IN CASE WHEN row.kind = 'AMENDS' THEN [1] ELSE [] END | CREATE (a)-[:AMENDS {source: row.source}]->(b))
FOREACH (_ IN CASE WHEN row.kind = 'GUIDES' THEN [1] ELSE [] END | CREATE (a)-[:GUIDES {source: row.source}]->(b))
FOREACH (_ IN CASE WHEN row.kind = 'REPLACES' THEN [1] ELSE [] END | CREATE (a)-[:REPLACES {source: row.source}]->(b))
FOREACH (_ IN CASE WHEN row.kind = 'REPEALS' THEN [1] ELSE [] END | CREATE (a)-[:REPEALS {source: row.source}]->(b))
FOREACH (_ IN CASE WHEN row.kind = 'CONTINUES' THEN [1] ELSE [] END | CREATE (a)-[:CONTINUES {source: row.source}]->(b))
FOREACH (_ IN CASE WHEN row.kind = 'REVIEWS' THEN [1] ELSE [] END | CREATE (a)-[:REVIEWS {source: row.source}]->(b))
