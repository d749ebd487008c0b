'use strict';
// fs.promises: each call is one binding call (to the ring, or inline without an opcode)
// settled at its completion; FileHandle wraps an fd (a port can take it:
// internal/fs/handle_transfer.js); writeFile chains them, and so do the calls over a
// tree (internal/fs/promises_tree.js: mkdir -p, readdir -r, rm -r).

const {
  ArrayBufferIsView, FunctionPrototypeCall, ArrayPrototypePush, MathMax, MathMin,
  ObjectAssign, ObjectDefineProperty, ObjectKeys, PromisePrototypeThen, PromiseReject,
  PromiseResolve, ReflectApply, StringPrototypeIncludes, SymbolAsyncIterator,
  SymbolIterator, TypedArrayPrototypeSubarray,
} = primordials;

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const EventEmitter = require('events');
const { hostThis } = require('internal/worker/js_transferable');
const { AbortError, codes: {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_FS_FILE_TOO_LARGE,
  ERR_METHOD_NOT_IMPLEMENTED, ERR_INVALID_STATE, ERR_INTERNAL_ASSERTION,
} } = require('internal/errors');
const {
  validateFunction, validateInteger, validateAbortSignal, validateObject, kValidateObjectAllowNullable,
} = require('internal/validators');
const {
  constants, kIoMaxLength, kMaxFileLength, stringToFlags, parseFileMode, getValidatedPath,
  getValidatedFd, getOptions, lenientPosition, validateWriteRange, writeEncoding, stringWriteBytes, validateOffsetLengthRead,
  validateBufferArray, getValidMode, validateOwner,
  validateSymlinkType, wantsBigint, validateFlush, PromiseRequest, getStatsFromBinding, statsFromValues, bigintStatsFromFields, getStatFsFromBinding, warnOnNonPortableTemplate, encodePath,
  toUnixTimestamp,
} = require('internal/fs/utils');
const {
  call, mkdir, mkdirp, readdir, rm, rmdir, rmdirRecursive,
} = require('internal/fs/promises_tree');

function checkAborted(signal) { if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason }); }

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');
const kRefs = Symbol('kRefs');

// A FileHandle counts the operations in flight on it (plus one for being open):
// close() takes that one away and the fd is closed when the count reaches zero,
// so an operation started before close() still completes on the right file and
// the fd number is never reused under it. As in Node, 'close' is emitted by the
// close() call itself.
class FileHandle extends EventEmitter {
  constructor(fd) {
    // A host object, which V8's serializer gives to a port's transfer hook.
    const self = hostThis(new.target);
    FunctionPrototypeCall(EventEmitter.init, self);
    self.close = closeHandle; // an own property, as in Node (which is how it prints)
    self[kFd] = fd;
    self[kRefs] = 1;
    self[kClosePromise] = null;
    unclosed.register(self, fd, self);
    return self;
  }
  get fd() { return this[kFd]; }
  async [Symbol.asyncDispose]() { return await this.close(); }

  read(buffer, offset, length, position) {
    return useHandle(this, 'read', (fd) => read(fd, buffer, offset, length, position));
  }
  readv(buffers, position) { return useHandle(this, 'readv', (fd) => readv(fd, buffers, position)); }
  write(buffer, offsetOrOptions, length, position) {
    return useHandle(this, 'write', (fd) => write(fd, buffer, offsetOrOptions, length, position));
  }
  writev(buffers, position) { return useHandle(this, 'writev', (fd) => writev(fd, buffers, position)); }
  readFile(options) {
    return useHandle(this, 'readFile', (fd) => readFileFd(fd, getOptions(options, { encoding: null })));
  }
  writeFile(data, options) {
    return useHandle(this, 'writeFile', (fd) => writeFileFd(fd, data, getOptions(options, { encoding: 'utf8' }), true));
  }
  appendFile(data, options) { return this.writeFile(data, options); }
  stat(options) {
    return useHandle(this, 'fstat', async (fd) =>
      getStatsFromBinding(await call('fstat', fd, wantsBigint(options)), wantsBigint(options)));
  }
  truncate(len = 0) { return useHandle(this, 'ftruncate', (fd) => call('ftruncate', fd, validateLen(len))); }
  sync() { return useHandle(this, 'fsync', (fd) => call('fsync', fd)); }
  datasync() { return useHandle(this, 'fdatasync', (fd) => call('fdatasync', fd)); }
  chmod(mode) { return useHandle(this, 'fchmod', (fd) => call('fchmod', fd, parseFileMode(mode, 'mode'))); }
  chown(uid, gid) { return useHandle(this, 'fchown', (fd) => call('fchown', fd, ...validateOwner(uid, gid))); }
  utimes(atime, mtime) {
    return useHandle(this, 'futimes', (fd) =>
      call('futimes', fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')));
  }
  createReadStream(options) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }
  createWriteStream(options) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }
  readableWebStream(options = {}) {
    const closing = this[kFd] === -1 || this[kClosePromise] !== null;
    return require('internal/webstreams/adapters').readableWebStreamOf(this, closing, options);
  }
  readLines(options) {
    const { createInterface } = require('readline');
    return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }
}
require('internal/fs/handle_transfer').install(FileHandle, kFd, kRefs, kClosePromise, (handle) => unclosed.unregister(handle));

