'use strict';
// fs.promises' calls over a directory tree (mkdir -p, readdir -r, rm -r, rmdir -r),
// each a chain of single calls, and `call`, the one way every fs.promises function
// reaches the binding.

const {
  ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush, PromisePrototypeThen, ReflectApply,
  SafePromiseAll,
} = primordials;

const binding = internalBinding('fs');
const pathModule = require('path');
const {
  constants, getValidatedPath, getOptions, validateRmOptions, validateRmdirOptions, getStatsFromBinding,
  kUsePromises, readdirResult, toPathString, childPath, isDirectoryPath, parseMkdirOptions, isRmTree,
} = require('internal/fs/utils');

// binding[name](...args, kUsePromises): the promise its completion settles from Rust.
function call(name, ...args) {
  ArrayPrototypePush(args, kUsePromises);
  return ReflectApply(binding[name], binding, args);
}

async function mkdir(path, options) {
  const { mode, recursive } = parseMkdirOptions(options);
  path = getValidatedPath(path);
  if (!recursive) return await call('mkdir', path, mode);
  return await mkdirp(toPathString(path), mode);
}

// mkdir -p: returns the first directory it created, or undefined if all existed.
async function mkdirp(path, mode) {
  try {
    await call('mkdir', path, mode);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      const st = await PromisePrototypeThen(call('stat', path, false), undefined, () => null);
      if (st && (st[1] & constants.S_IFMT) === constants.S_IFDIR) return undefined;
      throw err;
    }
    const parent = pathModule.dirname(path);
    if (err.code !== 'ENOENT' || parent === path) throw err;
    const first = await mkdirp(parent, mode);
    // Once: a path whose parent exists but which still cannot be made ('') must
    // fail here rather than climb again.
    try {
      await call('mkdir', path, mode);
    } catch (again) {
      const st = again.code === 'EEXIST' ?
        await PromisePrototypeThen(call('stat', path, false), undefined, () => null) : null;
      if (!st || (st[1] & constants.S_IFMT) !== constants.S_IFDIR) throw again;
    }
    return first ?? path;
  }
}

async function readdir(path, options) {
  options = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
  path = getValidatedPath(path);
  if (!options.recursive) return readdirResult(await call('readdir', path), path, options);
  return await readdirRecursive(toPathString(path), options);
}

// fs.promises lists a tree depth first: the directory found last is listed next.
// Names follow symlinks to directories; Dirents descend only into real ones.
async function readdirRecursive(root, options) {
  const out = [];
  const stack = [[root, await call('readdir', root)]];
  while (stack.length) {
    const [dir, listing] = ArrayPrototypePop(stack);
    const entries = readdirResult(listing, dir, options);
    const [names, types] = listing;
    for (let i = 0; i < names.length; i++) {
      // Names mode joins the decoded name, as Node does (see readdirRecursiveSync).
      const full = options.withFileTypes ? childPath(dir, names[i]) : pathModule.join(dir, toPathString(names[i]));
      ArrayPrototypePush(out, options.withFileTypes ? entries[i] : pathModule.relative(root, full));
      const isDir = options.withFileTypes ? types[i] === constants.UV_DIRENT_DIR :
        isDirectoryPath(full);
      if (isDir) ArrayPrototypePush(stack, [full, await call('readdir', full)]);
    }
  }
  return out;
}

async function rm(path, options) {
  path = toPathString(getValidatedPath(path));
  options = validateRmOptions(options);
  let st;
  try {
    st = getStatsFromBinding(await call('lstat', path, false));
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  return await (isRmTree(st, path, options) ? removeTree(path) : call('unlink', path));
}

async function removeTree(path) {
  const [names, types] = await call('readdir', path);
  await SafePromiseAll(ArrayPrototypeMap(names, (name, i) => {
    const child = childPath(path, name);
    return types[i] === constants.UV_DIRENT_DIR ? removeTree(child) : call('unlink', child);
  }));
  return await call('rmdir', path);
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (options.recursive) return await rmdirRecursive(toPathString(path), 'stat');
  return await call('rmdir', path);
}

// rmdir -r: Node's promise API looks with stat, its callback API with lstat; what
// is not a directory gets rmdir's own error (ENOTDIR).
async function rmdirRecursive(path, statCall) {
  const st = await call(statCall, path, false);
  if ((st[1] & constants.S_IFMT) !== constants.S_IFDIR) return await call('rmdir', path);
  return await removeTree(path);
}

module.exports = { call, mkdir, mkdirp, readdir, rm, rmdir, rmdirRecursive };
