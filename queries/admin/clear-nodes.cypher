// clear(), step 2: the instruments, documents, issuers and the registry version, now without relationships.
MATCH (n)
WHERE n:Instrument OR n:Issuer OR n:Knowledge
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