// A FileHandle collected while its fd is open: as node does, the fd is closed then,
// with a warning each time and DEP0137 once. The registry holds the fd, not the handle.
const unclosed = new FinalizationRegistry(closeCollected);
let collectedWarned = false;
function closeCollected(fd) {
  try {
    binding.close(fd);
  } catch {
    // Closed behind the handle's back (fs.closeSync(fh.fd)): nothing left to do.
  }
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  if (!collectedWarned) {
    collectedWarned = true;
    process.emitWarning('Closing a FileHandle object on garbage collection is deprecated. ' +
      'Please close FileHandle objects explicitly using FileHandle.prototype.close(). In the ' +
      'future, an error will be thrown if a file descriptor is closed during garbage collection.',
    'DeprecationWarning', 'DEP0137');
  }
}

// Runs fn(fd) as one operation on the handle; `syscall` names it in the error
// for a closed handle. The check and the count happen synchronously. Called on
// something that is not a FileHandle, it rejects as Node's does.
async function useHandle(handle, syscall, fn) {
  if (handle === null || typeof handle !== 'object' || handle[kRefs] === undefined) {
    throw new ERR_INTERNAL_ASSERTION('handle must be an instance of FileHandle');
  }
  const fd = handle[kFd];
  if (fd === -1) {
    const err = new Error('file closed');
    ObjectAssign(err, { code: 'EBADF', syscall });
    throw err;
  }
  handle[kRefs]++;
  try {
    return await fn(fd);
  } finally {
    unrefHandle(handle);
  }
}

const kCloseSettle = Symbol('kCloseSettle');

function closeHandle() {
  if (this[kFd] === -1) return PromiseResolve();
  if (this[kClosePromise]) return this[kClosePromise];
  if (--this[kRefs] === 0) {
    this[kClosePromise] = closeFd(this);
  } else {
    this[kClosePromise] = new Promise((resolve, reject) => {
      this[kCloseSettle] = [resolve, reject];
    });
  }
  this.emit('close');
  return this[kClosePromise];
}
ObjectDefineProperty(closeHandle, 'name', { __proto__: null, value: 'close' });

function closeFd(handle) {
  const fd = handle[kFd];
  handle[kFd] = -1;
  unclosed.unregister(handle);
  // then(), not finally(): finally() looks up a user-replaceable then.
  const closed = () => {
    handle[kClosePromise] = null;
  };
  return PromisePrototypeThen(call('close', fd), closed, (err) => {
    closed();
    throw err;
  });
}

// A stream reading or writing through the handle holds it as an operation would, from
// its start until it closes the handle: so the handle cannot be transferred meanwhile.
function refHandle(handle) {
  handle[kRefs]++;
}

// The end of one operation; the last one out closes a handle close() waits for.
function unrefHandle(handle) {
  if (--handle[kRefs] === 0 && handle[kCloseSettle]) {
    const [resolve, reject] = handle[kCloseSettle];
    handle[kCloseSettle] = undefined;
    PromisePrototypeThen(closeFd(handle), resolve, reject);
  }
}

function validateLen(len) { validateInteger(len, 'len'); return MathMax(0, len); }

// ---- read / write on an fd ----
// FileHandle.read(buffer, offset, length, position) | read(buffer, options) | read(options)
async function read(fd, buffer, offset, length, position) {
  if (!ArrayBufferIsView(buffer)) {
    if (buffer !== undefined) validateObject(buffer, 'options', kValidateObjectAllowNullable);
    ({ buffer = Buffer.alloc(16384), offset = 0, length, position = null } = buffer ?? {});
    if (!ArrayBufferIsView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
  }
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length, position = null } = offset);
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { bytesRead: 0, buffer };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  validateInteger(length, 'length', 0);
  const bytesRead = await call('read', fd, buffer, offset, length, lenientPosition(position));
  return { bytesRead, buffer };
}

