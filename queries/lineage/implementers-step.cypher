// One breadth-first hop of `implementers`: who implements, continues or guides each frontier key.
// The search itself (depth, order, paths, pages) is src/graph/core/lineage.ts, shared with the
// embedded store; each hop is one bounded query, at most `depth` (1..10) of them.
UNWIND $keys AS key
MATCH (:Instrument {key: key})<-[:IMPLEMENTS|CONTINUES|GUIDES]-(n:Instrument)
RETURN key, collect(DISTINCT n.key) AS next
