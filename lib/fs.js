'use strict';
// fs: the callback API (here), the sync API (internal/fs/sync), promises
// (internal/fs/promises), streams, Dir and watchers. A callback call validates its
// arguments synchronously, then hands one op to the ring with a request object;
// the completion calls back through the loop. Calls made of several ops (readFile,
// mkdir -p, rm -r, ...) reuse the promise implementation and call back on a tick.

const {
  ArrayBufferIsView, ArrayPrototypePop, ArrayPrototypePush, MathMax, ObjectAssign,
  ObjectDefineProperty, PromisePrototypeThen, ReflectApply, SafeArrayIterator,
  StringPrototypeSplit, SymbolFor,
} = primordials;

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateAbortSignal, validateInteger, validateFunction } = require('internal/validators');
const {
  constants, stringToFlags, parseFileMode, getValidatedPath, getValidatedFd, getOptions,
  maybeCallback, validatePosition, lenientPosition, validateReadRange, validateWriteRange, writeEncoding, stringWriteBytes,
  validateBufferArray, getValidMode, FSReqCallback,
  getStatsFromBinding, getStatFsFromBinding, warnOnNonPortableTemplate, nativeFsCalls, readdirResult, encodePath, toUnixTimestamp, toPathString, Stats, Dirent,
  validateRmOptions, validateRmdirOptions, validateOwner, validateSymlinkType, wantsBigint, validateFlush,
  parseMkdirOptions,
} = require('internal/fs/utils');
const sync = require('internal/fs/sync');
const { customPromisifyArgs } = require('internal/util/promisify');
const promises = require('internal/fs/promises');

function req(cb) {
  return new FSReqCallback(cb);
}

// A request that calls back with no value: cb(err) (FSReqCallback passes no
// value when there is none).
const reqNoValue = req;

// Runs a promise-based composite and calls back on a tick, so an exception thrown
// by the callback is an uncaught exception, not a rejected promise. A call with no
// value calls back with the error alone, as Node's do.
function callbackify(promise, cb) {
  PromisePrototypeThen(promise,
    (value) => (value === undefined ? process.nextTick(cb, null) : process.nextTick(cb, null, value)),
    (err) => process.nextTick(cb, err));
}

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  }
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  binding.open(path, flagsNumber, mode, req(maybeCallback(callback)));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) validateFunction(callback, 'cb');
  binding.close(fd, reqNoValue(callback));
}

// read(fd, buffer, offset, length, position, cb) | read(fd, [options,] cb) | read(fd, buffer, [options,] cb)
function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // fd, buffer, options, callback (null options: the defaults)
      if (offsetOrOptions !== null) validateObjectArg(offsetOrOptions, 'options');
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!ArrayBufferIsView(buffer)) {
        // fd, options, callback
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? {});
  }
  if (!ArrayBufferIsView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  validateFunction(callback, 'cb');
  const range = validateReadRange(buffer, offset, length);
  if (range === null) {
    return process.nextTick(callback, null, 0, buffer);
  }
  position = validatePosition(position);
  binding.read(fd, buffer, range[0], range[1], position,
    req((err, bytesRead) => callback(err, bytesRead || 0, buffer)));
}

function validateObjectArg(value, name) {
  if (value === null || typeof value !== 'object') throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  validateFunction(callback, 'cb');
  binding.readBuffers(fd, buffers, lenientPosition(position),
    req((err, n) => callback(err, n || 0, buffers)));
}

