// Step 1 of replacing a document: its CITES edges go; returns the instruments they pointed to.
MATCH (d:Instrument {key: $key})-[c:CITES]->(i:Instrument)
USING INDEX d:Instrument(key)
WITH c, i.key AS target
DELETE c
RETURN collect(DISTINCT target) AS keys
