// Every ingested document's source file, key and content hash (ingest skips unchanged files early).
MATCH (d:Document)
WHERE d.file IS NOT NULL AND d.contentHash IS NOT NULL
RETURN d.file AS file, d.key AS key, d.contentHash AS contentHash
ORDER BY file
