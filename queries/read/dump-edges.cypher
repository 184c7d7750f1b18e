MATCH (a:Instrument)-[r:CITES|BASED_ON|IMPLEMENTS|AMENDS|GUIDES|REPLACES|REPEALS|CONTINUES|REVIEWS]->(b:Instrument)
RETURN a.key AS from, b.key AS to, type(r) AS kind, properties(r) AS props
