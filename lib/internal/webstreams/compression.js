'use strict';
// CompressionStream and DecompressionStream: a readable/writable pair over a zlib
// stream ('deflate' zlib format, 'deflate-raw', 'gzip'), through the stream adapters.

const { ObjectDefineProperties, SymbolToStringTag } = primordials;
const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
const { kState, kInspect, checkThis, inspectAs } = require('internal/webstreams/util');
const { newReadableWritablePairFromDuplex } = require('internal/webstreams/adapters');

function zlibStream(format, makers) {
  const make = makers[format];
  if (typeof format !== 'string' || make === undefined) {
    throw new ERR_INVALID_ARG_VALUE('format', format);
  }
  return newReadableWritablePairFromDuplex(make(require('zlib')));
}

const compressors = {
  __proto__: null,
  'deflate': (zlib) => zlib.createDeflate(),
  'deflate-raw': (zlib) => zlib.createDeflateRaw(),
  'gzip': (zlib) => zlib.createGzip(),
};
const decompressors = {
  __proto__: null,
  'deflate': (zlib) => zlib.createInflate(),
  'deflate-raw': (zlib) => zlib.createInflateRaw(),
  'gzip': (zlib) => zlib.createGunzip(),
};

class CompressionStream {
  constructor(format) {
    this[kState] = { type: 'CompressionStream', pair: zlibStream(format, compressors) };
  }
  get readable() {
    checkThis(this, 'CompressionStream');
    return this[kState].pair.readable;
  }
  get writable() {
    checkThis(this, 'CompressionStream');
    return this[kState].pair.writable;
  }
  [kInspect](depth, options) {
    checkThis(this, 'CompressionStream');
    const { readable, writable } = this[kState].pair;
    return inspectAs('CompressionStream', { readable, writable }, depth, options);
  }
}

class DecompressionStream {
  constructor(format) {
    this[kState] = { type: 'DecompressionStream', pair: zlibStream(format, decompressors) };
  }
  get readable() {
    checkThis(this, 'DecompressionStream');
    return this[kState].pair.readable;
  }
  get writable() {
    checkThis(this, 'DecompressionStream');
    return this[kState].pair.writable;
  }
  [kInspect](depth, options) {
    checkThis(this, 'DecompressionStream');
    const { readable, writable } = this[kState].pair;
    return inspectAs('DecompressionStream', { readable, writable }, depth, options);
  }
}

function describe(cls, name) {
  ObjectDefineProperties(cls.prototype, {
    readable: { __proto__: null, enumerable: true },
    writable: { __proto__: null, enumerable: true },
    [SymbolToStringTag]: { __proto__: null, configurable: true, value: name },
  });
}
describe(CompressionStream, 'CompressionStream');
describe(DecompressionStream, 'DecompressionStream');

module.exports = { CompressionStream, DecompressionStream };
