'use strict';
// ZlibBase: the Transform stream every zlib class is (Deflate, Gunzip,
// BrotliCompress, ...), over an engine of internalBinding('zlib'). A chunk is fed
// to the engine in writes that each fill the current output buffer (chunkSize
// bytes); a write that fills it whole means more output may come, so another write
// follows with what is left of the input. Stream writes run on the work pool
// (binding.write); the Sync functions loop over binding.writeSync on this thread.

const binding = internalBinding('zlib');
const { Buffer } = require('buffer');
const { Transform } = require('internal/streams/transform');
const eos = require('internal/streams/end-of-stream');
const { deprecate } = require('internal/util/promisify');
const { codes, constants } = require('internal/zlib/constants');
const {
  ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const {
  ArrayPrototypePush, Error, FunctionPrototypeCall, NumberIsFinite, NumberIsNaN,
  ObjectDefineProperty, ObjectKeys, ObjectSetPrototypeOf, SafeFinalizationRegistry,
  StringPrototypeSlice, StringPrototypeStartsWith, Symbol,
} = primordials;

const kFlushFlag = Symbol('kFlushFlag');
const kResume = Symbol('kResume');
// Read when zlib is loaded, as Node does (a test may lower it first).
const { kMaxLength } = require('buffer');
const Z_MIN_CHUNK = 64;
const Z_DEFAULT_CHUNK = 16 * 1024;

// Engines a program drops without closing are freed when their handle is collected.
const unclosed = new SafeFinalizationRegistry((id) => binding.close(id));

// The native engine behind a stream (Node's `_handle`); one write in flight at most.
class EngineHandle {
  constructor(id) {
    this.id = id;
    this.req = { __proto__: null, oncomplete: null };
    unclosed.register(this, id, this);
  }
  close() {
    unclosed.unregister(this);
    binding.close(this.id);
  }
}

// A number option: undefined or NaN take the default, a non-number or an
// infinite number throws, and so does one outside [lower, upper].
function checkFiniteNumber(number, name) {
  if (number === undefined || NumberIsNaN(number)) return false;
  if (NumberIsFinite(number)) return true;
  if (typeof number !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', number);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

// How much each flush kind flushes, to pick the stronger of two. zlib's numbers are
// not in that order (Z_BLOCK is 5); brotli's operations are.
const zlibFlushRank = [0, 2, 3, 4, 5, 1];
function strongerFlush(self, a, b) {
  if (!self._isZlib) return a > b ? a : b;
  return zlibFlushRank[a] > zlibFlushRank[b] ? a : b;
}

// `flushFlags`: { flush: default, finishFlush: last chunk's, fullFlush: flush()'s
// default, flushMax: the largest valid flush option }.
function ZlibBase(opts, id, flushFlags, isZlib) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  let flush = flushFlags.flush;
  let finishFlush = flushFlags.finishFlush;
  if (opts) {
    if (checkFiniteNumber(opts.chunkSize, 'options.chunkSize')) chunkSize = opts.chunkSize;
    if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', 0, flushFlags.flushMax, flush);
    finishFlush = checkRangesOrGetDefault(
      opts.finishFlush, 'options.finishFlush', 0, flushFlags.flushMax, finishFlush);
    maxOutputLength = checkRangesOrGetDefault(
      opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    // Output is always bytes, whatever the options say.
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  FunctionPrototypeCall(Transform, this, { autoDestroy: true, ...opts });
  this.bytesWritten = 0;
  this._handle = new EngineHandle(id);
  this._outBuffer = Buffer.allocUnsafe(chunkSize);
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = flushFlags.fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
  this._isZlib = isZlib;
  this[kResume] = null;
  this.once('end', this.close);
}
ObjectSetPrototypeOf(ZlibBase.prototype, Transform.prototype);
ObjectSetPrototypeOf(ZlibBase, Transform);

ObjectDefineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

function closeEngine(self) {
  const handle = self._handle;
  if (!handle) return;
  self._handle = null;
  handle.close();
}

// bytesRead: the old name of bytesWritten (DEP0108).
const bytesReadMessage = 'zlib.bytesRead is deprecated and will change its meaning in the ' +
  'future. Use zlib.bytesWritten instead.';
ObjectDefineProperty(ZlibBase.prototype, 'bytesRead', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: deprecate(function() { return this.bytesWritten; }, bytesReadMessage, 'DEP0108'),
  set: deprecate(function(value) { this.bytesWritten = value; }, bytesReadMessage, 'DEP0108'),
});

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw new Error('zlib binding closed');
  binding.reset(this._handle.id);
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) eos(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeEngine(this);
  callback(err);
};

// flush([kind][, callback]): everything written so far comes out, as `kind` says
// (by default Z_FULL_FLUSH, or BROTLI_OPERATION_FLUSH).
ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    // An empty chunk carries the flush through the write queue, in order.
    const marker = Buffer.alloc(0);
    marker[kFlushFlag] = kind;
    this.write(marker, '', callback);
  }
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, callback) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last chunk also finishes the stream.
  const ws = this._writableState;
  if ((ws.ending || ws.ended) && ws.length === chunk.byteLength) {
    flushFlag = strongerFlush(this, flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, callback);
};

