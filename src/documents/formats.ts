// The format registry: the file extensions cancu reads and the format each one is read as. Every
// caller reads this one list — the adapters (./index.ts), `cancu check | extract | ingest` (which
// files of a folder or glob are read), the API (which uploads are accepted) and the web page
// (which files it offers to send). Pure, with no Node import, so the page's bundle can hold it;
// a format added here is read everywhere once its adapter is added to ./index.ts.

/** The formats the adapters read. */
export const DOCUMENT_FORMATS = ['txt', 'md', 'docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Supported extensions (lower case) and the format each one is read as. */
export const SUPPORTED_EXTENSIONS: Readonly<Record<string, DocumentFormat>> = Object.freeze({
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
});

/** The supported extensions, with their dot, in the registry's order. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(SUPPORTED_EXTENSIONS));

/** The extension of a file name, lower case with its dot ("" when the name has none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The format a file of this name is read as, or null when cancu does not read it. */
export function formatOfName(name: string): DocumentFormat | null {
  const extension = extensionOf(name);
  return Object.prototype.hasOwnProperty.call(SUPPORTED_EXTENSIONS, extension) ? SUPPORTED_EXTENSIONS[extension]! : null;
}

/** Whether cancu reads a file of this name. */
export function isDocumentName(name: string): boolean {
  return formatOfName(name) !== null;
}
