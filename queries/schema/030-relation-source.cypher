// A relation edge remembers the document that states it (`source`); replacing that document
// deletes exactly its edges, found through these indexes instead of a scan.
CREATE INDEX based_on_source IF NOT EXISTS FOR ()-[r:BASED_ON]-() ON (r.source);
CREATE INDEX implements_source IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.source);
CREATE INDEX amends_source IF NOT EXISTS FOR ()-[r:AMENDS]-() ON (r.source);
CREATE INDEX guides_source IF NOT EXISTS FOR ()-[r:GUIDES]-() ON (r.source);
CREATE INDEX replaces_source IF NOT EXISTS FOR ()-[r:REPLACES]-() ON (r.source);
CREATE INDEX repeals_source IF NOT EXISTS FOR ()-[r:REPEALS]-() ON (r.source);
CREATE INDEX continues_source IF NOT EXISTS FOR ()-[r:CONTINUES]-() ON (r.source);
CREATE INDEX reviews_source IF NOT EXISTS FOR ()-[r:REVIEWS]-() ON (r.source);
