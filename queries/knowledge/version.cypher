// The registry version the graph holds (null before the first load).
OPTIONAL MATCH (k:Knowledge {source: $source})
USING INDEX k:Knowledge(source)
RETURN k.version AS version