// write(fd, buffer, [offset[, length[, position]]], cb) | write(fd, buffer, options, cb) |
// write(fd, string[, position[, encoding]], cb). The callback is the last function given.
function write(fd, buffer, offset, length, position, callback) {
  fd = getValidatedFd(fd);
  if (ArrayBufferIsView(buffer)) {
    callback = maybeCallback(callback || position || length || offset);
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (typeof offset === 'function') offset = 0;
    [offset, length] = validateWriteRange(offset, length, buffer.byteLength);
    binding.writeBuffer(fd, buffer, offset, length, lenientPosition(position),
      req((err, n) => callback(err, n || 0, buffer)));
    return;
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // Here `offset` is the position and `length` the encoding.
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  callback = maybeCallback(position);
  const bytes = stringWriteBytes(buffer, length);
  binding.writeBuffer(fd, bytes, 0, bytes.length, lenientPosition(offset),
    req((err, n) => callback(err, n || 0, buffer)));
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  validateFunction(callback, 'cb');
  if (buffers.length === 0) return process.nextTick(callback, null, 0, buffers);
  binding.writeBuffers(fd, buffers, lenientPosition(position),
    req((err, n) => callback(err, n || 0, buffers)));
}

function statLike(name, validate) {
  return function(target, options = { bigint: false }, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    target = validate(target);
    callback = maybeCallback(callback);
    const bigint = wantsBigint(options);
    binding[name](target, bigint, req((err, buf) => (err ? callback(err) :
      callback(null, getStatsFromBinding(buf, bigint)))));
  };
}

const stat = statLike('stat', (p) => getValidatedPath(p));
const lstat = statLike('lstat', (p) => getValidatedPath(p));
const fstat = statLike('fstat', (fd) => getValidatedFd(fd));

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  binding.statfs(path, wantsBigint(options), req((err, fields) => (err ? callback(err) :
    callback(null, getStatFsFromBinding(fields)))));
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  try {
    path = getValidatedPath(path);
  } catch {
    return process.nextTick(callback, false);
  }
  binding.access(path, constants.F_OK, req((err) => callback(!err)));
}
exists[SymbolFor('nodejs.util.promisify.custom')] = (path) =>
  new Promise((resolve) => exists(path, resolve));

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = constants.F_OK;
  }
  path = getValidatedPath(path);
  mode = getValidMode(mode, 0, 7, constants.F_OK);
  binding.access(path, mode, reqNoValue(maybeCallback(callback)));
}

// A one-op call with a path and no result: unlink, rmdir, ...
function pathOp(name, ...args) {
  const callback = maybeCallback(ArrayPrototypePop(args));
  ArrayPrototypePush(args, reqNoValue(callback));
  ReflectApply(binding[name], binding, args);
}

function readFile(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { flag: 'r', encoding: null });
  if (typeof path === 'number') {
    // Node checks the fd only once reading has begun: a bad one throws from a
    // tick, uncaught.
    return process.nextTick(() => {
      getValidatedFd(path);
      callbackify(promises.readFileFd(path, options), callback);
    });
  }
  getValidatedPath(path);
  stringToFlags(options.flag);
  callbackify(promises.readFile(path, options), callback);
}

function writeFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flush = validateFlush(options);
  const flags = stringToFlags(options.flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (typeof data !== 'string' && !ArrayBufferIsView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const bytes = () => (typeof data === 'string' ? Buffer.from(data, options.encoding || 'utf8') : data);
  if (typeof path === 'number') {
    if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
    return callbackify(writeAllFd(getValidatedFd(path), bytes(), flush, options.signal), callback);
  }
  path = getValidatedPath(path);
  if (!flush) return callbackify(promises.writeFile(path, data, options), callback);
  callbackify(writeFileFlushed(path, flags, mode, bytes(), options.signal), callback);
}

// A user's fd: written from its position on, and not closed. An aborted signal stops
// it before the next write. The flush goes through the module's fsync, as node's
// does (a program may wrap it).
async function writeAllFd(fd, bytes, flush, signal) {
  await promises.writeAll(fd, bytes, signal);
  if (flush) {
    await new Promise((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));
  }
}

async function writeFileFlushed(path, flags, mode, bytes, signal) {
  promises.checkAborted(signal);
  const fd = await promises.call('open', path, flags, mode);
  try {
    await writeAllFd(fd, bytes, true, signal);
  } finally {
    await promises.call('close', fd);
  }
}

function appendFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFile(path, data, { ...options, flag: options.flag || 'a' }, callback);
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  const { mode, recursive } = parseMkdirOptions(options);
  path = getValidatedPath(path);
  if (!recursive) return binding.mkdir(path, mode, reqNoValue(callback));
  callbackify(promises.mkdirp(toPathString(path), mode), callback);
}

function readdir(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
  path = getValidatedPath(path);
  if (options.recursive) {
    // Node 20 lists recursively with its sync code: the callback runs before
    // readdir returns, and errors are thrown.
    return callback(null, sync.readdirRecursiveSync(toPathString(path), options));
  }
  binding.readdir(path, req((err, result) => (err ? callback(err) :
    callback(null, readdirResult(result, path, options)))));
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  getValidatedPath(path);
  options = validateRmOptions(options);
  callbackify(promises.rm(path, options), callback);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (options.recursive) return callbackify(promises.rmdirRecursive(toPathString(path), 'lstat'), callback);
  binding.rmdir(path, reqNoValue(callback));
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    sync.warnTruncateFd();
    return ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  callback = maybeCallback(callback);
  getValidatedPath(path);
  callbackify(promises.truncate(path, len), callback);
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  binding.ftruncate(fd, MathMax(0, len), reqNoValue(maybeCallback(callback)));
}

