// Issuers as the registry describes them (name, level, validity): each replaces what was stored.
UNWIND $rows AS row
MERGE (s:Issuer {key: row.key})
SET s = row.props
