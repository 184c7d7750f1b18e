// GET /documents/:ref/citations — every citation stored for one ingested plan, with its findings.
import { z } from 'zod';
import { listDocumentCitations } from '../../service/documents.js';
import { defineEndpoint } from '../endpoint.js';
import { findingSchema, instrumentSchema, refParams } from '../schemas.js';

const storedCitationSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    section: z.string().meta({ description: 'title | can_cu | body | tail' }),
    offset: z.number().int(),
    length: z.number().int(),
    line: z.number().int(),
    column: z.number().int(),
    surface: z.string().meta({ description: 'Nguyên văn trích dẫn trong văn bản' }),
    numberWritten: z.string().nullable(),
    dateWritten: z.string().nullable(),
    date: z.string().nullable(),
    issuerWritten: z.string().nullable(),
    typeWritten: z.string().nullable(),
    instrument: instrumentSchema,
  })
  .meta({ id: 'StoredCitation' });

export const getDocumentCitationsEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'getDocumentCitations',
  summary: 'Các trích dẫn (và phát hiện) của một văn bản đã nạp',
  tags: ['Kế hoạch'],
  access: 'read',
  input: { params: refParams },
  errors: ['not_found', 'ambiguous_ref', 'store_unavailable'],
  output: z
    .object({ document: instrumentSchema, citations: z.array(storedCitationSchema), findings: z.array(findingSchema) })
    .meta({ id: 'DocumentCitations' }),
  async handler({ params, deps }) {
    return listDocumentCitations(deps.store, params.ref);
  },
});
