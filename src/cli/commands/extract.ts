// `cancu extract`: the citations of each file, as JSON (the output contract) or text.
import { resolve } from 'node:path';
import type { AnalyzedDocument } from '../../citations/model.js';
import type { Lang } from '../../model/schemas.js';

export function documentJson(doc: AnalyzedDocument) {
  return {
    file: doc.file,
    header: {
      number: doc.header.number,
      type: doc.header.type,
      place: doc.header.place,
      date: doc.header.date,
      title: doc.header.title,
      signer: doc.header.signer,
      signerPosition: doc.header.signerPosition,
      year: doc.header.year,
      issuingBody: doc.header.issuingBody,
      key: doc.ownKey,
    },
    citations: doc.citations.map((c) => ({
      type: c.type,
      number: c.number,
      canonicalNumber: c.canonicalNumber,
      date: c.date,
      issuer: c.issuer,
      subject: c.subject,
      section: c.section,
      line: c.line,
      column: c.column,
      offset: c.offset,
      length: c.length,
      surface: c.surface,
      key: c.key,
      relation: c.relation ? { kind: c.relation.kind, target: c.relation.target } : null,
      relations: c.relations,
      family: c.family,
      repeat: c.repeat,
    })),
  };
}

export async function extract(
  files: string[],
  opts: { format: 'json' | 'text'; cwd: string; lang: Lang; stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
): Promise<number> {
  const { DocumentError } = await import('../../documents/index.js');
  const { analyzeSource, readSource } = await import('../../service/pipeline.js');
  const documents: ReturnType<typeof documentJson>[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const src = await readSource({ path: resolve(opts.cwd, file) });
      documents.push(documentJson(analyzeSource(src, file)));
    } catch (err) {
      failed = true;
      const msg = err instanceof DocumentError ? (opts.lang === 'en' ? err.messageEn : err.message) : err instanceof Error ? err.message : String(err);
      opts.stderr.write(`${file}: ${msg}\n`);
    }
  }
  if (opts.format === 'json') {
    opts.stdout.write(JSON.stringify({ documents }, null, 2) + '\n');
  } else {
    for (const d of documents) {
      opts.stdout.write(`${d.file}\n`);
      if (d.header.number || d.header.date) opts.stdout.write(`  Số: ${d.header.number ?? '—'}  ${d.header.place ?? ''} ${d.header.date ?? ''}\n`);
      for (const c of d.citations) {
        opts.stdout.write(`  ${`${c.line}:${c.column}`.padEnd(8)} ${c.section.padEnd(7)} ${c.type} ${c.canonicalNumber ?? c.subject ?? ''}${c.date ? ` (${c.date})` : ''}${c.issuer ? ` — ${c.issuer}` : ''}${c.relation ? ` [${c.relation.kind} ${c.relations[0]?.targetNumber ?? c.relation.target}]` : ''}\n`);
      }
      opts.stdout.write(`  ${d.citations.length} ${opts.lang === 'en' ? 'citations' : 'trích dẫn'}\n`);
    }
  }
  return failed ? 2 : 0;
}
