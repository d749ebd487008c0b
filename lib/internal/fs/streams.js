'use strict';
// fs.ReadStream and fs.WriteStream: stream.Readable/Writable over a file. The fd is
// opened in _construct; every _read is one read op on the ring (at an explicit
// offset when `start` was given, so a file shrinking under the stream just ends it),
// writes go through stream_writes.js (one op per chunk or batch, small chunks
// gathered into one write). The I/O
// goes to fs's functions (the binding directly while they are fs's own), to
// `options.fs` when given, or to a FileHandle.
// An op in flight holds back _destroy, so the fd is never closed under the kernel.

const {
  FunctionPrototypeCall, MathMin, ObjectDefineProperties, ObjectSetPrototypeOf, TypedArrayPrototypeSet,
  TypedArrayPrototypeSubarray,
} = primordials;

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { Readable, Writable, finished } = require('stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const { deprecate } = require('internal/util/promisify');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateInteger } = require('internal/validators');
const { getValidatedPath, getValidatedFd, getOptions } = require('internal/fs/utils');

// The largest read that goes to binding.readChunk (its largest block).
const kMaxChunkRead = 1024 * 1024;

const {
  FsIo, StreamRequest, handleIo, isFileHandle, fsExports, nativeRead, kIo, kBusy, kIoDone,
} = require('internal/fs/stream_io');
const { writeOne, writeMany, dropGather } = require('internal/fs/stream_writes');

// Options as a fresh object (a string is the encoding), so defaults never leak back;
// inherited options count, as in Node (for...in, not a spread).
function copyOptions(options) {
  const checked = getOptions(options, {});
  if (typeof options !== 'object' || options === null) return { ...checked };
  const copy = {};
  for (const key in options) copy[key] = options[key];
  return copy;
}

// What both streams share: the I/O source, the fd or the path, flags and mode.
function setUpFile(stream, path, options, ops, defaultFlags) {
  const fs = options.fs ?? fsExports;
  if (options.fs != null) {
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (op === 'write') {
        // writev may be left out (null or undefined), but then write is needed.
        if (fs.writev != null) validateFunction(fs.writev, 'options.fs.writev');
        if (typeof fs.writev === 'function') continue;
      }
      validateFunction(fs[op], `options.fs.${op}`);
    }
    if (options.flush === true) validateFunction(fs.fsync, 'options.fs.fsync');
  }
  const fd = options.fd;
  if (fd == null) {
    stream.fd = null;
    stream.path = getValidatedPath(path);
    stream[kIo] = new FsIo(fs);
  } else if (typeof fd === 'number') {
    // Node leaves `path` undefined when the stream is given an fd.
    stream.fd = getValidatedFd(fd);
    stream.path = undefined;
    stream[kIo] = new FsIo(fs);
  } else if (isFileHandle(fd)) {
    // A FileHandle does its own I/O: an fs to do it with is refused, as node does.
    if (options.fs != null) throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    stream.fd = fd.fd;
    stream.path = undefined;
    stream[kIo] = handleIo(fd);
    require('internal/fs/promises').refHandle(fd);
    // Closing the handle ends the stream, as closing its fd would.
    fd.on('close', () => stream.close());
  } else {
    throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], fd);
  }
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream[kBusy] = false;
  // autoClose is autoDestroy: a stream that is done closes its fd by being destroyed.
  options.autoDestroy = options.autoClose === undefined ? true : !!options.autoClose;
}

function construct(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  // An open() other than ours (on the stream or put on the prototype) opens it.
  if (this.open !== readStreamOpen && this.open !== writeStreamOpen) {
    constructByOpen(this, callback);
    return;
  }
  openFile(this, callback);
}

function openFile(stream, callback) {
  stream[kIo].open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) {
      callback(err);
      return;
    }
    stream.fd = fd;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

// Older libraries (graceful-fs among them) replace open() with their own, which
// sets fd and emits 'open' or 'error': the first of those ends construction.
function constructByOpen(stream, callback) {
  const emit = stream.emit;
  stream.emit = function(name, ...args) {
    if (name !== 'open' && name !== 'error') return FunctionPrototypeCall(emit, this, name, ...args);
    stream.emit = emit;
    if (name === 'error') {
      callback(args[0]);
      return true;
    }
    callback();
    return FunctionPrototypeCall(emit, this, name, ...args);
  };
  stream.open();
}

// The deprecated open(): opens the file again, outside of construction.
function deprecatedOpen() {
  openFile(this, (err) => {
    if (err) errorOrDestroy(this, err);
  });
}

// _destroy: wait for the op in flight (its buffer and fd belong to the kernel until
// it completes), then close the fd unless it is 0 (never close stdin by accident).
function destroyFile(err, cb) {
  if (this[kBusy]) this.once(kIoDone, (ioErr) => closeFile(this, err || ioErr, cb));
  else closeFile(this, err, cb);
}

function closeFile(stream, err, cb) {
  // No op is in flight: a closed stream keeps no copy buffer.
  dropGather(stream);
  const fd = stream.fd;
  if (!fd) {
    cb(err);
    return;
  }
  const io = stream[kIo];
  // fd is still set while fs.close (or fsync) is called, and null right after, as
  // in Node: a replaced fs.close sees the stream's fd.
  const close = () => {
    io.close(fd, (closeErr) => cb(err || closeErr));
    stream.fd = null;
  };
  if (stream.flush) io.fsync(fd, (syncErr) => { err ||= syncErr; close(); });
  else close();
}

