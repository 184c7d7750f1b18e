// An ingested document, its citations (with the cited instruments) and its stored findings.
MATCH (d:Instrument {key: $key})
USING INDEX d:Instrument(key)
WHERE d:Document
OPTIONAL MATCH (d)-[c:CITES]->(i:Instrument)
WITH d, c, i
ORDER BY c.offset, c.length, i.key, c.surface
RETURN d {
  .key, .type, .number, .family, .date, .year, .issuer, .issuerCode, .jurisdiction, .subject, .status,
  .file, .contentHash, isDocument: true
} AS document,
  d.findings AS findings,
  [entry IN collect(CASE WHEN c IS NULL THEN null ELSE {props: properties(c), node: i {
    .key, .type, .number, .family, .date, .year, .issuer, .issuerCode, .jurisdiction, .subject, .status,
    .file, .contentHash, isDocument: i:Document
  }} END) WHERE entry IS NOT NULL] AS citations