async function readv(fd, buffers, position) {
  validateBufferArray(buffers);
  const bytesRead = await call('readBuffers', fd, buffers, lenientPosition(position));
  return { bytesRead, buffers };
}

async function write(fd, buffer, offset, length, position) {
  if (ArrayBufferIsView(buffer)) {
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    [offset, length] = validateWriteRange(offset, length, buffer.byteLength);
    if (length === 0) return { bytesWritten: 0, buffer };
    const bytesWritten = await call('writeBuffer', fd, buffer, offset, length, lenientPosition(position));
    return { bytesWritten, buffer };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // write(fd, string[, position[, encoding]])
  const bytes = stringWriteBytes(buffer, length);
  const bytesWritten = await call('writeBuffer', fd, bytes, 0, bytes.length, lenientPosition(offset));
  return { bytesWritten, buffer };
}

async function writev(fd, buffers, position) {
  validateBufferArray(buffers);
  if (buffers.length === 0) return { bytesWritten: 0, buffers };
  const bytesWritten = await call('writeBuffers', fd, buffers, lenientPosition(position));
  return { bytesWritten, buffers };
}

// A whole file from an fd: its size, then reads to that size or EOF; no size: chunks.
async function readFileFd(fd, options) {
  const { signal } = options;
  checkAborted(signal);
  const st = await call('fstat', fd, false);
  const size = (st[1] & constants.S_IFMT) === constants.S_IFREG ? st[8] : 0;
  if (size > kMaxFileLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  let buffer;
  if (size > 0) {
    buffer = Buffer.allocUnsafeSlow(size);
    let filled = 0;
    while (filled < size) {
      checkAborted(signal);
      const n = await call('read', fd, buffer, filled, size - filled, -1);
      if (n === 0) break;
      filled += n;
    }
    if (filled < size) buffer = TypedArrayPrototypeSubarray(buffer, 0, filled);
  } else {
    const chunks = [];
    let total = 0;
    for (;;) {
      checkAborted(signal);
      const chunk = Buffer.allocUnsafeSlow(65536);
      const n = await call('read', fd, chunk, 0, chunk.length, -1);
      if (n === 0) break;
      ArrayPrototypePush(chunks, n === chunk.length ? chunk : TypedArrayPrototypeSubarray(chunk, 0, n));
      total += n;
      if (total > kMaxFileLength) throw new ERR_FS_FILE_TOO_LARGE(total);
    }
    buffer = Buffer.concat(chunks, total);
  }
  // Like Node, 'buffer' passes validation but is no encoding toString() knows.
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

// readFile's request with a signal or an encoding: its fields carry what the completion needs.
class ReadFileRequest extends PromiseRequest {
  constructor(path, flags, options) {
    super();
    this.path = path;
    this.flags = flags;
    this.options = options;
  }
  oncomplete(err, bytes) {
    if (err) return this.reject(err);
    const { options } = this;
    // Node checks the signal between its steps; an abort while the op ran rejects.
    if (options.signal?.aborted) return this.reject(new AbortError(undefined, { cause: options.signal.reason }));
    // undefined: past 2 GiB; the steps one by one measure the file and refuse it.
    if (bytes === undefined) return this.resolve(readFileSteps(this.path, this.flags, options));
    const buffer = new FastBuffer(bytes);
    try {
      this.resolve(options.encoding ? buffer.toString(options.encoding) : buffer);
    } catch (e) {
      this.reject(e);
    }
  }
}

// readFile's value from the binding: the bytes, or the path past 2 GiB (measured, refused).
function readFileResult(bytes) {
  if (typeof bytes === 'string') return readFileSteps(bytes, constants.O_RDONLY, kReadFileDefaults);
  return new FastBuffer(bytes);
}

// One op: open, read to the end, close (a linked chain on io_uring). readFile(aString)
// goes straight to the binding, in a function under V8's 81 bytes of bytecode for early
// optimization (docs/fs.md, "readFile compiled inside the timed pass").
function readFile(path, options) {
  if (options === undefined && typeof path === 'string' && !StringPrototypeIncludes(path, '\u0000')) {
    return binding.readFile(path, constants.O_RDONLY, 0o666, readFileResult);
  }
  return readFileChecked(path, options);
}

function readFileChecked(path, options) {
  try {
    options = getOptions(options, kReadFileDefaults);
    if (path instanceof FileHandle) return readFileFd(getValidatedFd(path.fd), options);
    const flags = stringToFlags(options.flag);
    checkAborted(options.signal);
    path = getValidatedPath(path);
    // Settled from Rust with no request object: no signal to check, nothing to decode.
    if (options.signal == null && !options.encoding && flags === constants.O_RDONLY) {
      return binding.readFile(path, flags, 0o666, readFileResult);
    }
    const req = new ReadFileRequest(path, flags, options);
    binding.readFile(path, flags, 0o666, req);
    return req.promise;
  } catch (err) {
    return PromiseReject(err);
  }
}
const kReadFileDefaults = { __proto__: null, flag: 'r', encoding: null };

async function readFileSteps(path, flags, options) {
  const fd = await call('open', path, flags, 0o666);
  try {
    return await readFileFd(fd, options);
  } finally {
    await call('close', fd);
  }
}

function isIterable(data) {
  return data != null && typeof data === 'object' &&
    (typeof data[SymbolAsyncIterator] === 'function' || typeof data[SymbolIterator] === 'function');
}

// With a signal, writeFile writes 512 KiB at a time and looks at the signal before and
// after each write, as node does (so an abort during a big write is seen).
const kSignalledChunk = 512 * 1024;

// Writes all of `bytes` at the file position, looping over short writes.
async function writeAll(fd, bytes, signal) {
  const most = signal === undefined ? kIoMaxLength : kSignalledChunk;
  let off = 0;
  checkAborted(signal);
  while (off < bytes.byteLength) {
    off += await call('writeBuffer', fd, bytes, off, MathMin(bytes.byteLength - off, most), -1);
    checkAborted(signal);
  }
}

async function writeFileFd(fd, data, options, fromHandle = false) {
  const { signal, encoding } = options;
  checkAborted(signal);
  if (typeof data === 'string') return await writeAll(fd, Buffer.from(data, encoding || 'utf8'), signal);
  if (ArrayBufferIsView(data)) {
    return await writeAll(fd, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), signal);
  }
  if (isIterable(data)) {
    for await (const chunk of data) {
      // Anything else Buffer.from turns into bytes (or refuses, with its error).
      const bytes = ArrayBufferIsView(chunk) ? chunk : Buffer.from(chunk, encoding || 'utf8');
      await writeAll(fd, bytes, signal);
    }
    return;
  }
  throw new ERR_INVALID_ARG_TYPE('data',
    ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (path instanceof FileHandle) return await writeFileFd(path.fd, data, options);
  if (typeof data !== 'string' && !ArrayBufferIsView(data) && !isIterable(data)) {
    throw new ERR_INVALID_ARG_TYPE('data',
      ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const flush = validateFlush(options);
  const flags = stringToFlags(options.flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  checkAborted(options.signal);
  const fd = await call('open', getValidatedPath(path), flags, mode);
  try {
    await writeFileFd(fd, data, options);
    if (flush) await call('fsync', fd);
  } finally {
    await call('close', fd);
  }
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  return await writeFile(path, data, { ...options, flag: options.flag || 'a' });
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const fd = await call('open', path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
  return new FileHandle(fd);
}

// A stat returns the binding's promise: the completion settles it from Rust, with
// the Stats made by statsFromValues (no request object, closure or await per call);
// bad arguments still reject, not throw.
function statPromise(kind, path, options) {
  try {
    const bigint = wantsBigint(options);
    return binding[kind](getValidatedPath(path), bigint, bigint ? bigintStatsFromFields : statsFromValues);
  } catch (err) {
    return PromiseReject(err);
  }
}
// fs.promises.stat and lstat are the binding's own functions: the common call (a
// string path of ASCII characters without NUL, no options) makes its op and promise
// there, any other comes back to statPromise. A hot caller's optimized code then
// inlines one API call, and nothing of lib/ has to warm up.
const stat = binding.statPromise;
const lstat = binding.lstatPromise;
binding.setStatFallback(statPromise);
ObjectDefineProperty(stat, 'name', { __proto__: null, value: 'stat' });
ObjectDefineProperty(lstat, 'name', { __proto__: null, value: 'lstat' });
ObjectDefineProperty(stat, 'length', { __proto__: null, value: 1 });
ObjectDefineProperty(lstat, 'length', { __proto__: null, value: 1 });

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(await call('statfs', path, wantsBigint(options)));
}

async function access(path, mode = undefined) {
  path = getValidatedPath(path);
  return await call('access', path, getValidMode(mode, 0, 7, constants.F_OK));
}

async function truncate(path, len = 0) {
  const fd = await call('open', getValidatedPath(path), constants.O_RDWR, 0o666);
  try {
    await call('ftruncate', fd, validateLen(len));
  } finally {
    await call('close', fd);
  }
}

async function readlink(path, options) {
  options = getOptions(options, {});
  return encodePath(await call('readlink', getValidatedPath(path)), options);
}
async function realpath(path, options) {
  options = getOptions(options, {});
  return encodePath(await call('realpathAsync', getValidatedPath(path)), options);
}
async function mkdtemp(prefix, options) {
  options = getOptions(options, {});
  return encodePath(await call('mkdtemp', warnOnNonPortableTemplate(getValidatedPath(prefix, 'prefix'))), options);
}
async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return await call('copyFile', src, dest, getValidMode(mode, 0, 7, 0));
}

const fsPromises = {
  access, copyFile, cp: async function cp(src, dest, options) { return await require('internal/fs/cp').cpPromise(src, dest, options); },
  open, opendir: (path, options, callback) => require('internal/fs/dir').opendirPromise(path, options),
  rename: (from, to) => call('rename', getValidatedPath(from, 'oldPath'), getValidatedPath(to, 'newPath')),
  truncate, rm, rmdir, mkdir, readdir, readlink,
  symlink: (target, path, type) => {
    validateSymlinkType(type);
    return call('symlink', getValidatedPath(target, 'target'), getValidatedPath(path));
  },
  lstat, stat, statfs,
  link: (existing, newPath) => call('link', getValidatedPath(existing, 'existingPath'),
    getValidatedPath(newPath, 'newPath')),
  unlink: (path) => call('unlink', getValidatedPath(path)),
  chmod: (path, mode) => call('chmod', getValidatedPath(path), parseFileMode(mode, 'mode')),
  lchmod: (path, mode) => PromiseReject(new ERR_METHOD_NOT_IMPLEMENTED('lchmod()')),
  lchown: (path, uid, gid) => call('lchown', getValidatedPath(path), ...validateOwner(uid, gid)),
  chown: (path, uid, gid) => call('chown', getValidatedPath(path), ...validateOwner(uid, gid)),
  utimes: (path, atime, mtime) => call('utimes', getValidatedPath(path), toUnixTimestamp(atime),
    toUnixTimestamp(mtime)),
  lutimes: (path, atime, mtime) => call('lutimes', getValidatedPath(path), toUnixTimestamp(atime),
    toUnixTimestamp(mtime)),
  realpath, mkdtemp, writeFile, appendFile, readFile,
  watch: async function* _watch(filename, options = undefined) { return yield* require('internal/fs/watchers').watchPromise(filename, options); },
  constants,
};

// Every promise function validates synchronously but reports through the promise.
// (`return await`, in these async functions: returning a promise would look up its
// `then`, which a user may have replaced; a pending promise settles on the same tick.)
const names = ObjectKeys(fsPromises);
for (let i = 0; i < names.length; i++) {
  const name = names[i];
  const fn = fsPromises[name];
  // stat, lstat and readFile return the binding's promise themselves (settled from
  // Rust, errors rejected, never thrown): an async wrapper would add a promise and
  // an await to every call.
  if (typeof fn !== 'function' || name === 'watch' || name === 'stat' || name === 'lstat' ||
      name === 'readFile' || name === 'opendir' || fn.constructor.name === 'AsyncFunction') continue;
  fsPromises[name] = {
    async [name](...args) { return await ReflectApply(fn, undefined, args); },
  }[name];
  ObjectDefineProperty(fsPromises[name], 'length', { __proto__: null, value: fn.length }); // node's lengths
}

module.exports = {
  fsPromises, FileHandle, call, read, readv, write, writev, readFile, writeFile, appendFile,
  readFileFd, writeAll, refHandle, unrefHandle, mkdirp, readdir, rm, rmdir, rmdirRecursive, truncate, copyFile, mkdtemp, realpath, readlink,
  checkAborted, validateFunction, validateAbortSignal, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE,
};
