MERGE (k:Knowledge {source: $source})
SET k.version = $version
