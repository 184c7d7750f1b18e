// One breadth-first hop of `basis`: what each frontier key cites, rests on or implements.
UNWIND $keys AS key
MATCH (:Instrument {key: key})-[:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS]->(n:Instrument)
RETURN key, collect(DISTINCT n.key) AS next
