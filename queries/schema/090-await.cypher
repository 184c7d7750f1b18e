// Indexes are built in the background: wait (up to 5 minutes) so the first queries use them.
CALL db.awaitIndexes(300);
