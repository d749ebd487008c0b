'use strict';
// require('zlib'): Deflate/Inflate/Gzip/Gunzip/DeflateRaw/InflateRaw/Unzip over the
// system's zlib and BrotliCompress/BrotliDecompress over its libbrotli (both through
// internalBinding('zlib')), as streams (internal/zlib/base.js), with the one-shot
// forms (callback and Sync) and crc32. Option checks and errors are Node's.

const binding = internalBinding('zlib');
const { Buffer } = require('buffer');
const { constants, codes } = require('internal/zlib/constants');
const {
  ZlibBase, checkRangesOrGetDefault, processChunkSync,
} = require('internal/zlib/base');
const {
  ERR_BROTLI_INVALID_PARAM, ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE,
  ERR_ZLIB_INITIALIZATION_FAILED,
} = require('internal/errors').codes;
const { validateFunction, validateUint32 } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView, isUint8Array } = require('internal/util/types');
const {
  ArrayPrototypePush, FunctionPrototypeCall, NumberIsNaN, ObjectDefineProperties, ObjectKeys,
  ObjectSetPrototypeOf, TypedArrayPrototypeFill, Uint32Array,
} = primordials;

const {
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  Z_NO_FLUSH, Z_BLOCK, Z_FINISH, Z_FULL_FLUSH, Z_SYNC_FLUSH,
  Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_DEFAULT_COMPRESSION, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL,
  Z_DEFAULT_STRATEGY, Z_FIXED,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA,
} = constants;

const zlibFlushes = {
  __proto__: null, flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH,
  flushMax: Z_BLOCK,
};
const brotliFlushes = {
  __proto__: null, flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH, flushMax: BROTLI_OPERATION_EMIT_METADATA,
};

// The deflate family: one engine per stream, made with the checked options.
function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    // Inflating with windowBits 0 takes the window size from the stream's header.
    const inflating = mode === INFLATE || mode === GUNZIP || mode === UNZIP;
    if (inflating && (opts.windowBits == null || opts.windowBits === 0)) {
      windowBits = 0;
    } else {
      // gzip's header cannot say a window of 256 bytes.
      const lower = mode === GZIP ? Z_MIN_WINDOWBITS + 1 : Z_MIN_WINDOWBITS;
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', lower,
                                           Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                                    Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL,
                                       Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY,
                                       Z_FIXED, Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
      if (!isAnyArrayBuffer(dictionary)) {
        throw new ERR_INVALID_ARG_TYPE(
          'options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
      }
      dictionary = Buffer.from(dictionary);
    }
  }
  const id = binding.zlibInit(mode, level, windowBits, memLevel, strategy, dictionary);
  if (id < 0) throw new ERR_ZLIB_INITIALIZATION_FAILED();
  FunctionPrototypeCall(ZlibBase, this, opts, id, zlibFlushes, true);
  this._level = level;
  this._strategy = strategy;
}
ObjectSetPrototypeOf(Zlib.prototype, ZlibBase.prototype);
ObjectSetPrototypeOf(Zlib, ZlibBase);

// params(level, strategy[, callback]): what is written from now on is compressed
// with these; what came before is flushed first (Z_SYNC_FLUSH).
Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level === level && this._strategy === strategy) {
    if (callback) process.nextTick(callback);
    return;
  }
  this.flush(Z_SYNC_FLUSH, () => {
    if (!this._handle) return;
    binding.params(this._handle.id, level, strategy);
    if (!this.destroyed) {
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    }
  });
};

// Brotli: parameters are given as { [BROTLI_PARAM_*]: value }.
const kMaxBrotliParam = 8;
function Brotli(opts, mode) {
  const params = new Uint32Array(kMaxBrotliParam + 1);
  TypedArrayPrototypeFill(params, 0xffffffff);
  if (opts && opts.params) {
    const keys = ObjectKeys(opts.params);
    for (let i = 0; i < keys.length; i++) {
      const key = +keys[i];
      if (NumberIsNaN(key) || key < 0 || key > kMaxBrotliParam || params[key] !== 0xffffffff) {
        throw new ERR_BROTLI_INVALID_PARAM(keys[i]);
      }
      const value = opts.params[keys[i]];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', value);
      }
      params[key] = value;
    }
  }
  const id = binding.brotliInit(mode === BROTLI_ENCODE, params);
  if (id < 0) throw new ERR_ZLIB_INITIALIZATION_FAILED();
  FunctionPrototypeCall(ZlibBase, this, opts, id, brotliFlushes, false);
}
ObjectSetPrototypeOf(Brotli.prototype, ZlibBase.prototype);
ObjectSetPrototypeOf(Brotli, ZlibBase);

// The public classes: each callable with or without `new`.
function makeClass(name, Base, mode) {
  const cls = {
    [name]: function(opts) {
      if (!(this instanceof cls)) return new cls(opts);
      FunctionPrototypeCall(Base, this, opts, mode);
    },
  }[name];
  ObjectSetPrototypeOf(cls.prototype, Base.prototype);
  ObjectSetPrototypeOf(cls, Base);
  return cls;
}

