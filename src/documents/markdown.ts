// .md → SourceText. The markdown is parsed with unified + remark-parse (CommonMark, no GFM);
// `text` is the readable text: the characters of text nodes, inline code and code blocks, with
// the markdown syntax dropped (#, emphasis markers, list markers, link URLs, images, HTML tags,
// link definitions, thematic breaks). Blocks are separated by "\n\n"; line endings inside a
// block are kept as in the source. Leftover emphasis markers of broken emphasis
// ("*** Mục tiêu hằng năm**", "**** Text***") are dropped: runs of two or more "*", and a single
// "*" at the very start or end of a block. Each block is trimmed of surrounding whitespace.
//
// Every character of `text` that comes from the source maps back exactly through a piecewise
// offset map (remark positions are UTF-16 offsets, like JS strings).

import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { decodeText } from './decode.js';
import { checkOffset, LineIndex } from '../model/lines.js';
import { OffsetMap, OffsetMapBuilder } from './offset-map.js';
import type { SourceEncoding, SourceLocation, SourceText } from './types.js';

/** The parts of an mdast node this adapter reads. */
interface MdNode {
  type: string;
  value?: unknown;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** A run of block text; `src` is the source offset of its first character, or -1 if inserted. */
interface Piece {
  text: string;
  src: number;
}

class Pieces {
  readonly list: Piece[] = [];

  push(text: string, src: number): void {
    if (text.length === 0) return;
    const last = this.list[this.list.length - 1];
    if (last && ((src >= 0 && last.src >= 0 && last.src + last.text.length === src) || (src < 0 && last.src < 0))) {
      last.text += text;
    } else {
      this.list.push({ text, src });
    }
  }

