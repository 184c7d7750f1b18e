// Step 3 of replacing a document: instruments nothing holds any more (not a document, no status
// facts, no citation or relation left) go with it. Returns the keys deleted.
UNWIND $keys AS key
MATCH (i:Instrument {key: key})
USING INDEX i:Instrument(key)
WHERE NOT i:Document
  AND i.statusEvents IS NULL
  AND NOT EXISTS { (i)-[:CITES|BASED_ON|IMPLEMENTS|AMENDS|GUIDES|REPLACES|REPEALS|CONTINUES|REVIEWS]-() }
DETACH DELETE i
RETURN collect(key) AS keys
