// Instrument search among one issuer's instruments (ISSUED_BY); otherwise as read/search.
// Every criterion is optional (null = any); the folded properties are written
// by the store with the same functions the embedded store matches with (src/graph/core/search.ts).
MATCH (issuer:Issuer {key: $issuerKey})<-[:ISSUED_BY]-(i:Instrument)
USING INDEX issuer:Issuer(key)
WHERE ($number IS NULL OR i.number = $number)
  AND ($seq IS NULL OR i.seq = $seq)
  AND ($typeFold IS NULL OR i.typeFold = $typeFold)
  AND ($year IS NULL OR i.year = $year)
  AND ($issuerFold IS NULL OR i.issuerFold CONTAINS $issuerFold OR toUpper(i.issuerCode) = $issuerCode)
  AND ($text IS NULL OR i.searchText CONTAINS $text)
RETURN i {
  .key, .type, .number, .family, .date, .year, .issuer, .issuerCode, .jurisdiction, .subject, .status,
  .file, .contentHash, isDocument: i:Document
} AS node
ORDER BY i.key
SKIP $skip
LIMIT $limit
