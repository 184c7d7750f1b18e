// Records the instrument's status facts and the status they imply; an instrument nobody cites yet
// is created for them.
MERGE (i:Instrument {key: $key})
ON CREATE SET i += $stub
SET i.statusEvents = $statusEvents, i.status = $status
