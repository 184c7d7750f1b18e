// Everything `key` rests on within {{depth}} hops. {{depth}} is inlined as a validated integer
// 1..10 (Cypher cannot take a path length as a parameter); distinct end nodes only, so the
// planner prunes the expansion instead of enumerating paths.
MATCH (root:Instrument {key: $key})-[:CITES|BASED_ON|IMPLEMENTS|CONTINUES|GUIDES|AMENDS*1..{{depth}}]->(n:Instrument)
USING INDEX root:Instrument(key)
RETURN DISTINCT n.key AS key
