// One CITES edge per citation occurrence (a replaced document's old ones were deleted first).
// Grouped by citing document: one index seek for it, one per cited instrument. Each citation is a
// list [to, section, offset, length, line, column, surface, numberWritten, dateWritten, date,
// issuerWritten, typeWritten] (lists pack much faster than maps in the driver).
UNWIND $docs AS doc
MATCH (d:Instrument {key: doc.key})
USING INDEX d:Instrument(key)
UNWIND doc.cites AS c
MATCH (i:Instrument {key: c[0]})
USING INDEX i:Instrument(key)
CREATE (d)-[:CITES {
  section: c[1], offset: toInteger(c[2]), length: toInteger(c[3]), line: toInteger(c[4]), column: toInteger(c[5]),
  surface: c[6], numberWritten: c[7], dateWritten: c[8], date: c[9], issuerWritten: c[10], typeWritten: c[11]
}]->(i)
