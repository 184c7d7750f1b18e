MATCH (i:Instrument)
RETURN i {
  .key, .type, .number, .family, .date, .year, .issuer, .issuerCode, .jurisdiction, .subject, .status,
  .file, .contentHash, isDocument: i:Document
} AS node, i.findings AS findings, i.statusEvents AS statusEvents
