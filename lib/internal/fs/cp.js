'use strict';
// fs.cp, fs.cpSync and fs.promises.cp: copy a file, a symlink or (with `recursive`)
// a whole tree, with Node's options and its ERR_FS_CP_* errors.
//
// The copy is written once, as a generator that yields each file-system step it
// needs (`['lstat', path, options]`, `['filter', fn, src, dest]`, ...) and receives
// the step's result back, or its error thrown in at the yield. Two drivers run it:
// one calls fs.<step>Sync, the other awaits fs.promises.<step>. So the sync and the
// async copy cannot drift apart, and each step is an ordinary fs call with the
// usual errors (ENOENT from lstat of a missing src, EACCES, ...).

const {
  ArrayPrototypeEvery, ArrayPrototypeFilter, ObjectAssign, PromisePrototypeThen, StringPrototypeSplit,
} = primordials;

const pathModule = require('path');
const { codes: {
  ERR_FS_CP_DIR_TO_NON_DIR, ERR_FS_CP_EEXIST, ERR_FS_CP_EINVAL, ERR_FS_CP_FIFO_PIPE,
  ERR_FS_CP_NON_DIR_TO_DIR, ERR_FS_CP_SOCKET, ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY, ERR_FS_CP_UNKNOWN,
  ERR_FS_EISDIR, ERR_INCOMPATIBLE_OPTION_PAIR, ERR_INVALID_RETURN_VALUE,
} } = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInteger, validateObject,
} = require('internal/validators');
const { getValidatedPath } = require('internal/fs/utils');
const { isPromise } = require('internal/util/types');
const { constants: { errno: { EEXIST, EINVAL, EISDIR, ENOTDIR } } } = require('os');

const kBigint = { __proto__: null, bigint: true };
const kRecursive = { __proto__: null, recursive: true };
const kBooleanOptions = ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive',
  'verbatimSymlinks'];

function validateCpOptions(options) {
  const opts = {
    __proto__: null, dereference: false, errorOnExist: false, filter: undefined, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0,
  };
  if (options === undefined) return opts;
  validateObject(options, 'options');
  ObjectAssign(opts, options);
  for (let i = 0; i < kBooleanOptions.length; i++) {
    validateBoolean(opts[kBooleanOptions[i]], `options.${kBooleanOptions[i]}`);
  }
  validateInteger(opts.mode, 'mode', 0, 7);
  if (opts.dereference && opts.verbatimSymlinks) {
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (opts.filter !== undefined) validateFunction(opts.filter, 'options.filter');
  return opts;
}

// A SystemError of the copy itself (not of one fs call): syscall 'cp', `path` the
// entry it is about, with the errno Node reports for the case.
function cpError(Ctor, message, path, code, errno) {
  return new Ctor({ message, path, syscall: 'cp', errno, code });
}

// Whether `dest` is `src` or lies below it, compared by path components.
function isSrcSubdir(src, dest) {
  const srcParts = ArrayPrototypeFilter(StringPrototypeSplit(pathModule.resolve(src), pathModule.sep), Boolean);
  const destParts = ArrayPrototypeFilter(StringPrototypeSplit(pathModule.resolve(dest), pathModule.sep), Boolean);
  return ArrayPrototypeEvery(srcParts, (part, i) => destParts[i] === part);
}

function areIdentical(a, b) {
  return b.ino !== 0n && b.dev !== 0n && b.ino === a.ino && b.dev === a.dev;
}

// Stats of the destination, or null when there is none yet.
function* destStatOrNull(dest, opts) {
  try {
    return yield [opts.dereference ? 'stat' : 'lstat', dest, kBigint];
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

// The filter, then the checks every entry gets: src and dest not the same file, no
// directory over a non-directory or the reverse, no directory into itself.
// Returns undefined when the filter skips the entry.
function* checkPaths(src, dest, opts) {
  if (opts.filter !== undefined && !(yield ['filter', opts.filter, src, dest])) return undefined;
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src, kBigint];
  const destStat = yield* destStatOrNull(dest, opts);
  if (destStat !== null) {
    if (areIdentical(srcStat, destStat)) {
      throw cpError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, 'EINVAL', EINVAL);
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_DIR_TO_NON_DIR,
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 'EISDIR', EISDIR);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_NON_DIR_TO_DIR,
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest, 'ENOTDIR', ENOTDIR);
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) throw subdirOfSelf(src, dest);
  return { __proto__: null, srcStat, destStat };
}