ZlibBase.prototype._read = function _read(n) {
  // A write that stopped because the readable side was full goes on now.
  const resume = this[kResume];
  if (resume !== null) {
    this[kResume] = null;
    resume();
  }
  FunctionPrototypeCall(Transform.prototype._read, this, n);
};

// The legacy entry point: with a callback, through the stream; without, at once.
ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb === 'function') return processChunk(this, chunk, flushFlag, cb);
  return processChunkSync(this, chunk, flushFlag);
};

// The error of a failed write: [message, errno, code | undefined]. Without a code,
// zlib's name for errno, or for brotli's decoder the constant's name
// (BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: ERR__ERROR_FORMAT_CL_SPACE).
function engineError(self, result) {
  const error = new Error(result[0]);
  const errno = result[1];
  error.errno = errno;
  let code = result[2];
  if (code === undefined && self._isZlib) code = codes[errno];
  if (code === undefined) code = `ERR_${StringPrototypeSlice(brotliErrorName(errno), 14)}`;
  error.code = code;
  return error;
}

function brotliErrorName(errno) {
  const names = ObjectKeys(constants);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (constants[name] === errno && StringPrototypeStartsWith(name, 'BROTLI_DECODER_ERROR_')) {
      return name;
    }
  }
  return 'BROTLI_DECODER_ERROR_UNREACHABLE';
}

// Takes `have` bytes of output from the current buffer; starts a new buffer when
// this one is full (or the engine filled all the room it was given).
function takeOutput(self, have, availOutAfter) {
  let out = null;
  if (have > 0) {
    out = self._outBuffer.slice(self._outOffset, self._outOffset + have);
    self._outOffset += have;
  }
  if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
    self._outOffset = 0;
    self._outBuffer = Buffer.allocUnsafe(self._chunkSize);
  }
  return out;
}

function processChunkSync(self, chunk, flushFlag) {
  const handle = self._handle;
  if (!handle) throw new Error('zlib binding closed');
  let inOff = 0;
  let availIn = chunk.byteLength;
  const buffers = [];
  let nread = 0;
  let inputRead = 0;
  for (;;) {
    const availOut = self._chunkSize - self._outOffset;
    const res = binding.writeSync(handle.id, flushFlag, chunk, inOff, availIn,
                                  self._outBuffer, self._outOffset, availOut);
    if (typeof res[0] === 'string') {
      closeEngine(self);
      throw engineError(self, res);
    }
    const inDelta = availIn - res[0];
    inputRead += inDelta;
    const out = takeOutput(self, availOut - res[1], res[1]);
    if (out !== null) {
      ArrayPrototypePush(buffers, out);
      nread += out.byteLength;
      if (nread > self._maxOutputLength) {
        closeEngine(self);
        throw new ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
      }
    }
    if (res[1] !== 0) break;
    inOff += inDelta;
    availIn = res[0];
  }
  self.bytesWritten = inputRead;
  closeEngine(self);
  if (nread === 0) return Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

function processChunk(self, chunk, flushFlag, cb) {
  const handle = self._handle;
  if (!handle) {
    process.nextTick(cb);
    return;
  }
  const state = { chunk, flushFlag, cb, inOff: 0, availIn: chunk.byteLength, availOut: 0 };
  handle.req.oncomplete = (err, res) => onWritten(self, handle, state, err, res);
  submitWrite(self, handle, state);
}

function submitWrite(self, handle, state) {
  state.availOut = self._chunkSize - self._outOffset;
  binding.write(handle.req, handle.id, state.flushFlag, state.chunk, state.inOff, state.availIn,
                self._outBuffer, self._outOffset, state.availOut);
}

function onWritten(self, handle, state, err, res) {
  if (self.destroyed) {
    state.cb();
    return;
  }
  if (err) {
    const error = engineError(self, err);
    closeEngine(self);
    self.destroy(error);
    return;
  }
  const availInAfter = res[0];
  const availOutAfter = res[1];
  const inDelta = state.availIn - availInAfter;
  self.bytesWritten += inDelta;
  const out = takeOutput(self, state.availOut - availOutAfter, availOutAfter);
  const full = out !== null && !self.push(out);
  if (self.destroyed) {
    state.cb();
    return;
  }
  if (availOutAfter === 0) {
    // The output buffer filled up: more may come, from what is left of the input.
    state.inOff += inDelta;
    state.availIn = availInAfter;
    if (full) {
      self[kResume] = () => { if (self._handle === handle) submitWrite(self, handle, state); };
    } else {
      submitWrite(self, handle, state);
    }
    return;
  }
  if (availInAfter > 0) {
    // Room left and input unread: the compressed stream ended before the input
    // did (data after a deflate stream's end is ignored).
    self.push(null);
  }
  state.cb();
}

module.exports = {
  ZlibBase, checkFiniteNumber, checkRangesOrGetDefault, engineError, kMaxLength,
  processChunkSync,
};
