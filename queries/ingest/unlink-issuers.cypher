// Nodes whose issuer code or jurisdiction changed lose the ISSUED_BY links to issuers they no
// longer have (upsert-nodes then adds the new ones).
UNWIND $rows AS row
MATCH (i:Instrument {key: row.key})-[old:ISSUED_BY]->(s:Issuer)
USING INDEX i:Instrument(key)
WHERE NOT s.key IN row.keep
DELETE old
