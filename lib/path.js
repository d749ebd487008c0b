'use strict';
// path: POSIX path manipulation (path.posix === path). path.win32 lives in
// internal/path/win32 and is loaded on first use so start-up does not pay for it.
// internalBinding: none (resolve() uses process.cwd()).

const {
  ArrayPrototypeConcat, ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeSlice,
  MathMin, ObjectDefineProperty, StringPrototypeCharCodeAt, StringPrototypeEndsWith,
  StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeSplit,
} = primordials;

// The validators (and internal/errors behind them) load on the first bad argument
// only: the module loader requires path at start-up, and start-up must stay cheap.
function validateString(value, name) {
  if (typeof value !== 'string') require('internal/validators').validateString(value, name);
}
function validateObject(value, name) {
  require('internal/validators').validateObject(value, name);
}

const SLASH = 47; // '/'
const DOT = 46; // '.'

// Collapse '.', '..' and repeated slashes in a path that has no leading slash
// left. Segments that climb above the start are kept only when the path is
// relative (allowAboveRoot), because '/..' is just '/'. One pass that builds the
// result string directly: no array of segments per call.
function normalizeSegments(path, allowAboveRoot) {
  let res = '';
  let kept = 0; // segments in res
  let up = 0; // of which '..' at the front
  const len = path.length;
  let start = 0;
  while (start <= len) {
    // A character scan, not indexOf: segments are short, and V8 10.2's indexOf
    // and lastIndexOf go through a builtin (and memchr) or the runtime per call.
    let end = start;
    while (end < len && StringPrototypeCharCodeAt(path, end) !== SLASH) end++;
    const segLen = end - start;
    if (segLen === 0 || (segLen === 1 && StringPrototypeCharCodeAt(path, start) === DOT)) {
      start = end + 1;
      continue;
    }
    if (segLen === 2 && StringPrototypeCharCodeAt(path, start) === DOT &&
        StringPrototypeCharCodeAt(path, start + 1) === DOT) {
      if (kept > up) {
        let cut = res.length - 1;
        while (cut >= 0 && StringPrototypeCharCodeAt(res, cut) !== SLASH) cut--;
        res = cut === -1 ? '' : StringPrototypeSlice(res, 0, cut);
        kept--;
      } else if (allowAboveRoot) {
        res = kept === 0 ? '..' : res + '/..';
        kept++;
        up++;
      }
    } else {
      const seg = StringPrototypeSlice(path, start, end);
      res = kept === 0 ? seg : res + '/' + seg;
      kept++;
    }
    start = end + 1;
  }
  return res;
}

function isAbsolute(path) {
  validateString(path, 'path');
  return path.length > 0 && StringPrototypeCharCodeAt(path, 0) === SLASH;
}

function normalize(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const absolute = StringPrototypeCharCodeAt(path, 0) === SLASH;
  const trailing = StringPrototypeCharCodeAt(path, path.length - 1) === SLASH;
  let res = normalizeSegments(path, !absolute);
  if (res.length === 0) {
    if (absolute) return '/';
    return trailing ? './' : '.';
  }
  if (trailing) res += '/';
  return absolute ? '/' + res : res;
}

function join(...args) {
  if (args.length === 0) return '.';
  let joined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    validateString(arg, 'path');
    if (arg.length > 0) joined = joined === undefined ? arg : joined + '/' + arg;
  }
  if (joined === undefined) return '.';
  return normalize(joined);
}

function resolve(...args) {
  let resolved = '';
  let absolute = false;
  for (let i = args.length - 1; i >= -1 && !absolute; i--) {
    let p;
    if (i >= 0) {
      p = args[i];
      if (typeof p !== 'string') validateString(p, `paths[${i}]`);
    } else {
      p = process.cwd();
    }
    if (p.length === 0) continue;
    resolved = resolved.length === 0 ? p : p + '/' + resolved;
    absolute = StringPrototypeCharCodeAt(p, 0) === SLASH;
  }
  const norm = normalizeSegments(resolved, !absolute);
  if (absolute) return '/' + norm;
  return norm.length > 0 ? norm : '.';
}

function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  from = resolve(from);
  to = resolve(to);
  if (from === to) return '';
  // Both are absolute and normalized, so '/' splits them into segments with
  // an empty first element ('/' alone gives ['', '']).
  const fromParts = from === '/' ? [] : StringPrototypeSplit(StringPrototypeSlice(from, 1), '/');
  const toParts = to === '/' ? [] : StringPrototypeSplit(StringPrototypeSlice(to, 1), '/');
  let common = 0;
  const n = MathMin(fromParts.length, toParts.length);
  while (common < n && fromParts[common] === toParts[common]) common++;
  const up = [];
  for (let i = common; i < fromParts.length; i++) ArrayPrototypePush(up, '..');
  return ArrayPrototypeJoin(ArrayPrototypeConcat(up, ArrayPrototypeSlice(toParts, common)), '/');
}

