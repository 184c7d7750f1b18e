// Successions are the registry's: a new version replaces them all.
MATCH (:Issuer)-[r:SUCCEEDED_BY]->(:Issuer)
DELETE r
