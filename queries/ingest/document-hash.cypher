// Content hash of one ingested document (null when the key is not an ingested document).
MATCH (d:Instrument {key: $key})
USING INDEX d:Instrument(key)
WHERE d:Document
RETURN d.contentHash AS contentHash