// An op finished: if the stream was destroyed meanwhile, hand over to _destroy.
function ioDone(stream, err) {
  stream[kBusy] = false;
  if (!stream.destroyed) return false;
  stream.emit(kIoDone, err);
  return true;
}

function defineCommonAccessors(proto, stateKey) {
  ObjectDefineProperties(proto, {
    __proto__: null,
    pending: {
      __proto__: null, configurable: true, enumerable: false,
      get() { return this.fd === null; },
    },
    autoClose: {
      __proto__: null, configurable: true, enumerable: false,
      get() { return this[stateKey].autoDestroy; },
      set(v) { this[stateKey].autoDestroy = v; },
    },
  });
}

// ---- ReadStream ----

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyOptions(options);
  options.highWaterMark ??= 64 * 1024;
  setUpFile(this, path, options, ['open', 'read', 'close'], 'r');
  let { start, end } = options;
  if (start !== undefined) validateInteger(start, 'start', 0);
  if (end === undefined) {
    end = Infinity;
  } else if (end !== Infinity) {
    validateInteger(end, 'end', 0);
    if (start !== undefined && start > end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${end})`, start);
    }
  }
  this.start = start;
  this.end = end;
  this.pos = start;
  this.bytesRead = 0;
  FunctionPrototypeCall(Readable, this, options);
}
ObjectSetPrototypeOf(ReadStream.prototype, Readable.prototype);
ObjectSetPrototypeOf(ReadStream, Readable);
defineCommonAccessors(ReadStream.prototype, '_readableState');

ReadStream.prototype._construct = construct;
const readStreamOpen = deprecate(deprecatedOpen, 'ReadStream.prototype.open() is deprecated', 'DEP0135');
ReadStream.prototype.open = readStreamOpen;
ReadStream.prototype._destroy = destroyFile;

ReadStream.prototype._read = function(n) {
  if (this.end !== Infinity) {
    // `end` is inclusive; without `start` it counts from where reading began.
    const left = this.end + 1 - (this.pos !== undefined ? this.pos : this.bytesRead);
    n = MathMin(n, left);
  }
  if (n <= 0) {
    this.push(null);
    return;
  }
  this[kBusy] = true;
  readChunk(this, n, (err, chunk) => {
    if (ioDone(this, err)) return;
    if (err) {
      errorOrDestroy(this, err);
    } else if (chunk !== null) {
      if (this.pos !== undefined) this.pos += chunk.length;
      this.bytesRead += chunk.length;
      this.push(chunk);
    } else {
      this.push(null);
    }
  });
};

// Reads up to n bytes at the stream's position and calls back (err, chunk), null
// at the end. Over fs's own read, the binding reads into memory of its own and
// hands that over as the chunk (src/binding/fs/read_chunk.rs: blocks reused as
// soon as their chunks die, instead of a fresh buffer per chunk).
function readChunk(stream, n, cb) {
  const io = stream[kIo];
  if (n <= kMaxChunkRead && io instanceof FsIo && io.fs.read === nativeRead) {
    binding.readChunk(stream.fd, n, stream.pos ?? -1, new StreamRequest((err, ab) => {
      cb(err, ab === undefined ? null : new FastBuffer(ab));
    }));
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  io.read(stream.fd, buf, 0, n, stream.pos, (err, bytesRead) => {
    cb(err, !err && bytesRead > 0 ? shrink(buf, bytesRead) : null);
  });
}

// A short read keeps only what it got: a small chunk should not pin a big buffer.
function shrink(buf, n) {
  if (n === buf.length) return buf;
  if (n > buf.length >>> 1) return TypedArrayPrototypeSubarray(buf, 0, n);
  const copy = Buffer.allocUnsafeSlow(n);
  TypedArrayPrototypeSet(copy, TypedArrayPrototypeSubarray(buf, 0, n));
  return copy;
}

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

// ---- WriteStream ----

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyOptions(options);
  // Chunks reach _write as Buffers whatever was written.
  options.decodeStrings = true;
  setUpFile(this, path, options, ['open', 'write', 'close'], 'w');
  if (options.flush != null) validateBoolean(options.flush, 'options.flush');
  this.flush = options.flush === true;
  const { start } = options;
  if (start !== undefined) validateInteger(start, 'start', 0);
  this.start = start;
  this.pos = start;
  this.bytesWritten = 0;
  FunctionPrototypeCall(Writable, this, options);
  const io = this[kIo];
  if (io instanceof FsIo && typeof io.fs.writev !== 'function') this._writev = null;
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
ObjectSetPrototypeOf(WriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(WriteStream, Writable);
defineCommonAccessors(WriteStream.prototype, '_writableState');

WriteStream.prototype._construct = construct;
const writeStreamOpen = deprecate(deprecatedOpen, 'WriteStream.prototype.open() is deprecated', 'DEP0135');
WriteStream.prototype.open = writeStreamOpen;
WriteStream.prototype._destroy = destroyFile;

WriteStream.prototype._write = writeOne;
WriteStream.prototype._writev = writeMany;

// close(cb): finish what was written, then close (end(), not destroy(): pending
// writes are not thrown away). With autoClose off, 'finish' still closes.
WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = { ReadStream, WriteStream };
