// Stage 2 — parse: bytes → plain text with an offset map back to the source (the read stage of
// src/service/pipeline.ts), refusing binary files, invalid UTF-8 and unsupported formats with a
// clear message.
import type { SourceText } from '../../src/documents/index.js';
import { readSource } from '../../src/service/pipeline.js';
import type { ReadFile } from './read.js';

export async function parseInput(input: ReadFile): Promise<SourceText> {
  return readSource({ bytes: input.bytes, file: input.file });
}
