// The registry version the graph holds (null before the first load).
OPTIONAL MATCH (k:Knowledge {source: $source})
RETURN k.version AS version