// A one-op call whose value is a path (readlink, realpath, mkdtemp).
function pathResult(name, path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, {});
  binding[name](path, req((err, p) => (err ? callback(err) : callback(null, encodePath(p, options)))));
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 0, 7, 0);
  binding.copyFile(src, dest, mode, reqNoValue(maybeCallback(callback)));
}

// Node names both path times 'time' in its errors, but an fd's 'atime'/'mtime'.
function times(atime, mtime) {
  return [toUnixTimestamp(atime), toUnixTimestamp(mtime)];
}
function fdTimes(atime, mtime) {
  return [toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')];
}

// fs.realpath walks the path in JS (errors name lstat/stat); .native is realpath(3).
function realpath(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options, {});
  path = toPathString(getValidatedPath(path));
  callbackify(PromisePrototypeThen(require('internal/fs/realpath').realpathJs(path),
    (p) => encodePath(p, options)), callback);
}
realpath.native = function(path, options, callback) {
  pathResult('realpathAsync', getValidatedPath(path), options, callback);
};

const api = {
  open, close, read, readv, write, writev, stat, lstat, fstat, statfs, exists, access,
  readFile, writeFile, appendFile, mkdir, readdir, rm, rmdir, truncate, ftruncate, copyFile,
  realpath,
  rename: (from, to, cb) => pathOp('rename', getValidatedPath(from, 'oldPath'),
    getValidatedPath(to, 'newPath'), cb),
  unlink: (path, cb) => pathOp('unlink', getValidatedPath(path), cb),
  fsync: (fd, cb) => pathOp('fsync', getValidatedFd(fd), cb),
  fdatasync: (fd, cb) => pathOp('fdatasync', getValidatedFd(fd), cb),
  symlink: (target, path, type, cb) => {
    if (typeof type === 'function') [type, cb] = [undefined, type];
    validateSymlinkType(type);
    pathOp('symlink', getValidatedPath(target, 'target'), getValidatedPath(path), cb);
  },
  link: (existing, newPath, cb) => pathOp('link', getValidatedPath(existing, 'existingPath'),
    getValidatedPath(newPath, 'newPath'), cb),
  readlink: (path, options, cb) => pathResult('readlink', getValidatedPath(path), options, cb),
  mkdtemp: (prefix, options, cb) =>
    pathResult('mkdtemp', warnOnNonPortableTemplate(getValidatedPath(prefix, 'prefix')), options, cb),
  chmod: (path, mode, cb) => pathOp('chmod', getValidatedPath(path), parseFileMode(mode, 'mode'), cb),
  fchmod: (fd, mode, cb) => pathOp('fchmod', getValidatedFd(fd), parseFileMode(mode, 'mode'), cb),
  lchmod: undefined,
  chown: (path, uid, gid, cb) => pathOp('chown', getValidatedPath(path), ...validateOwner(uid, gid), cb),
  fchown: (fd, uid, gid, cb) => pathOp('fchown', getValidatedFd(fd), ...validateOwner(uid, gid), cb),
  lchown: (path, uid, gid, cb) => pathOp('lchown', getValidatedPath(path), ...validateOwner(uid, gid), cb),
  utimes: (path, atime, mtime, cb) => pathOp('utimes', getValidatedPath(path), ...times(atime, mtime), cb),
  futimes: (fd, atime, mtime, cb) => pathOp('futimes', getValidatedFd(fd), ...fdTimes(atime, mtime), cb),
  lutimes: (path, atime, mtime, cb) => pathOp('lutimes', getValidatedPath(path), ...times(atime, mtime), cb),
  ...sync,
};

ObjectAssign(nativeFsCalls, { open, read, write, writev, fsync: api.fsync, close });

