'use strict';
// fs.realpath and fs.realpathSync resolve a path in JS, one component at a time
// (lstat each, stat + readlink the symlinks), and their errors name that step:
// `lstat '/a/missing'`, or `stat '/a/loop'` for a symlink loop or a dangling link.
// (fs.realpath.native and fs.promises.realpath use realpath(3) instead.)
// The walk is written once as a generator of binding calls; a sync driver and an
// async (ring) driver run it.

const {
  ArrayPrototypeFilter, ArrayPrototypePush, ArrayPrototypeSlice, ReflectApply, StringPrototypeSplit,
} = primordials;

const binding = internalBinding('fs');
const pathModule = require('path');
const { constants: { S_IFMT, S_IFLNK, S_IFIFO, S_IFSOCK } } = require('internal/fs/utils');

// Yields [bindingName, ...args] and receives each call's result; returns the path.
// The non-empty components of an absolute path.
function components(path) {
  return ArrayPrototypeFilter(StringPrototypeSplit(path, '/'), Boolean);
}

function* walk(path) {
  let parts = components(pathModule.resolve(path));
  let resolved = '/';
  let i = 0;
  while (i < parts.length) {
    const next = resolved === '/' ? `/${parts[i]}` : `${resolved}/${parts[i]}`;
    const stats = yield ['lstat', next, false];
    if ((stats[1] & S_IFMT) !== S_IFLNK) {
      resolved = next;
      i++;
      continue;
    }
    const target = yield ['stat', next, false];
    const link = yield ['readlink', next];
    const rest = ArrayPrototypeSlice(parts, i + 1);
    // A link to a pipe or a socket (/proc/<pid>/fd/0 -> 'pipe:[123]') names no file
    // to walk into: the path ends there, as node's does.
    const to = pathModule.resolve(resolved, link);
    const kind = target[1] & S_IFMT;
    if ((kind === S_IFIFO || kind === S_IFSOCK) && link[0] !== '/') {
      let end = to;
      for (let j = 0; j < rest.length; j++) end = `${end}/${rest[j]}`;
      return end;
    }
    parts = components(to);
    for (let j = 0; j < rest.length; j++) ArrayPrototypePush(parts, rest[j]);
    resolved = '/';
    i = 0;
  }
  return resolved;
}

function realpathJsSync(path) {
  const steps = walk(path);
  let step = steps.next();
  while (!step.done) {
    const call = step.value;
    step = steps.next(ReflectApply(binding[call[0]], binding, ArrayPrototypeSlice(call, 1)));
  }
  return step.value;
}

async function realpathJs(path) {
  const { call } = require('internal/fs/promises');
  const steps = walk(path);
  let step = steps.next();
  while (!step.done) {
    step = steps.next(await ReflectApply(call, undefined, step.value));
  }
  return step.value;
}

module.exports = { realpathJsSync, realpathJs };
