// Everything that implements `key` within {{depth}} hops ({{depth}}: validated integer 1..10).
MATCH (root:Instrument {key: $key})<-[:IMPLEMENTS|CONTINUES|GUIDES*1..{{depth}}]-(n:Instrument)
USING INDEX root:Instrument(key)
RETURN DISTINCT n.key AS key
