// Status facts recorded for an instrument (JSON strings, oldest first).
OPTIONAL MATCH (i:Instrument {key: $key})
USING INDEX i:Instrument(key)
RETURN i IS NOT NULL AS exists, coalesce(i.statusEvents, []) AS statusEvents
