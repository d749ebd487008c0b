'use strict';
// A basic Blob: immutable bytes with a type, slice(), text(), arrayBuffer(),
// bytes() and stream() (a byte ReadableStream over copies of the bytes).
// No internalBinding: the bytes are kept in a Uint8Array.

const {
  ArrayBuffer, ArrayBufferIsView, ArrayPrototypePush, MathMax, MathMin, MathTrunc,
  ObjectDefineProperty, ObjectPrototypeToString, PromiseResolve, SafeArrayIterator,
  StringPrototypeToLowerCase, SymbolFor, SymbolIterator, SymbolToStringTag, TypedArrayPrototypeSlice,
} = primordials;
const { regExpTest } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const kBytes = Symbol('kBytes');
const kStreamChunk = 65536;
const kType = Symbol('kType');
const customInspect = SymbolFor('nodejs.util.inspect.custom');

function toBytes(part) {
  const { Buffer } = require('buffer');
  if (part instanceof Blob) return part[kBytes];
  if (ArrayBufferIsView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  if (part instanceof ArrayBuffer || ObjectPrototypeToString(part) === '[object SharedArrayBuffer]') {
    return new Uint8Array(part);
  }
  return Buffer.from(`${part}`, 'utf8');
}

function normType(type) {
  type = `${type}`;
  // The spec drops a type with characters outside U+0020..U+007E.
  return regExpTest(/[^\u0020-\u007E]/, type) ? '' : StringPrototypeToLowerCase(type);
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[SymbolIterator] !== 'function' || typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const parts = [];
    let size = 0;
    for (const s of sources) {
      const b = toBytes(s);
      ArrayPrototypePush(parts, b);
      size += b.length;
    }
    const bytes = new Uint8Array(size);
    let pos = 0;
    for (const b of new SafeArrayIterator(parts)) {
      bytes.set(b, pos);
      pos += b.length;
    }
    this[kBytes] = bytes;
    this[kType] = options && options.type !== undefined ? normType(options.type) : '';
  }

  get type() { return this[kType]; }
  get size() { return this[kBytes].length; }

  slice(start = 0, end = this.size, contentType = '') {
    const size = this.size;
    const rel = (v) => {
      v = MathTrunc(+v) || 0;
      return v < 0 ? MathMax(size + v, 0) : MathMin(v, size);
    };
    const s = rel(start);
    const e = rel(end);
    const blob = new Blob([]);
    blob[kBytes] = sliceOf(this[kBytes], s, MathMax(s, e));
    blob[kType] = normType(contentType);
    return blob;
  }

  arrayBuffer() {
    return PromiseResolve(sliceOf(this[kBytes]).buffer);
  }

  text() {
    const { Buffer } = require('buffer');
    const b = this[kBytes];
    return PromiseResolve(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8'));
  }

  bytes() {
    return PromiseResolve(sliceOf(this[kBytes]));
  }

  stream() {
    const { ReadableStream } = require('internal/webstreams/readablestream');
    const bytes = this[kBytes];
    let offset = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        // A copy: enqueue() transfers (detaches) the buffer it is given.
        const end = MathMin(offset + kStreamChunk, bytes.length);
        controller.enqueue(TypedArrayPrototypeSlice(bytes, offset, end));
        offset = end;
        if (offset >= bytes.length) controller.close();
      },
    });
  }

  [customInspect](depth, options) {
    if (depth < 0) return '[Blob]';
    const { inspect } = require('internal/util/inspect');
    return `Blob ${inspect({ size: this.size, type: this.type }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

ObjectDefineProperty(Blob.prototype, SymbolToStringTag, { __proto__: null, value: 'Blob', configurable: true });
// WebIDL attributes and operations are enumerable.
for (const name of new SafeArrayIterator(['type', 'size', 'slice', 'stream', 'arrayBuffer', 'text'])) {
  ObjectDefineProperty(Blob.prototype, name, { __proto__: null, enumerable: true });
}

// The bytes a Blob holds (not a copy), for fetch's bodies and FormData.
function getBlobBytes(blob) {
  return blob[kBytes];
}

module.exports = { Blob, getBlobBytes };