const Deflate = makeClass('Deflate', Zlib, DEFLATE);
const Inflate = makeClass('Inflate', Zlib, INFLATE);
const Gzip = makeClass('Gzip', Zlib, GZIP);
const Gunzip = makeClass('Gunzip', Zlib, GUNZIP);
const DeflateRaw = makeClass('DeflateRaw', Zlib, DEFLATERAW);
const InflateRaw = makeClass('InflateRaw', Zlib, INFLATERAW);
const Unzip = makeClass('Unzip', Zlib, UNZIP);
const BrotliCompress = makeClass('BrotliCompress', Brotli, BROTLI_ENCODE);
const BrotliDecompress = makeClass('BrotliDecompress', Brotli, BROTLI_DECODE);

// One-shot input: a string or any byte view or ArrayBuffer, as a Buffer.
function inputBuffer(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (isArrayBufferView(buffer)) {
    if (isUint8Array(buffer)) return buffer;
    return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
  throw new ERR_INVALID_ARG_TYPE(
    'buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
}

function zlibBufferSync(engine, buffer) {
  const out = processChunkSync(engine, inputBuffer(buffer), engine._finishFlushFlag);
  return engine._info ? { buffer: out, engine } : out;
}

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  // Streams take Uint8Arrays; other views are seen as their bytes.
  if (isArrayBufferView(buffer) && !isUint8Array(buffer)) {
    buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  }
  const chunks = [];
  let nread = 0;
  const onData = (chunk) => {
    ArrayPrototypePush(chunks, chunk);
    nread += chunk.length;
    if (nread > engine._maxOutputLength) {
      engine.removeListener('data', onData);
      engine.removeAllListeners('end');
      engine.close();
      callback(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
    }
  };
  engine.on('data', onData);
  engine.on('error', (err) => {
    engine.removeAllListeners('end');
    callback(err);
  });
  engine.on('end', () => {
    const out = nread === 0 ? Buffer.alloc(0) :
      chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, nread);
    engine.close();
    callback(null, engine._info ? { buffer: out, engine } : out);
  });
  engine.end(buffer);
}

function oneShot(Class) {
  const run = function(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    return zlibBuffer(new Class(opts), buffer, callback);
  };
  const runSync = function(buffer, opts) {
    return zlibBufferSync(new Class(opts), buffer);
  };
  return { run, runSync };
}

const { run: deflate, runSync: deflateSync } = oneShot(Deflate);
const { run: gzip, runSync: gzipSync } = oneShot(Gzip);
const { run: deflateRaw, runSync: deflateRawSync } = oneShot(DeflateRaw);
const { run: unzip, runSync: unzipSync } = oneShot(Unzip);
const { run: inflate, runSync: inflateSync } = oneShot(Inflate);
const { run: gunzip, runSync: gunzipSync } = oneShot(Gunzip);
const { run: inflateRaw, runSync: inflateRawSync } = oneShot(InflateRaw);
const { run: brotliCompress, runSync: brotliCompressSync } = oneShot(BrotliCompress);
const { run: brotliDecompress, runSync: brotliDecompressSync } = oneShot(BrotliDecompress);

// crc32(data[, value]): CRC-32 of data (a string as UTF-8), continuing from value.
function crc32(data, value = 0) {
  if (typeof data === 'string') {
    data = Buffer.from(data);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  validateUint32(value, 'value');
  return binding.crc32(data, value);
}

module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  deflate, deflateSync, gzip, gzipSync, deflateRaw, deflateRawSync, unzip, unzipSync,
  inflate, inflateSync, gunzip, gunzipSync, inflateRaw, inflateRawSync,
  brotliCompress, brotliCompressSync, brotliDecompress, brotliDecompressSync,
  createDeflate: (o) => new Deflate(o),
  createInflate: (o) => new Inflate(o),
  createDeflateRaw: (o) => new DeflateRaw(o),
  createInflateRaw: (o) => new InflateRaw(o),
  createGzip: (o) => new Gzip(o),
  createGunzip: (o) => new Gunzip(o),
  createUnzip: (o) => new Unzip(o),
  createBrotliCompress: (o) => new BrotliCompress(o),
  createBrotliDecompress: (o) => new BrotliDecompress(o),
};

ObjectDefineProperties(module.exports, {
  constants: { __proto__: null, enumerable: true, value: constants },
  codes: { __proto__: null, enumerable: true, value: codes },
});

// The legacy top-level copies of the zlib constants (zlib.Z_SYNC_FLUSH ...).
const names = ObjectKeys(constants);
for (let i = 0; i < names.length; i++) {
  const name = names[i];
  if (name[0] === 'B' && name[1] === 'R') continue; // not the BROTLI_* ones
  ObjectDefineProperties(module.exports, {
    [name]: { __proto__: null, enumerable: false, value: constants[name] },
  });
}
