'use strict';
// The synchronous fs API: each call is the binding's op run as a plain syscall on
// this thread (no request object), which returns its value or throws Node's error.

const {
  ArrayBufferIsView, ArrayPrototypePush, MathMax, MathMin, TypedArrayPrototypeSubarray,
} = primordials;

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const pathModule = require('path');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_FS_FILE_TOO_LARGE } } = require('internal/errors');
const { validateInteger, validateObject, kValidateObjectAllowNullable } = require('internal/validators');
const {
  constants, kIoMaxLength, kMaxFileLength, stringToFlags, parseFileMode, getValidatedPath,
  getValidatedFd, getOptions, validatePosition, lenientPosition, validateReadRange, validateWriteRange,
  writeEncoding, stringWriteBytes, validateBufferArray, getValidMode, getStatsFromBinding, getStatFsFromBinding, warnOnNonPortableTemplate, readdirResult, encodePath,
  toUnixTimestamp, toPathString, validateRmOptions, validateRmdirOptions, validateOwner, validateSymlinkType,
  wantsBigint, validateFlush,
  childPath, isDirectoryPath,
  parseMkdirOptions, isRmTree,
} = require('internal/fs/utils');

function openSync(path, flags, mode) {
  return binding.open(getValidatedPath(path), stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}

function closeSync(fd) {
  binding.close(getValidatedFd(fd));
}

// readSync(fd, buffer, offset, length, position) or readSync(fd, buffer, {offset, length, position})
function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (!ArrayBufferIsView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  const range = validateReadRange(buffer, offset, length);
  if (range === null) return 0;
  return binding.read(fd, buffer, range[0], range[1], validatePosition(position));
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  return binding.readBuffers(fd, buffers, lenientPosition(position));
}

// writeSync(fd, buffer[, offset[, length[, position]]]) or (fd, string[, position[, encoding]])
function writeSync(fd, buffer, offset, length, position) {
  fd = getValidatedFd(fd);
  if (ArrayBufferIsView(buffer)) {
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    [offset, length] = validateWriteRange(offset, length, buffer.byteLength);
    return binding.writeBuffer(fd, buffer, offset, length, lenientPosition(position));
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  const bytes = stringWriteBytes(buffer, length);
  return binding.writeBuffer(fd, bytes, 0, bytes.length, lenientPosition(offset));
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  return binding.writeBuffers(fd, buffers, lenientPosition(position));
}

function readFileFdSync(fd, encoding) {
  const st = binding.fstat(fd, false);
  const size = (st[1] & constants.S_IFMT) === constants.S_IFREG ? st[8] : 0;
  if (size > kMaxFileLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  let buffer;
  if (size > 0) {
    buffer = Buffer.allocUnsafeSlow(size);
    let filled = 0;
    while (filled < size) {
      const n = binding.read(fd, buffer, filled, size - filled, -1);
      if (n === 0) break;
      filled += n;
    }
    if (filled < size) buffer = TypedArrayPrototypeSubarray(buffer, 0, filled);
  } else {
    const chunks = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(65536);
      const n = binding.read(fd, chunk, 0, chunk.length, -1);
      if (n === 0) break;
      ArrayPrototypePush(chunks, TypedArrayPrototypeSubarray(chunk, 0, n));
      total += n;
      if (total > kMaxFileLength) throw new ERR_FS_FILE_TOO_LARGE(total);
    }
    buffer = Buffer.concat(chunks, total);
  }
  // Like Node, 'buffer' passes validation but is no encoding toString() knows.
  return encoding ? buffer.toString(encoding) : buffer;
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r', encoding: null });
  if (typeof path === 'number') return readFileFdSync(getValidatedFd(path), options.encoding);
  const fd = binding.open(getValidatedPath(path), stringToFlags(options.flag), 0o666);
  try {
    return readFileFdSync(fd, options.encoding);
  } finally {
    binding.close(fd);
  }
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBufferIsView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function writeAllSync(fd, bytes) {
  let off = 0;
  while (off < bytes.byteLength) {
    off += binding.writeBuffer(fd, bytes, off, MathMin(bytes.byteLength - off, kIoMaxLength), -1);
  }
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flush = validateFlush(options);
  const bytes = toBytes(data, options.encoding);
  // The flush goes through the module's fsyncSync, as node's does (a program may wrap it).
  if (typeof path === 'number') {
    writeAllSync(getValidatedFd(path), bytes);
    if (flush) require('fs').fsyncSync(path);
    return;
  }
  const fd = binding.open(getValidatedPath(path), stringToFlags(options.flag),
    parseFileMode(options.mode, 'mode', 0o666));
  try {
    writeAllSync(fd, bytes);
    if (flush) require('fs').fsyncSync(fd);
  } finally {
    binding.close(fd);
  }
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFileSync(path, data, { ...options, flag: options.flag || 'a' });
}

// stat or lstat; a missing path is undefined with { throwIfNoEntry: false }.
function statLikeSync(kind, path, options) {
  const bigint = wantsBigint(options);
  try {
    return getStatsFromBinding(binding[kind](getValidatedPath(path), bigint), bigint);
  } catch (err) {
    if (options?.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statLikeSync('stat', path, options);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statLikeSync('lstat', path, options);
}

function fstatSync(fd, options = { bigint: false }) {
  const bigint = wantsBigint(options);
  return getStatsFromBinding(binding.fstat(getValidatedFd(fd), bigint), bigint);
}

function statfsSync(path, options = { bigint: false }) {
  return getStatFsFromBinding(binding.statfs(getValidatedPath(path), wantsBigint(options)));
}

function existsSync(path) {
  try {
    binding.access(getValidatedPath(path), constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  binding.access(path, getValidMode(mode, 0, 7, constants.F_OK));
}

function mkdirpSync(path, mode) {
  try {
    binding.mkdir(path, mode);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) return undefined;
      throw err;
    }
    const parent = pathModule.dirname(path);
    if (err.code !== 'ENOENT' || parent === path) throw err;
    const first = mkdirpSync(parent, mode);
    // Once: a path whose parent exists but which still cannot be made ('') must
    // fail here rather than climb again.
    try {
      binding.mkdir(path, mode);
    } catch (again) {
      if (again.code !== 'EEXIST' || !statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw again;
    }
    return first ?? path;
  }
}

function mkdirSync(path, options) {
  const { mode, recursive } = parseMkdirOptions(options);
  path = getValidatedPath(path);
  if (recursive) return mkdirpSync(toPathString(path), mode);
  binding.mkdir(path, mode);
}

function readdirSync(path, options) {
  options = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
  path = getValidatedPath(path);
  if (!options.recursive) return readdirResult(binding.readdir(path), path, options);
  return readdirRecursiveSync(toPathString(path), options);
}

// Node lists a tree breadth first. Names follow symlinks to directories (they are
// stat'ed); Dirents descend only into real directories.
function readdirRecursiveSync(root, options) {
  const out = [];
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const [names, types] = binding.readdir(dir);
    const entries = readdirResult([names, types], dir, options);
    for (let i = 0; i < names.length; i++) {
      if (options.withFileTypes) {
        ArrayPrototypePush(out, entries[i]);
        if (types[i] === constants.UV_DIRENT_DIR) ArrayPrototypePush(queue, childPath(dir, names[i]));
      } else {
        // Node joins the name as decoded text, so it never descends into a
        // directory whose name is not UTF-8.
        const full = pathModule.join(dir, toPathString(names[i]));
        ArrayPrototypePush(out, pathModule.relative(root, full));
        if (isDirectoryPath(full)) ArrayPrototypePush(queue, full);
      }
    }
  }
  return out;
}

function realpathSync(path, options) {
  options = getOptions(options, {});
  path = toPathString(getValidatedPath(path));
  return encodePath(require('internal/fs/realpath').realpathJsSync(path), options);
}
realpathSync.native = (path, options) => {
  options = getOptions(options, {});
  return encodePath(binding.realpathAsync(getValidatedPath(path)), options);
};

function removeTreeSync(path) {
  const [names, types] = binding.readdir(path);
  for (let i = 0; i < names.length; i++) {
    const child = childPath(path, names[i]);
    if (types[i] === constants.UV_DIRENT_DIR) removeTreeSync(child);
    else binding.unlink(child);
  }
  binding.rmdir(path);
}

function rmSync(path, options) {
  path = toPathString(getValidatedPath(path));
  options = validateRmOptions(options);
  let st;
  try {
    st = getStatsFromBinding(binding.lstat(path, false));
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  if (isRmTree(st, path, options)) return removeTreeSync(path);
  binding.unlink(path);
}

// rmdir -r: what is not a directory gets rmdir's own error (ENOTDIR).
function rmdirSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (!options.recursive) return binding.rmdir(path);
  path = toPathString(path);
  const st = getStatsFromBinding(binding.lstat(path, false));
  if (!st.isDirectory()) return binding.rmdir(path);
  removeTreeSync(path);
}

// Truncation lengths are numbers (never BigInt); negative ones mean 0.
function validLen(len) {
  validateInteger(len, 'len');
  return MathMax(0, len);
}

// DEP0081, once per process for fs.truncate and fs.truncateSync together, as node.
let truncateFdWarned = false;
function warnTruncateFd() {
  if (truncateFdWarned) return;
  truncateFdWarned = true;
  process.emitWarning('Using fs.truncate with a file descriptor is deprecated. Please use ' +
    'fs.ftruncate with a file descriptor instead.', 'DeprecationWarning', 'DEP0081');
}

// Node opens the file read-write first, so a missing file wins over a bad length.
function truncateSync(path, len = 0) {
  if (typeof path === 'number') {
    warnTruncateFd();
    return ftruncateSync(path, len);
  }
  const fd = binding.open(getValidatedPath(path), constants.O_RDWR, 0o666);
  try {
    binding.ftruncate(fd, validLen(len));
  } finally {
    binding.close(fd);
  }
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  binding.ftruncate(fd, validLen(len));
}

module.exports = {
  openSync, closeSync, readSync, readvSync, writeSync, writevSync, readFileSync, writeFileSync,
  appendFileSync, statSync, lstatSync, fstatSync, statfsSync, existsSync, accessSync, mkdirSync, readdirSync,
  rmSync, rmdirSync, truncateSync, ftruncateSync, readdirRecursiveSync, warnTruncateFd,
  renameSync: (from, to) => binding.rename(getValidatedPath(from, 'oldPath'), getValidatedPath(to, 'newPath')),
  unlinkSync: (path) => binding.unlink(getValidatedPath(path)),
  fsyncSync: (fd) => binding.fsync(getValidatedFd(fd)),
  fdatasyncSync: (fd) => binding.fdatasync(getValidatedFd(fd)),
  symlinkSync: (target, path, type) => {
    validateSymlinkType(type);
    binding.symlink(getValidatedPath(target, 'target'), getValidatedPath(path));
  },
  linkSync: (existing, newPath) => binding.link(getValidatedPath(existing, 'existingPath'),
    getValidatedPath(newPath, 'newPath')),
  readlinkSync: (path, options) => {
    options = getOptions(options, {});
    return encodePath(binding.readlink(getValidatedPath(path)), options);
  },
  realpathSync,
  mkdtempSync: (prefix, options) => {
    options = getOptions(options, {});
    return encodePath(binding.mkdtemp(warnOnNonPortableTemplate(getValidatedPath(prefix, 'prefix'))), options);
  },
  copyFileSync: (src, dest, mode) => {
    src = getValidatedPath(src, 'src');
    dest = getValidatedPath(dest, 'dest');
    binding.copyFile(src, dest, getValidMode(mode, 0, 7, 0));
  },
  chmodSync: (path, mode) => binding.chmod(getValidatedPath(path), parseFileMode(mode, 'mode')),
  fchmodSync: (fd, mode) => binding.fchmod(getValidatedFd(fd), parseFileMode(mode, 'mode')),
  chownSync: (path, uid, gid) => binding.chown(getValidatedPath(path), ...validateOwner(uid, gid)),
  fchownSync: (fd, uid, gid) => binding.fchown(getValidatedFd(fd), ...validateOwner(uid, gid)),
  lchownSync: (path, uid, gid) => binding.lchown(getValidatedPath(path), ...validateOwner(uid, gid)),
  utimesSync: (path, atime, mtime) => binding.utimes(getValidatedPath(path), toUnixTimestamp(atime),
    toUnixTimestamp(mtime)),
  futimesSync: (fd, atime, mtime) => binding.futimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'),
    toUnixTimestamp(mtime, 'mtime')),
  lutimesSync: (path, atime, mtime) => binding.lutimes(getValidatedPath(path), toUnixTimestamp(atime),
    toUnixTimestamp(mtime)),
};
