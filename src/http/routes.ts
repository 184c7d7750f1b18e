// The whole URL tree of the API, in one place. Express path syntax; the OpenAPI document and the
// docs page are generated from this table.
import type { Endpoint } from './endpoint.js';
import { addStatusEventEndpoint } from './endpoints/add-status-event.js';
import { checkDocumentEndpoint } from './endpoints/check-document.js';
import { docsEndpoint } from './endpoints/docs.js';
import { getDocumentCitationsEndpoint } from './endpoints/get-document-citations.js';
import { getInstrumentEndpoint } from './endpoints/get-instrument.js';
import { getIssuerEndpoint } from './endpoints/get-issuer.js';
import { listIssuersEndpoint } from './endpoints/list-issuers.js';
import { getLineageEndpoint } from './endpoints/get-lineage.js';
import { healthEndpoint } from './endpoints/health.js';
import { ingestDocumentEndpoint } from './endpoints/ingest-document.js';
import { listBasisEndpoint } from './endpoints/list-basis.js';
import { listImplementersEndpoint } from './endpoints/list-implementers.js';
import { openapiEndpoint } from './endpoints/openapi-json.js';
import { searchInstrumentsEndpoint } from './endpoints/search-instruments.js';

export type Routing = Record<string, Partial<Record<'get' | 'post', Endpoint>>>;

export const routing: Routing = {
  '/instruments': { get: searchInstrumentsEndpoint },
  '/instruments/:ref': { get: getInstrumentEndpoint },
  '/instruments/:ref/implementers': { get: listImplementersEndpoint },
  '/instruments/:ref/basis': { get: listBasisEndpoint },
  '/instruments/:ref/lineage': { get: getLineageEndpoint },
  '/instruments/:ref/status': { post: addStatusEventEndpoint },
  '/issuers': { get: listIssuersEndpoint },
  '/issuers/:key': { get: getIssuerEndpoint },
  '/documents': { post: ingestDocumentEndpoint },
  '/documents/:ref/citations': { get: getDocumentCitationsEndpoint },
  '/check': { post: checkDocumentEndpoint },
  '/health': { get: healthEndpoint },
  '/openapi.json': { get: openapiEndpoint },
  '/docs': { get: docsEndpoint },
};
