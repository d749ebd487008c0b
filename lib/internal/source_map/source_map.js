'use strict';
// Source map v3 decoding for --enable-source-maps: the "mappings" string is
// base64 VLQ, ';' between generated lines and ',' between segments; each segment
// holds deltas (generated column, source index, original line, original column[,
// name]). findEntry(line, column) (0-based) answers with the segment at or before
// the column on that generated line.
// No internalBinding.

const {
  ArrayPrototypePush,
  Int8Array,
  StringPrototypeCharCodeAt,
} = primordials;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digitOf = new Int8Array(128);
for (let i = 0; i < 128; i++) digitOf[i] = -1;
for (let i = 0; i < 64; i++) digitOf[StringPrototypeCharCodeAt(BASE64, i)] = i;

const kSemicolon = 59;
const kComma = 44;

// Lines of segments; a segment is [generatedColumn] or [generatedColumn,
// sourceIndex, originalLine, originalColumn] (absolute values).
function decodeMappings(mappings) {
  const lines = [];
  let line = [];
  let genColumn = 0;
  let source = 0;
  let origLine = 0;
  let origColumn = 0;
  let name = 0;
  let i = 0;
  const n = mappings.length;
  const fields = [0, 0, 0, 0, 0];
  while (i < n) {
    const c = StringPrototypeCharCodeAt(mappings, i);
    if (c === kSemicolon) {
      ArrayPrototypePush(lines, line);
      line = [];
      genColumn = 0;
      i++;
      continue;
    }
    if (c === kComma) {
      i++;
      continue;
    }
    let count = 0;
    while (i < n) {
      const d = StringPrototypeCharCodeAt(mappings, i);
      if (d === kSemicolon || d === kComma) break;
      // One VLQ number: 5 bits per digit, low digits first, bit 6 = more follow.
      let value = 0;
      let shift = 0;
      let digit;
      do {
        digit = i < n ? digitOf[StringPrototypeCharCodeAt(mappings, i) & 127] : -1;
        if (digit === -1) return null;
        i++;
        value += (digit & 31) * 2 ** shift;
        shift += 5;
      } while (digit & 32);
      const negative = value % 2 === 1;
      value = (value - (negative ? 1 : 0)) / 2;
      if (count < 5) fields[count] = negative ? -value : value;
      count++;
    }
    genColumn += fields[0];
    if (count >= 4) {
      source += fields[1];
      origLine += fields[2];
      origColumn += fields[3];
      if (count >= 5) name += fields[4];
      ArrayPrototypePush(line, [genColumn, source, origLine, origColumn]);
    } else {
      ArrayPrototypePush(line, [genColumn]);
    }
  }
  ArrayPrototypePush(lines, line);
  return lines;
}

class SourceMap {
  #lines;
  #sources;

  // payload: the parsed JSON; sources: its "sources" resolved by the caller.
  constructor(payload, sources) {
    this.payload = payload;
    this.#sources = sources;
    this.#lines = decodeMappings(`${payload.mappings || ''}`) || [];
  }

  sourceAt(index) {
    return this.#sources[index];
  }

  // { originalSource, originalLine, originalColumn } (0-based), or undefined.
  findEntry(line, column) {
    const segments = this.#lines[line];
    if (segments === undefined || segments.length === 0) return undefined;
    let lo = 0;
    let hi = segments.length - 1;
    if (segments[0][0] > column) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid][0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo];
    if (seg.length < 4) return undefined;
    return {
      __proto__: null,
      originalSource: this.#sources[seg[1]],
      originalLine: seg[2],
      originalColumn: seg[3],
    };
  }
}

module.exports = { SourceMap, decodeMappings };
