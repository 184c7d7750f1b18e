// Writes merged instrument properties (computed by src/graph/core/merge.ts), the :Document label
// for ingested plans, and the ISSUED_BY links to the node's issuers (src/graph/core/issuers.ts).
// An issuer met for the first time gets its base description; the registry's (upsert-issuers)
// replaces it. A node whose issuer code or jurisdiction changed (`recheck`) first loses the links
// to issuers it no longer has.
UNWIND $rows AS row
MERGE (i:Instrument {key: row.key})
SET i += row.props
FOREACH (_ IN CASE WHEN row.isDocument THEN [1] ELSE [] END | SET i:Document)
WITH i, row
CALL (i, row) {
  MATCH (i)-[old:ISSUED_BY]->(s:Issuer)
  WHERE row.recheck AND NOT s.key IN [issuer IN row.issuers | issuer.key]
  DELETE old
}
FOREACH (issuer IN row.issuers |
  MERGE (s:Issuer {key: issuer.key})
  ON CREATE SET s += issuer.props
  MERGE (i)-[:ISSUED_BY]->(s)
)
