// Search (GET /instruments?q=&type=&issuer=&year=): folded forms computed by src/graph/core/text.ts.
CREATE INDEX instrument_number IF NOT EXISTS FOR (i:Instrument) ON (i.number);
CREATE INDEX instrument_seq IF NOT EXISTS FOR (i:Instrument) ON (i.seq);
CREATE INDEX instrument_year IF NOT EXISTS FOR (i:Instrument) ON (i.year);
CREATE INDEX instrument_type IF NOT EXISTS FOR (i:Instrument) ON (i.typeFold);
CREATE TEXT INDEX instrument_search IF NOT EXISTS FOR (i:Instrument) ON (i.searchText);
CREATE TEXT INDEX instrument_issuer IF NOT EXISTS FOR (i:Instrument) ON (i.issuerFold);
CREATE INDEX document_file IF NOT EXISTS FOR (d:Document) ON (d.file);
