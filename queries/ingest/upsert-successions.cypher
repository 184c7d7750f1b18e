// SUCCEEDED_BY edges (issuer → issuer), one per pair; an end not yet stored gets its base description.
UNWIND $rows AS row
MERGE (a:Issuer {key: row.from})
ON CREATE SET a += row.fromBase
MERGE (b:Issuer {key: row.to})
ON CREATE SET b += row.toBase
MERGE (a)-[r:SUCCEEDED_BY]->(b)
SET r = row.props