  text(): string {
    return this.list.map((p) => p.text).join('');
  }
}

interface Range {
  start: number;
  end: number;
  /** Inserted text replacing the range (e.g. "\n" for <br>). */
  insert?: string;
}

/** Drop (or replace) sorted, non-overlapping ranges of the block text. */
function removeRanges(pieces: Pieces, ranges: Range[]): Pieces {
  if (ranges.length === 0) return pieces;
  const out = new Pieces();
  let r = 0;
  let pos = 0; // block-text offset of the current piece
  for (const piece of pieces.list) {
    const pEnd = pos + piece.text.length;
    let cur = pos;
    while (cur < pEnd) {
      while (r < ranges.length && ranges[r].end <= cur) r++;
      const range = ranges[r];
      if (!range || range.start >= pEnd) {
        out.push(piece.text.slice(cur - pos), piece.src < 0 ? -1 : piece.src + (cur - pos));
        cur = pEnd;
      } else if (range.start > cur) {
        out.push(piece.text.slice(cur - pos, range.start - pos), piece.src < 0 ? -1 : piece.src + (cur - pos));
        cur = range.start;
      } else {
        if (range.insert !== undefined && range.start === cur) out.push(range.insert, -1);
        cur = Math.min(range.end, pEnd);
      }
    }
    pos = pEnd;
  }
  return out;
}

/** Start offset (in block text) of each piece, for lookups. */
function pieceStarts(pieces: Pieces): number[] {
  const starts: number[] = [];
  let pos = 0;
  for (const p of pieces.list) {
    starts.push(pos);
    pos += p.text.length;
  }
  return starts;
}

/** True when [start, end) of the block text lies inside one piece copied from the source. */
function isVerbatim(pieces: Pieces, starts: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces.list[lo];
  return p !== undefined && p.src >= 0 && end <= starts[lo] + p.text.length;
}

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;
const HTML_TAG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>/g;
const BR_TAG = /^<br\s*\/?>$/i;

/** Number of UTF-16 units an entity reference decodes to (value[i] starts its decoding). */
function entityLength(entity: string, value: string, i: number): number {
  if (entity.charCodeAt(1) === 35 /* # */) {
    const hex = entity[2] === 'x' || entity[2] === 'X';
    const n = parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    const valid = n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff);
    return valid && n > 0xffff ? 2 : 1;
  }
  return (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

class MarkdownTextBuilder {
  private readonly out = new OffsetMapBuilder();

  constructor(private readonly source: string) {}

  build(root: MdNode): { text: string; map: OffsetMap } {
    this.block(root);
    return this.out.finish();
  }

  private block(node: MdNode): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const pieces = new Pieces();
        this.inlines(node.children ?? [], pieces);
        this.emit(pieces);
        return;
      }
      case 'code':
        this.emit(this.code(node));
        return;
      case 'html':
        this.emit(this.html(node));
        return;
      case 'thematicBreak':
      case 'definition':
      case 'image':
      case 'imageReference':
        return;
      default:
        if (node.children) {
          for (const child of node.children) this.block(child);
        } else if (typeof node.value === 'string') {
          const pieces = new Pieces();
          this.align(node.value, node, pieces);
          this.emit(pieces);
        }
    }
  }

  private inlines(nodes: MdNode[], out: Pieces): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          this.align(String(node.value ?? ''), node, out);
          break;
        case 'inlineCode': {
          const start = node.position?.start.offset;
          let from = start;
          if (from !== undefined) while (this.source.charCodeAt(from) === 96 /* ` */) from++;
          this.align(String(node.value ?? ''), node, out, from);
          break;
        }
        case 'break':
          this.lineBreak(node, out);
          break;
        case 'html':
          if (BR_TAG.test(String(node.value ?? '').trim())) out.push('\n', -1);
          break;
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          break;
        default:
          if (node.children) this.inlines(node.children, out);
          else if (typeof node.value === 'string') this.align(node.value, node, out);
      }
    }
  }

  private lineBreak(node: MdNode, out: Pieces): void {
    const end = node.position?.end.offset;
    const s = this.source;
    if (end !== undefined && s.charCodeAt(end - 1) === 10 && s.charCodeAt(end - 2) === 13) out.push('\r\n', end - 2);
    else if (end !== undefined && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) out.push(s[end - 1], end - 1);
    else out.push('\n', -1);
  }

  private code(node: MdNode): Pieces {
    const pieces = new Pieces();
    const value = String(node.value ?? '');
    const start = node.position?.start.offset;
    let from = start;
    if (start !== undefined && /^[ \t]*(?:`{3,}|~{3,})/.test(this.source.slice(start, start + 64))) {
      // Fenced: the content starts after the opening fence line (skip the info string).
      const nl = this.source.slice(start).search(/\r\n?|\n/);
      from = nl < 0 ? node.position?.end.offset : start + nl + (this.source.startsWith('\r\n', start + nl) ? 2 : 1);
    }
    this.align(value, node, pieces, from);
    return pieces;
  }

  private html(node: MdNode): Pieces {
    const pieces = new Pieces();
    this.align(String(node.value ?? ''), node, pieces);
    const text = pieces.text();
    const ranges: Range[] = [];
    for (const m of text.matchAll(HTML_TAG)) {
      const start = m.index ?? 0;
      ranges.push(BR_TAG.test(m[0]) ? { start, end: start + m[0].length, insert: '\n' } : { start, end: start + m[0].length });
    }
    return removeRanges(pieces, ranges);
  }

  /**
   * Append `value` (a node's decoded text) to `out`, mapping each character to its place in the
   * node's source span. Fast path: the value is the source slice. Otherwise walk both: equal
   * characters match; a backslash escape or an entity reference maps to its source; any other
   * source character (container prefixes such as "> " or indentation, trailing spaces) is skipped.
   */
  private align(value: string, node: MdNode, out: Pieces, from?: number): void {
    const start = from ?? node.position?.start.offset;
    const end = node.position?.end.offset;
    if (value.length === 0) return;
    if (start === undefined || end === undefined) {
      out.push(value, -1);
      return;
    }
    const s = this.source;
    if (end - start === value.length && s.startsWith(value, start)) {
      out.push(value, start);
      return;
    }
    let p = start;
    for (let i = 0; i < value.length; ) {
      const c = value.charCodeAt(i);
      const sc = p < end ? s.charCodeAt(p) : -1;
      if (sc === c) {
        out.push(value[i], p);
        i++;
        p++;
        continue;
      }
      if (sc === 92 /* \ */ && p + 1 < end && s.charCodeAt(p + 1) === c) {
        out.push(value[i], p + 1);
        i++;
        p += 2;
        continue;
      }
      if (sc === 38 /* & */) {
        ENTITY.lastIndex = p;
        const m = ENTITY.exec(s);
        if (m && p + m[0].length <= end) {
          const n = entityLength(m[0], value, i);
          out.push(value.slice(i, i + n), p);
          i += n;
          p += m[0].length;
          continue;
        }
      }
      const q = p < end ? s.indexOf(value[i], p) : -1;
      if (q >= 0 && q < end) {
        out.push(value[i], q);
        p = q + 1;
      } else {
        out.push(value[i], -1); // not found in the span (should not happen): treat as inserted
      }
      i++;
    }
  }

  /** Clean one block (broken-emphasis markers, surrounding whitespace) and append it. */
  private emit(pieces: Pieces): void {
    let text = pieces.text();
    if (text.length === 0) return;
    if (text.includes('*')) {
      const starts = pieceStarts(pieces);
      const ranges: Range[] = [];
      for (const m of text.matchAll(/\*{2,}/g)) {
        const start = m.index ?? 0;
        if (isVerbatim(pieces, starts, start, start + m[0].length)) ranges.push({ start, end: start + m[0].length });
      }
      pieces = removeRanges(pieces, ranges);
      pieces = trim(pieces);
      text = pieces.text();
      const ends: Range[] = [];
      if (text.startsWith('*')) ends.push({ start: 0, end: 1 });
      if (text.length > 1 && text.endsWith('*')) ends.push({ start: text.length - 1, end: text.length });
      if (ends.length) pieces = removeRanges(pieces, ends);
    }
    pieces = trim(pieces);
    if (pieces.list.length === 0) return;
    if (this.out.length > 0) this.out.append('\n\n', -1);
    for (const p of pieces.list) this.out.append(p.text, p.src);
  }
}

function trim(pieces: Pieces): Pieces {
  const text = pieces.text();
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  if (lead === 0 && trail === 0) return pieces;
  if (lead === text.length) return new Pieces();
  const ranges: Range[] = [];
  if (lead) ranges.push({ start: 0, end: lead });
  if (trail) ranges.push({ start: text.length - trail, end: text.length });
  return removeRanges(pieces, ranges);
}

/** Markdown source given as a string (e.g. an API body). */
export function markdownFromString(source: string, file: string, encoding?: SourceEncoding): SourceText {
  const root = unified().use(remarkParse).parse(source) as unknown as MdNode;
  const { text, map } = new MarkdownTextBuilder(source).build(root);
  const lines = new LineIndex(source);
  const locate = (textOffset: number): SourceLocation => {
    checkOffset(textOffset, text.length);
    const sourceOffset = map.toSource(textOffset);
    const { line, column } = lines.position(sourceOffset);
    return { line, column, sourceOffset };
  };
  const st: SourceText = { file, format: 'md', text, source, locate };
  if (encoding !== undefined) st.encoding = encoding;
  return st;
}

/** A .md / .markdown file's bytes. Throws DocumentError for binary / badly encoded input. */
export function markdownFromBytes(bytes: Uint8Array, file: string): SourceText {
  const decoded = decodeText(bytes, file);
  return markdownFromString(decoded.text, file, decoded.encoding);
}
