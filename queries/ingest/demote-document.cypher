// A document superseded by one under another key (the same source file re-ingested) stops being a
// document; it stays as a cited instrument if anything still cites it (else delete-orphans removes it).
MATCH (d:Instrument {key: $key})
USING INDEX d:Instrument(key)
REMOVE d:Document
SET d.file = null, d.contentHash = null, d.findings = null