function subdirOfSelf(src, dest) {
  return cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`, dest, 'EINVAL', EINVAL);
}

// Walks up from dest's parent: none of its ancestors may be src itself (a copy of a
// directory into itself reached through another path, such as a symlink).
function* checkParentPaths(src, srcStat, dest) {
  const srcParent = pathModule.resolve(pathModule.dirname(src));
  let destParent = pathModule.resolve(pathModule.dirname(dest));
  while (destParent !== srcParent && destParent !== pathModule.parse(destParent).root) {
    let parentStat;
    try {
      parentStat = yield ['stat', destParent, kBigint];
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
    if (areIdentical(srcStat, parentStat)) throw subdirOfSelf(src, dest);
    destParent = pathModule.resolve(pathModule.dirname(destParent));
  }
}

function* copyTop(src, dest, opts) {
  const checked = yield* checkPaths(src, dest, opts);
  if (checked === undefined) return;
  yield* checkParentPaths(src, checked.srcStat, dest);
  const destParent = pathModule.dirname(dest);
  try {
    yield ['access', destParent];
  } catch {
    yield ['mkdir', destParent, kRecursive];
  }
  yield* copyEntry(checked.destStat, src, dest, opts);
}

function* copyEntry(destStat, src, dest, opts) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw cpError(ERR_FS_EISDIR, `${src} is a directory (not copied)`, src, 'EISDIR', EINVAL);
    }
    return yield* copyDir(srcStat, destStat, src, dest, opts);
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    return yield* copyFile(srcStat, destStat, src, dest, opts);
  }
  if (srcStat.isSymbolicLink()) return yield* copyLink(destStat, src, dest, opts);
  if (srcStat.isSocket()) {
    throw cpError(ERR_FS_CP_SOCKET, `cannot copy a socket file: ${dest}`, dest, 'EINVAL', EINVAL);
  }
  if (srcStat.isFIFO()) {
    throw cpError(ERR_FS_CP_FIFO_PIPE, `cannot copy a FIFO pipe: ${dest}`, dest, 'EINVAL', EINVAL);
  }
  throw cpError(ERR_FS_CP_UNKNOWN, `cannot copy an unknown file type: ${dest}`, dest, 'EINVAL', EINVAL);
}

function* copyDir(srcStat, destStat, src, dest, opts) {
  if (destStat === null) yield ['mkdir', dest];
  const names = yield ['readdir', src];
  for (let i = 0; i < names.length; i++) {
    const srcItem = pathModule.join(src, names[i]);
    const destItem = pathModule.join(dest, names[i]);
    const checked = yield* checkPaths(srcItem, destItem, opts);
    if (checked !== undefined) yield* copyEntry(checked.destStat, srcItem, destItem, opts);
  }
  // A new directory gets src's mode once it is filled (a read-only src would
  // otherwise refuse its own entries).
  if (destStat === null) yield ['chmod', dest, srcStat.mode];
}

function* copyFile(srcStat, destStat, src, dest, opts) {
  if (destStat !== null) {
    if (!opts.force) {
      if (opts.errorOnExist) {
        throw cpError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, 'EEXIST', EEXIST);
      }
      return;
    }
    yield ['unlink', dest];
  }
  yield ['copyFile', src, dest, opts.mode];
  if (opts.preserveTimestamps) {
    // utimes needs write access to the new file when src was read-only.
    if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
    const times = yield ['stat', src];
    yield ['utimes', dest, times.atime, times.mtime];
  }
  yield ['chmod', dest, srcStat.mode];
}

function* copyLink(destStat, src, dest, opts) {
  let target = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !pathModule.isAbsolute(target)) {
    target = pathModule.resolve(pathModule.dirname(src), target);
  }
  if (destStat === null) return yield ['symlink', target, dest];
  let destTarget;
  try {
    destTarget = yield ['readlink', dest];
  } catch (err) {
    // dest is not a symlink: symlink() reports that it exists.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') return yield ['symlink', target, dest];
    throw err;
  }
  if (!pathModule.isAbsolute(destTarget)) destTarget = pathModule.resolve(pathModule.dirname(dest), destTarget);
  if (isSrcSubdir(target, destTarget)) {
    throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${target} to a subdirectory of self ${destTarget}`,
      dest, 'EINVAL', EINVAL);
  }
  // Replacing dest would break a link into what src points at.
  if ((yield ['stat', src]).isDirectory() && isSrcSubdir(destTarget, target)) {
    throw cpError(ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY, `cannot overwrite ${destTarget} with ${target}`,
      dest, 'EINVAL', EINVAL);
  }
  yield ['unlink', dest];
  yield ['symlink', target, dest];
}

// The drivers. A step's error is thrown into the generator at its yield, so the
// algorithm's try/catch sees it as it would see a throwing call.
function runSync(steps) {
  const fs = require('fs');
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    let result;
    try {
      if (step[0] === 'filter') {
        result = step[1](step[2], step[3]);
        if (isPromise(result)) throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', result);
      } else {
        result = fs[`${step[0]}Sync`](step[1], step[2], step[3]);
      }
    } catch (err) {
      next = steps.throw(err);
      continue;
    }
    next = steps.next(result);
  }
}

async function runAsync(steps) {
  const fsp = require('fs').promises;
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    let result;
    try {
      result = step[0] === 'filter' ? await step[1](step[2], step[3]) : await fsp[step[0]](step[1], step[2], step[3]);
    } catch (err) {
      next = steps.throw(err);
      continue;
    }
    next = steps.next(result);
  }
}

function cpSync(src, dest, options) {
  const opts = validateCpOptions(options);
  runSync(copyTop(getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), opts));
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  const opts = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  // As util.callbackify calls back: on a later tick, so a throw from the callback
  // is an uncaught exception rather than a rejected promise.
  PromisePrototypeThen(runAsync(copyTop(src, dest, opts)),
    (value) => process.nextTick(callback, null, value), (err) => process.nextTick(callback, err));
}

async function cpPromise(src, dest, options) {
  const opts = validateCpOptions(options);
  return runAsync(copyTop(getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), opts));
}

module.exports = { cp, cpSync, cpPromise };
