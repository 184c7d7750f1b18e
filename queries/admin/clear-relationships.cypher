// clear(), step 1: every relationship cancu wrote, in batches (a hub instrument can hold hundreds
// of thousands of citations: detaching it in one transaction would exceed the memory limit).
MATCH (n)-[r]->()
WHERE n:Instrument OR n:Issuer
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
