// Everything that implements `key` within {{depth}} hops ({{depth}}: validated integer 1..10).
MATCH (:Instrument {key: $key})<-[:IMPLEMENTS|CONTINUES|GUIDES*1..{{depth}}]-(n:Instrument)
RETURN DISTINCT n.key AS key
