// Keys are unique: MERGE is only ever done on these (DESIGN.md § Identity).
CREATE CONSTRAINT instrument_key IF NOT EXISTS FOR (i:Instrument) REQUIRE i.key IS UNIQUE;
CREATE CONSTRAINT issuer_key IF NOT EXISTS FOR (s:Issuer) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT knowledge_source IF NOT EXISTS FOR (k:Knowledge) REQUIRE k.source IS UNIQUE;