// Loaded on first use: streams, Dir and watchers pull in more of lib/. The classes
// can be replaced (graceful-fs and test doubles do), and create*Stream then builds
// the replacement, as in Node; the functions are plain writable properties.
const replaced = { __proto__: null };
function currentClass(name, id, exported = name) {
  return name in replaced ? replaced[name] : require(id)[exported];
}
ObjectAssign(api, {
  lchmodSync: undefined,
  createReadStream: function createReadStream(path, options) {
    return new (currentClass('ReadStream', 'internal/fs/streams'))(path, options);
  },
  createWriteStream: function createWriteStream(path, options) {
    return new (currentClass('WriteStream', 'internal/fs/streams'))(path, options);
  },
  cp: function cp(src, dest, options, callback) { return require('internal/fs/cp').cp(src, dest, options, callback); },
  cpSync: function cpSync(src, dest, options) { return require('internal/fs/cp').cpSync(src, dest, options); },
  watch: function watch(...a) { return require('internal/fs/watchers').watch(...a); },
  watchFile: function watchFile(...a) { return require('internal/fs/watchers').watchFile(...a); },
  unwatchFile: function unwatchFile(...a) { return require('internal/fs/watchers').unwatchFile(...a); },
});

// util.promisify(fs.read) and the like resolve to an object of the callback's values
// (node 20 names writev's buffers 'buffer').
for (const [fn, names] of [[read, ['bytesRead', 'buffer']], [readv, ['bytesRead', 'buffers']],
  [write, ['bytesWritten', 'buffer']], [writev, ['bytesWritten', 'buffer']]]) {
  ObjectDefineProperty(fn, customPromisifyArgs, { __proto__: null, value: names, enumerable: false });
}

// Node's key order, so that listing or printing the module looks the same. (lchmod
// is listed but undefined on Linux; openAsBlob is not there yet.)
const fs = module.exports = {};
const exportNames = StringPrototypeSplit(('appendFile appendFileSync access accessSync chown chownSync chmod chmodSync close ' +
  'closeSync copyFile copyFileSync cp cpSync createReadStream createWriteStream exists existsSync fchown ' +
  'fchownSync fchmod fchmodSync fdatasync fdatasyncSync fstat fstatSync fsync fsyncSync ftruncate ' +
  'ftruncateSync futimes futimesSync lchown lchownSync lchmod lchmodSync link linkSync lstat lstatSync ' +
  'lutimes lutimesSync mkdir mkdirSync mkdtemp mkdtempSync open openSync readdir readdirSync read ' +
  'readSync readv readvSync readFile readFileSync readlink readlinkSync realpath realpathSync rename ' +
  'renameSync rm rmSync rmdir rmdirSync stat statfs statSync statfsSync symlink symlinkSync truncate truncateSync ' +
  'unwatchFile unlink unlinkSync utimes utimesSync watch watchFile writeFile writeFileSync write ' +
  'writeSync writev writevSync'), ' ');
for (const name of new SafeArrayIterator(exportNames)) {
  fs[name] = api[name];
}
fs.Dirent = Dirent;
fs.Stats = Stats;

// A class loaded on first use; assigning one replaces it (for create*Stream too).
function lazyClass(name, id, exported = name) {
  ObjectDefineProperty(fs, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get: () => currentClass(name, id, exported),
    set: (value) => { replaced[name] = value; },
  });
}
// A function Node exposes as a getter; assigning replaces it with a plain value.
function lazyFunction(name, get) {
  ObjectDefineProperty(fs, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get,
    set(value) {
      ObjectDefineProperty(fs, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
    },
  });
}
lazyClass('ReadStream', 'internal/fs/streams');
lazyClass('WriteStream', 'internal/fs/streams');
// Old aliases Node still exports; each can be replaced on its own.
lazyClass('FileReadStream', 'internal/fs/streams', 'ReadStream');
lazyClass('FileWriteStream', 'internal/fs/streams', 'WriteStream');
fs._toUnixTimestamp = toUnixTimestamp;
lazyClass('Dir', 'internal/fs/dir');
lazyFunction('opendir', () => require('internal/fs/dir').opendir);
lazyFunction('opendirSync', () => require('internal/fs/dir').opendirSync);
ObjectAssign(fs, { F_OK: constants.F_OK, R_OK: constants.R_OK, W_OK: constants.W_OK, X_OK: constants.X_OK });
fs.constants = constants;
ObjectDefineProperty(fs, 'promises', { __proto__: null, enumerable: true, configurable: true, get: () => promises.fsPromises });
