// One instrument with who cites it (first $citedByLimit citing documents by key), its status
// facts and its typed relations in both directions.
MATCH (i:Instrument {key: $key})
USING INDEX i:Instrument(key)
CALL (i) {
  MATCH (d:Instrument)-[:CITES]->(i)
  WITH d, count(*) AS count
  ORDER BY d.key
  RETURN collect({key: d.key, file: d.file, count: count}) AS citedBy
}
CALL (i) {
  MATCH (i)-[r:BASED_ON|IMPLEMENTS|AMENDS|GUIDES|REPLACES|REPEALS|CONTINUES|REVIEWS]->(o:Instrument)
  RETURN collect(DISTINCT {kind: type(r), direction: 'out', key: o.key}) AS outgoing
}
CALL (i) {
  MATCH (i)<-[r:BASED_ON|IMPLEMENTS|AMENDS|GUIDES|REPLACES|REPEALS|CONTINUES|REVIEWS]-(o:Instrument)
  RETURN collect(DISTINCT {kind: type(r), direction: 'in', key: o.key}) AS incoming
}
CALL (i) {
  OPTIONAL MATCH (i)-[:ISSUED_BY]->(s:Issuer)
  WITH s ORDER BY s.key
  RETURN collect(properties(s)) AS issuedBy
}
RETURN i {
  .key, .type, .number, .family, .date, .year, .issuer, .issuerCode, .jurisdiction, .subject, .status,
  .file, .contentHash, isDocument: i:Document
} AS node,
  citedBy[0..$citedByLimit] AS citedBy,
  size(citedBy) AS citedByTotal,
  reduce(total = 0, entry IN citedBy | total + entry.count) AS citationCount,
  coalesce(i.statusEvents, []) AS statusEvents,
  outgoing + incoming AS relations,
  issuedBy
