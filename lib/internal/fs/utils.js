'use strict';
// Shared pieces of fs: argument validation with Node's error codes, open-flag and
// mode parsing, fs.constants, Stats/BigIntStats built from the binding's 18 numbers,
// Dirent, and the request objects that carry a completion back from the ring.

const {
  ArrayBufferIsView, ArrayIsArray, ArrayPrototypeMap, MathRound, MathTrunc, NumberIsFinite,
  NumberIsSafeInteger, ObjectFreeze, ObjectIs, ObjectPrototypeHasOwnProperty, ObjectSetPrototypeOf,
  StringPrototypeIncludes, StringPrototypeToLowerCase, TypedArrayPrototypeIncludes,
} = primordials;

const { Buffer } = require('buffer');
const pathModule = require('path');

const binding = internalBinding('fs');
const { codes: {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_FS_INVALID_SYMLINK_TYPE,
  ERR_FS_EISDIR,
} } = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInt32, validateInteger, validateUint32, validateObject,
} = require('internal/validators');

// Linux x86-64 values (the numbers libc uses; Node publishes the same).
const constants = ObjectFreeze({
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0, EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o40000, S_IFCHR: 0o20000,
  S_IFBLK: 0o60000, S_IFIFO: 0o10000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000,
  O_CREAT: 0o100, O_EXCL: 0o200, UV_FS_O_FILEMAP: 0, O_NOCTTY: 0o400, O_TRUNC: 0o1000,
  O_APPEND: 0o2000, O_DIRECTORY: 0o200000, O_NOATIME: 0o1000000, O_NOFOLLOW: 0o400000,
  O_SYNC: 0o4010000, O_DSYNC: 0o10000, O_DIRECT: 0o40000, O_NONBLOCK: 0o4000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10,
  S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
});
const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC } = constants;

// Node caps a single read or write at 2 GiB - 1, and whole-file reads at 2 GiB.
const kIoMaxLength = 2 ** 31 - 1;
const kMaxFileLength = 2 ** 31 - 1;

const flagTable = {
  'r': O_RDONLY, 'rs': O_RDONLY | O_SYNC, 'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR, 'rs+': O_RDWR | O_SYNC, 'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY, 'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR, 'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY, 'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL, 'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR, 'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  const f = flagTable[flags];
  if (f === undefined || !ObjectPrototypeHasOwnProperty(flagTable, flags)) {
    throw new ERR_INVALID_ARG_VALUE(name, flags);
  }
  return f;
}

const octalRe = /^[0-7]+$/;
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octalRe.test(value)) {
      throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value & 0o7777;
}

function isURL(v) {
  return v != null && typeof v.href === 'string' && typeof v.protocol === 'string' &&
    v.auth === undefined && v.path === undefined;
}

