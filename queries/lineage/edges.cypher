// The lineage edges among a set of instruments (distinct by from, kind, to).
UNWIND $keys AS key
MATCH (a:Instrument {key: key})-[r:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS]->(b:Instrument)
USING INDEX a:Instrument(key)
WHERE b.key IN $keys
RETURN DISTINCT a.key AS from, type(r) AS kind, b.key AS to
