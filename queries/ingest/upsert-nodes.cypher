// Writes merged instrument properties (computed by src/graph/core/merge.ts), the :Document label
// for ingested plans, and the ISSUED_BY link to the issuer when its code and jurisdiction are known.
UNWIND $rows AS row
MERGE (i:Instrument {key: row.key})
SET i += row.props
FOREACH (_ IN CASE WHEN row.isDocument THEN [1] ELSE [] END | SET i:Document)
FOREACH (issuer IN row.issuers |
  MERGE (s:Issuer {key: issuer.key})
  ON CREATE SET s.code = issuer.code, s.jurisdiction = issuer.jurisdiction, s.name = issuer.name
  MERGE (i)-[:ISSUED_BY]->(s)
)
