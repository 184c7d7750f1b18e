// clear(), step 2: the instruments, documents and issuers, now without relationships.
MATCH (n)
WHERE n:Instrument OR n:Issuer
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
