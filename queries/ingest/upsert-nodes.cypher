// Writes merged instrument properties (computed by src/graph/core/merge.ts), the :Document label
// for ingested plans, and the ISSUED_BY links to the node's issuers (src/graph/core/issuers.ts).
// An issuer met for the first time gets its base description; the registry's (upsert-issuers)
// replaces it. Links a node no longer has are removed before, by unlink-issuers.
UNWIND $rows AS row
MERGE (i:Instrument {key: row.key})
SET i += row.props
FOREACH (_ IN CASE WHEN row.isDocument THEN [1] ELSE [] END | SET i:Document)
FOREACH (issuer IN row.issuers |
  MERGE (s:Issuer {key: issuer.key})
  ON CREATE SET s += issuer.props
  MERGE (i)-[:ISSUED_BY]->(s)
)