function toNamespacedPath(path) {
  return path;
}

// Index just past the last character of the path that is not a trailing slash
// (0 when the path is only slashes).
function trimmedEnd(path) {
  let end = path.length;
  while (end > 0 && StringPrototypeCharCodeAt(path, end - 1) === SLASH) end--;
  return end;
}

function dirname(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const absolute = StringPrototypeCharCodeAt(path, 0) === SLASH;
  // Cut at the slash just before the last segment; only that one slash goes
  // ('a//b' gives 'a/'), as in Node. Index 0 is the root, never a cut point.
  let seenName = false;
  let end = -1;
  for (let i = path.length - 1; i >= 1; i--) {
    if (StringPrototypeCharCodeAt(path, i) === SLASH) {
      if (seenName) {
        end = i;
        break;
      }
    } else {
      seenName = true;
    }
  }
  if (end === -1) return absolute ? '/' : '.';
  if (absolute && end === 1) return '//';
  return StringPrototypeSlice(path, 0, end);
}

function basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  const end = trimmedEnd(path);
  let start = end;
  while (start > 0 && StringPrototypeCharCodeAt(path, start - 1) !== SLASH) start--;
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) return StringPrototypeSlice(path, start, end);
  if (suffix === path) return '';
  // Node matches the suffix backwards from the end of the last segment: a
  // full match inside the segment is cut off (unless it is the whole
  // segment); a segment that is itself a tail of the suffix yields
  // everything from the segment start on, trailing slashes included.
  const base = StringPrototypeSlice(path, start, end);
  if (base.length >= suffix.length) {
    if (StringPrototypeEndsWith(base, suffix) && base.length > suffix.length) return StringPrototypeSlice(base, 0, base.length - suffix.length);
    return base;
  }
  if (StringPrototypeEndsWith(suffix, base)) return StringPrototypeSlice(path, start);
  return base;
}

// Position of the dot that starts the extension in `base`, or -1. A name made
// only of leading dots ('.', '..', '.bashrc') has no extension.
function extDot(base) {
  const dot = StringPrototypeLastIndexOf(base, '.');
  if (dot <= 0) return -1;
  if (base === '..') return -1;
  return dot;
}

function extname(path) {
  validateString(path, 'path');
  const end = trimmedEnd(path);
  let start = end;
  while (start > 0 && StringPrototypeCharCodeAt(path, start - 1) !== SLASH) start--;
  const base = StringPrototypeSlice(path, start, end);
  const dot = extDot(base);
  return dot === -1 ? '' : StringPrototypeSlice(base, dot);
}

function format(pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  let base = pathObject.base;
  if (!base) {
    let ext = pathObject.ext || '';
    if (ext && StringPrototypeCharCodeAt(ext, 0) !== DOT) ext = '.' + ext;
    base = `${pathObject.name || ''}${ext}`;
  }
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
}

function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return ret;
  const absolute = StringPrototypeCharCodeAt(path, 0) === SLASH;
  if (absolute) ret.root = '/';
  const end = trimmedEnd(path);
  let start = end;
  while (start > 0 && StringPrototypeCharCodeAt(path, start - 1) !== SLASH) start--;
  if (end === 0) {
    ret.dir = '/';
    return ret;
  }
  const base = StringPrototypeSlice(path, start, end);
  ret.base = base;
  // Node's quirk: a '..' right after the root parses as name '.', ext '.'.
  const dot = absolute && start === 1 && base === '..' ? 1 : extDot(base);
  if (dot === -1) {
    ret.name = base;
  } else {
    ret.name = StringPrototypeSlice(base, 0, dot);
    ret.ext = StringPrototypeSlice(base, dot);
  }
  // dir drops only the one slash before the base, like dirname().
  if (start > 1) ret.dir = StringPrototypeSlice(path, 0, start - 1);
  else if (absolute) ret.dir = '/';
  return ret;
}

// Built in this order (data properties, then the `win32` accessor added, then the
// rest) so the object keeps V8's fast properties: turning a literal's data property
// into an accessor, or a literal getter, leaves V8 10.2 a dictionary-mode object,
// and every path.join() a generic property lookup.
const posix = {
  resolve,
  normalize,
  isAbsolute,
  join,
  relative,
  toNamespacedPath,
  dirname,
  basename,
  extname,
  format,
  parse,
  sep: '/',
  delimiter: ':',
};
let win32;
ObjectDefineProperty(posix, 'win32', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    if (win32 === undefined) {
      win32 = require('internal/path/win32');
      win32.posix = posix;
      win32.win32 = win32;
    }
    return win32;
  },
  set(v) {
    win32 = v;
  },
});
posix.posix = posix;
posix._makeLong = toNamespacedPath;

module.exports = posix;
