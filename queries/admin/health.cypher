MATCH (i:Instrument)
RETURN count(i) AS instruments
