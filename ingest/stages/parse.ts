// Stage 2 — parse: bytes → plain text with an offset map back to the source (src/documents),
// refusing binary files, invalid UTF-8 and unsupported formats with a clear message.
import { fromBuffer, type SourceText } from '../../src/documents/index.js';
import type { ReadFile } from './read.js';

export async function parseInput(input: ReadFile): Promise<SourceText> {
  return fromBuffer(input.bytes, input.file);
}