// A path argument as the binding takes it: a string or a Buffer, URLs converted.
function getValidatedPath(path, name = 'path') {
  if (isURL(path)) path = require('internal/url').fileURLToPath(path);
  if (typeof path !== 'string' && !(path instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  const hasNul = typeof path === 'string' ? StringPrototypeIncludes(path, '\u0000') :
    TypedArrayPrototypeIncludes(path, 0);
  if (hasNul) {
    throw new ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function toPathString(path) {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

function getValidatedFd(fd, name = 'fd') {
  if (ObjectIs(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

function getOptions(options, defaults) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    assertEncoding(options);
    return { ...defaults, encoding: options };
  }
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== undefined && options.encoding !== null) assertEncoding(options.encoding);
  if (options.signal !== undefined) require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
  return { ...defaults, ...options };
}

function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// A read position (fs.read, fs.readSync): null/undefined mean "the file's
// position"; numbers must be safe integers >= -1, BigInts fit in 64 bits.
function validatePosition(position, name = 'position') {
  if (position == null) return -1;
  if (typeof position === 'bigint') {
    if (position < -(2n ** 63n) || position > 2n ** 63n - 1n) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
    return position;
  }
  if (typeof position !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
  validateInteger(position, name, -1);
  return position;
}

// Writes, readv and FileHandle reads take a position only when it is a
// non-negative safe integer; anything else (BigInt included) means the file's
// position, without an error. That is what Node 20 does.
function lenientPosition(position) {
  return typeof position === 'number' && NumberIsSafeInteger(position) && position >= 0 ? position : -1;
}

// offset/length for a write from a buffer: a non-number length means "to the end".
function validateWriteRange(offset, length, byteLength) {
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  if (typeof length !== 'number') length = byteLength - offset;
  validateOffsetLengthWrite(offset, length, byteLength);
  return [offset, length];
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

// offset/length for a read into `buffer` (fs.read, readSync); null when there is
// nothing to read (a zero length, after Node's `length | 0`).
function validateReadRange(buffer, offset, length) {
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return null;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  return [offset, length];
}

// A string's encoding for write(): Node falls back to UTF-8 for unknown names.
function writeEncoding(encoding) {
  return typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
}

// The bytes fs.write(fd, string, position, encoding) writes. Node refuses hex of
// odd length here (elsewhere the last half byte is dropped).
function stringWriteBytes(string, encoding) {
  encoding = writeEncoding(encoding);
  if (string.length % 2 !== 0 && StringPrototypeToLowerCase(encoding) === 'hex') {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${string.length}`);
  }
  return Buffer.from(string, encoding);
}

// access() and copyFile() modes. Node checks these natively, so its errors carry
// plain messages (no "The value of ..." phrasing); fractions are truncated.
function getValidMode(mode, min, max, def) {
  if (mode == null) return def;
  if (typeof mode !== 'number') {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  }
  if (!NumberIsFinite(mode)) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range');
  mode = MathTrunc(mode);
  if (mode < min || mode > max) {
    throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', `mode is out of range: >= ${min} && <= ${max}`);
  }
  return mode;
}

function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateBufferArray(buffers, name = 'buffers') {
  if (!ArrayIsArray(buffers)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (let i = 0; i < buffers.length; i++) {
    if (!ArrayBufferIsView(buffers[i])) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

// The async context fs callbacks run in (captured only once async_hooks is used).
const asyncContext = require('internal/async_context');
const asyncState = asyncContext.state;

// A request whose completion calls `cb(err, value)`.
// The callback runs with `this` undefined and, as in Node, with the error alone
// when the call failed or has no value.
class FSReqCallback {
  constructor(callback) {
    this.callback = callback;
    this.frame = asyncState.active ? asyncContext.capture('FSREQCALLBACK', this) : undefined;
  }
  oncomplete(err, value) {
    const callback = this.callback;
    const frame = this.frame;
    if (frame === undefined) {
      if (err || value === undefined) callback(err);
      else callback(err, value);
      return;
    }
    const prev = asyncContext.enter(frame);
    let completed = false;
    try {
      if (err || value === undefined) callback(err);
      else callback(err, value);
      completed = true;
    } finally {
      asyncContext.finish(frame, prev, true, completed);
    }
  }
}
require('internal/process/active_resources').addRequestKind(FSReqCallback, 'FSReqCallback');

// A request settled as a promise. A class with a prototype method costs V8 less per
// request than a fresh closure for oncomplete (this is fs.promises' hot path).
class PromiseRequest {
  constructor() {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  oncomplete(err, value) {
    if (err) this.reject(err);
    else this.resolve(value);
  }
}

// [req, promise] for one binding call.
function promiseRequest() {
  const req = new PromiseRequest();
  return [req, req.promise];
}

// ---- Stats ----
const kNsPerMs = 1000000;

function msFromParts(sec, nsec) {
  return sec * 1e3 + nsec / 1e6;
}

function dateFromMs(ms) {
  return new Date(MathRound(Number(ms)));
}

class StatsBase {
  isDirectory() { return this._checkModeProperty(constants.S_IFDIR); }
  isFile() { return this._checkModeProperty(constants.S_IFREG); }
  isBlockDevice() { return this._checkModeProperty(constants.S_IFBLK); }
  isCharacterDevice() { return this._checkModeProperty(constants.S_IFCHR); }
  isSymbolicLink() { return this._checkModeProperty(constants.S_IFLNK); }
  isFIFO() { return this._checkModeProperty(constants.S_IFIFO); }
  isSocket() { return this._checkModeProperty(constants.S_IFSOCK); }
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev; this.mode = mode; this.nlink = nlink; this.uid = uid; this.gid = gid;
  this.rdev = rdev; this.blksize = blksize; this.ino = ino; this.size = size; this.blocks = blocks;
  this.atimeMs = atimeMs; this.mtimeMs = mtimeMs; this.ctimeMs = ctimeMs; this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs); this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs); this.birthtime = dateFromMs(birthtimeMs);
}
ObjectSetPrototypeOf(Stats.prototype, StatsBase.prototype);
// Node gives Stats its own isFile (a fast path); the others come from StatsBase.
Stats.prototype.isFile = function isFile() {
  return (this.mode & constants.S_IFMT) === constants.S_IFREG;
};
Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & constants.S_IFMT) === property;
};

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  this.dev = dev; this.mode = mode; this.nlink = nlink; this.uid = uid; this.gid = gid;
  this.rdev = rdev; this.blksize = blksize; this.ino = ino; this.size = size; this.blocks = blocks;
  this.atimeMs = atimeNs / 1000000n; this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n; this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs; this.mtimeNs = mtimeNs; this.ctimeNs = ctimeNs; this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs); this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs); this.birthtime = dateFromMs(this.birthtimeMs);
}
ObjectSetPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(constants.S_IFMT)) === BigInt(property);
};

// The binding's array of 18 fields (stat.rs) as Stats or BigIntStats.
function getStatsFromBinding(f, bigint = false) {
  if (bigint) {
    const ns = (i) => f[i] * 1000000000n + f[i + 1];
    return new BigIntStats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
      ns(10), ns(12), ns(14), ns(16));
  }
  return new Stats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
    msFromParts(f[10], f[11]), msFromParts(f[12], f[13]),
    msFromParts(f[14], f[15]), msFromParts(f[16], f[17]));
}

// fs.promises.stat's completion writes its 14 numbers (stat.rs) here, makes the four
// Dates (`new Date` is a C++ builtin in V8 10.2) and calls statsFromValues with them:
// a Stats (same prototype and name, own keys in the same order), no array per call. A
// whole number goes in as a Smi: a Float64Array's element is read as a heap number, and
// a field that starts as one gets a box of its own in every Stats.
const statValues = new Float64Array(14);
const int = (x) => ((x | 0) === x ? x | 0 : x);
const StatsOfValues = function Stats(atime, mtime, ctime, birthtime) {
  const f = statValues;
  this.dev = int(f[0]); this.mode = int(f[1]); this.nlink = int(f[2]); this.uid = int(f[3]); this.gid = int(f[4]);
  this.rdev = int(f[5]); this.blksize = int(f[6]); this.ino = int(f[7]); this.size = int(f[8]); this.blocks = int(f[9]);
  this.atimeMs = f[10]; this.mtimeMs = f[11]; this.ctimeMs = f[12]; this.birthtimeMs = f[13];
  this.atime = atime; this.mtime = mtime; this.ctime = ctime; this.birthtime = birthtime;
};
StatsOfValues.prototype = Stats.prototype;
const statsFromValues = (atime, mtime, ctime, birthtime) => new StatsOfValues(atime, mtime, ctime, birthtime);
binding.setStatValues(statValues, statsFromValues);
const bigintStatsFromFields = (f) => getStatsFromBinding(f, true);
// The last argument of a binding call that returns a promise (no map function).
const kUsePromises = Symbol('fs_use_promises_symbol');

// ---- Dirent ----
const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

// readdir's [names, types] as Node returns it for the given options. A name that
// is not UTF-8 comes from the binding as an ArrayBuffer of its bytes.
function readdirResult([names, types], path, options) {
  const asBuffer = options.encoding === 'buffer';
  const name = (n) => (asBuffer ? Buffer.from(n) :
    (typeof n !== 'string' || (options.encoding && options.encoding !== 'utf8' && options.encoding !== 'utf-8')) ?
      Buffer.from(n).toString(options.encoding || 'utf8') : n);
  if (!options.withFileTypes) return ArrayPrototypeMap(names, name);
  const dir = toPathString(path);
  return ArrayPrototypeMap(names, (n, i) => new Dirent(name(n), types[i], dir));
}

// A path from the binding (a string, or an ArrayBuffer when it is not UTF-8) in
// the encoding asked for.
function encodePath(p, options) {
  const enc = options?.encoding;
  if (typeof p !== 'string' && enc !== 'buffer') return Buffer.from(p).toString(enc || 'utf8');
  if (!enc || enc === 'utf8' || enc === 'utf-8') return p;
  return enc === 'buffer' ? Buffer.from(p) : Buffer.from(p).toString(enc);
}

// A directory entry's path for further fs calls. Names that are not UTF-8 keep
// their bytes: the path becomes a Buffer.
function childPath(dir, name) {
  if (typeof dir === 'string' && typeof name === 'string') return pathModule.join(dir, name);
  const d = Buffer.from(dir);
  const sep = d[d.length - 1] === 0x2f ? [] : [0x2f];
  return Buffer.concat([d, Buffer.from(sep), Buffer.from(name)]);
}

// Whether a path names a directory, following symlinks (readdir -r's names mode).
function isDirectoryPath(p) {
  if (typeof p === 'string') return binding.internalModuleStat(p) === 1;
  try {
    return (binding.stat(p, false)[1] & constants.S_IFMT) === constants.S_IFDIR;
  } catch {
    return false;
  }
}

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (typeof time === 'number' && NumberIsFinite(time)) {
    return time < 0 ? Date.now() / 1000 : time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function validateRetryOptions(options) {
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
}

// rm's options, all checked even when unused (as Node does).
function validateRmOptions(options) {
  if (options !== undefined) validateObject(options, 'options');
  options = { force: false, recursive: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.recursive, 'options.recursive');
  validateRetryOptions(options);
  return options;
}

let rmdirRecursiveWarned = false;
// Node warns about `recursive` before it validates anything.
function validateRmdirOptions(options) {
  if (options?.recursive && !rmdirRecursiveWarned) {
    rmdirRecursiveWarned = true;
    process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be ' +
      'removed. Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
  }
  if (options !== undefined) validateObject(options, 'options');
  options = { recursive: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateRetryOptions(options);
  return options;
}

// chown's ids: -1 means "leave unchanged".
function validateOwner(uid, gid) {
  validateInteger(uid, 'uid', -1, 2 ** 32 - 1);
  validateInteger(gid, 'gid', -1, 2 ** 32 - 1);
  return [uid, gid];
}

function validateSymlinkType(type) {
  if (type != null && type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
}

// writeFile's `flush` (fsync before close): a boolean when given.
function validateFlush(options) {
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  return flush;
}

// fs's own open/read/write/writev/fsync/close, filled in by lib/fs.js: the streams
// call straight into the binding while fs's exports are still these, and the
// exports (a user's replacement) once they are not, as Node's streams call them.
const nativeFsCalls = { __proto__: null };

// Node warns once per process when a mkdtemp() template ends in X: platforms
// differ on whether those X are replaced too.
let nonPortableTemplateWarned = false;
function warnOnNonPortableTemplate(prefix) {
  if (nonPortableTemplateWarned) return prefix;
  const endsInX = typeof prefix === 'string' ? prefix[prefix.length - 1] === 'X' :
    prefix[prefix.length - 1] === 0x58;
  if (!endsInX) return prefix;
  nonPortableTemplateWarned = true;
  process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
    'For details see: https://nodejs.org/api/fs.html');
  return prefix;
}

// fs.statfs's value: the binding's seven numbers (or BigInts), statfs.rs's order.
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type; this.bsize = bsize; this.blocks = blocks; this.bfree = bfree;
    this.bavail = bavail; this.files = files; this.ffree = ffree;
  }
}
function getStatFsFromBinding(f) {
  return new StatFs(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
}

// Stats as BigInt only for `bigint: true` exactly.
function wantsBigint(options) {
  return options !== undefined && options.bigint === true; // null throws, as node's
}

// mkdir's options: a mode alone, or { recursive, mode }.
function parseMkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      if (typeof options.recursive !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.recursive', 'boolean', options.recursive);
      }
      recursive = options.recursive;
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'mode');
  }
  return { mode, recursive };
}

// rm's decision on what lstat found: true for a directory to remove as a tree;
// a directory without `recursive` is Node's ERR_FS_EISDIR.
function isRmTree(stats, path, options) {
  if (!stats.isDirectory()) return false;
  if (!options.recursive) {
    throw new ERR_FS_EISDIR({ code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 });
  }
  return true;
}

// rm's checks before anything is removed, for a caller that has not looked at the
// path yet: the options (returned with their defaults), then unless `force` and
// `recursive` make its type moot, that the path exists and is no directory
// without `recursive`.
function validateRmOptionsSync(path, options) {
  options = validateRmOptions(options);
  if (options.force && options.recursive) return options;
  path = toPathString(getValidatedPath(path));
  let stats;
  try {
    stats = getStatsFromBinding(binding.lstat(path, false));
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return options;
    throw err;
  }
  isRmTree(stats, path, options);
  return options;
}

module.exports = {
  parseMkdirOptions, isRmTree, validateRmOptionsSync,
  constants, kIoMaxLength, kMaxFileLength, kNsPerMs,
  stringToFlags, parseFileMode, getValidatedPath, getValidatedFd, toPathString, getOptions,
  assertEncoding, maybeCallback, validatePosition, lenientPosition, validateWriteRange, writeEncoding, stringWriteBytes,
  validateReadRange, validateOffsetLengthRead, validateOffsetLengthWrite,
  validateBufferArray, getValidMode, FSReqCallback, PromiseRequest, promiseRequest, Stats, BigIntStats, StatsBase,
  getStatsFromBinding, statsFromValues, bigintStatsFromFields, kUsePromises, getStatFsFromBinding, nativeFsCalls, warnOnNonPortableTemplate, Dirent, readdirResult, encodePath, toUnixTimestamp,
  validateRmOptions, validateRmdirOptions, validateOwner, validateSymlinkType, wantsBigint, validateFlush, childPath, isDirectoryPath, isURL,
};
