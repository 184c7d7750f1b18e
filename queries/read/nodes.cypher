// Instruments by key (lineage hits, lineage graphs).
UNWIND $keys AS key
MATCH (i:Instrument {key: key})
USING INDEX i:Instrument(key)
RETURN i {
  .key, .type, .number, .family, .date, .year, .issuer, .issuerCode, .jurisdiction, .subject, .status,
  .file, .contentHash, isDocument: i:Document
} AS node
