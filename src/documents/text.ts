// .txt → SourceText: identity mapping (text === source), line/column by binary search over a
// lazily built array of line starts.

import { decodeText } from './decode.js';
import { checkOffset, LineIndex } from '../model/lines.js';
import type { DocumentFormat, SourceEncoding, SourceLocation, SourceText } from './types.js';

/** A SourceText whose text is its source (txt, and docx once its paragraphs are extracted). */
export function identitySourceText(text: string, file: string, format: DocumentFormat, encoding?: SourceEncoding): SourceText {
  const lines = new LineIndex(text);
  const locate = (textOffset: number): SourceLocation => {
    checkOffset(textOffset, text.length);
    const { line, column } = lines.position(textOffset);
    return { line, column, sourceOffset: textOffset };
  };
  return encoding === undefined
    ? { file, format, text, source: text, locate }
    : { file, format, text, source: text, locate, encoding };
}

/** Plain text given as a string (e.g. an API body). Nothing is stripped or normalised. */
export function textFromString(text: string, file: string): SourceText {
  return identitySourceText(text, file, 'txt');
}

/** A .txt file's bytes. Throws DocumentError for binary / badly encoded input. */
export function textFromBytes(bytes: Uint8Array, file: string): SourceText {
  const decoded = decodeText(bytes, file);
  return identitySourceText(decoded.text, file, 'txt', decoded.encoding);
}
