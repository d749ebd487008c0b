'use strict';
// path.win32: Windows path rules on any host. Both '\' and '/' separate;
// roots are '\', 'C:', 'C:\' and UNC '\\server\share\'. Loaded lazily by
// path.js the first time path.win32 is read.
// internalBinding: none (resolve() uses process.cwd() and process.env['=C:']).

const {
  ArrayPrototypeFilter, ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush,
  ArrayPrototypeSome, MathMin, StringPrototypeCharCodeAt, StringPrototypeEndsWith,
  StringPrototypeLastIndexOf, StringPrototypeReplaceAll, StringPrototypeSlice, StringPrototypeSplit,
  StringPrototypeToLowerCase,
} = primordials;

const { validateString, validateObject } = require('internal/validators');

const BSLASH = 92;
const FSLASH = 47;
const COLON = 58;
const DOT = 46;

function isSep(code) {
  return code === BSLASH || code === FSLASH;
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasDrive(path) {
  return path.length >= 2 && isDriveLetter(StringPrototypeCharCodeAt(path, 0)) && StringPrototypeCharCodeAt(path, 1) === COLON;
}

// The root of `path`: `device` ('C:' or '\\server\share', '' for none),
// whether it is absolute, and `rootEnd`, the length of the root text
// (including the separator after it).
function parseRoot(path, namespaces = false) {
  const len = path.length;
  if (len === 0) return { device: '', isAbsolute: false, rootEnd: 0 };
  const c0 = StringPrototypeCharCodeAt(path, 0);
  if (isSep(c0)) {
    if (len > 1 && isSep(StringPrototypeCharCodeAt(path, 1))) {
      // Possible UNC root: two separators, a server name, separators, a share.
      let j = 2;
      const serverStart = j;
      while (j < len && !isSep(StringPrototypeCharCodeAt(path, j))) j++;
      if (j < len && j !== serverStart) {
        const server = StringPrototypeSlice(path, serverStart, j);
        // For normalize() and resolve(), Node reads '\\.\x' and '\\?\x'
        // as namespaces, not servers: the root ends after '\\.\' and any
        // further separators.
        if (namespaces && (server === '.' || server === '?')) {
          let k = j;
          while (k < len && isSep(StringPrototypeCharCodeAt(path, k))) k++;
          if (k < len) return { device: `\\\\${server}`, isAbsolute: true, rootEnd: k };
        }
        while (j < len && isSep(StringPrototypeCharCodeAt(path, j))) j++;
        const shareStart = j;
        if (j < len) {
          while (j < len && !isSep(StringPrototypeCharCodeAt(path, j))) j++;
          const device = `\\\\${server}\\${StringPrototypeSlice(path, shareStart, j)}`;
          if (j === len) return { device, isAbsolute: true, rootEnd: j };
          return { device, isAbsolute: true, rootEnd: j + 1 };
        }
      }
    }
    return { device: '', isAbsolute: true, rootEnd: 1 };
  }
  if (hasDrive(path)) {
    const device = StringPrototypeSlice(path, 0, 2);
    if (len > 2 && isSep(StringPrototypeCharCodeAt(path, 2))) return { device, isAbsolute: true, rootEnd: 3 };
    return { device, isAbsolute: false, rootEnd: 2 };
  }
  return { device: '', isAbsolute: false, rootEnd: 0 };
}

// Resolve '.', '..' and repeated separators in a path with its root removed.
function normalizeSegments(path, allowAboveRoot) {
  const out = [];
  let up = 0;
  const parts = StringPrototypeSplit(StringPrototypeReplaceAll(path, '\\', '/'), '/');
  for (let i = 0; i < parts.length; i++) {
    const seg = parts[i];
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > up) {
        ArrayPrototypePop(out);
      } else if (allowAboveRoot) {
        ArrayPrototypePush(out, '..');
        up++;
      }
      continue;
    }
    ArrayPrototypePush(out, seg);
  }
  return ArrayPrototypeJoin(out, '\\');
}

function resolve(...args) {
  let resolvedDevice = '';
  let resolvedTail = '';
  let resolvedAbsolute = false;
  for (let i = args.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else if (resolvedDevice.length === 0) {
      path = process.cwd();
    } else {
      // Windows keeps a current directory per drive in the '=C:' variables.
      path = process.env[`=${resolvedDevice}`] || process.cwd();
      if (path === undefined ||
          (StringPrototypeToLowerCase(StringPrototypeSlice(path, 0, 2)) !== StringPrototypeToLowerCase(resolvedDevice) &&
           StringPrototypeCharCodeAt(path, 2) === BSLASH)) {
        path = `${resolvedDevice}\\`;
      }
    }
    const { device, isAbsolute, rootEnd } = parseRoot(path, true);
    if (device.length > 0) {
      if (resolvedDevice.length > 0) {
        if (StringPrototypeToLowerCase(device) !== StringPrototypeToLowerCase(resolvedDevice)) continue;
      } else {
        resolvedDevice = device;
      }
    }
    if (resolvedAbsolute) {
      if (resolvedDevice.length > 0) break;
    } else {
      resolvedTail = `${StringPrototypeSlice(path, rootEnd)}\\${resolvedTail}`;
      resolvedAbsolute = isAbsolute;
      if (isAbsolute && resolvedDevice.length > 0) break;
    }
  }
  resolvedTail = normalizeSegments(resolvedTail, !resolvedAbsolute);
  if (resolvedAbsolute) return `${resolvedDevice}\\${resolvedTail}`;
  return `${resolvedDevice}${resolvedTail}` || '.';
}

function normalize(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(StringPrototypeCharCodeAt(path, 0)) ? '\\' : path;
  const { device, isAbsolute, rootEnd } = parseRoot(path, true);
  let tail = rootEnd < len ? normalizeSegments(StringPrototypeSlice(path, rootEnd), !isAbsolute) : '';
  if (tail.length === 0 && !isAbsolute) tail = '.';
  if (tail.length > 0 && isSep(StringPrototypeCharCodeAt(path, len - 1))) tail += '\\';
  // A relative result that could be read as a drive ('C:x') or that came
  // from a segment ending in ':' (a stream or device name) is marked as
  // relative with '.\\', as Node does.
  if (!isAbsolute && device.length === 0 &&
      (hasDrive(tail) || ArrayPrototypeSome(StringPrototypeSplit(StringPrototypeReplaceAll(StringPrototypeSlice(path, rootEnd), '\\', '/'), '/'), (seg) => StringPrototypeEndsWith(seg, ':')))) {
    tail = `.\\${tail}`;
  }
  // A UNC root given without its trailing separator gets one.
  if (isAbsolute) return `${device}\\${tail}`;
  return device + tail;
}

function isAbsolute(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return false;
  if (isSep(StringPrototypeCharCodeAt(path, 0))) return true;
  return len > 2 && hasDrive(path) && isSep(StringPrototypeCharCodeAt(path, 2));
}

function join(...args) {
  if (args.length === 0) return '.';
  let joined;
  let firstPart;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    validateString(arg, 'path');
    if (arg.length > 0) {
      if (joined === undefined) joined = firstPart = arg;
      else joined += `\\${arg}`;
    }
  }
  if (joined === undefined) return '.';
  // Only a first argument that itself starts like '\\server' may produce a
  // UNC root; any other run of leading separators becomes a single one.
  const keepUNC = firstPart.length > 2 && isSep(StringPrototypeCharCodeAt(firstPart, 0)) &&
    isSep(StringPrototypeCharCodeAt(firstPart, 1)) && !isSep(StringPrototypeCharCodeAt(firstPart, 2));
  if (!keepUNC) {
    let n = 0;
    while (n < joined.length && isSep(StringPrototypeCharCodeAt(joined, n))) n++;
    if (n >= 2) joined = `\\${StringPrototypeSlice(joined, n)}`;
  }
  return normalize(joined);
}

function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromOrig = resolve(from);
  const toOrig = resolve(to);
  if (fromOrig === toOrig) return '';
  if (StringPrototypeToLowerCase(fromOrig) === StringPrototypeToLowerCase(toOrig)) return '';
  // Compare segment by segment, ignoring case. Leading separators are not a
  // shared part: two paths with nothing in common but the root separator
  // get the target back whole, as Node does.
  const f = ArrayPrototypeFilter(StringPrototypeSplit(fromOrig, '\\'), (x) => x.length > 0);
  const t = ArrayPrototypeFilter(StringPrototypeSplit(toOrig, '\\'), (x) => x.length > 0);
  let common = 0;
  const n = MathMin(f.length, t.length);
  while (common < n && StringPrototypeToLowerCase(f[common]) === StringPrototypeToLowerCase(t[common])) common++;
  if (common === 0 && f.length > 0 && t.length > 0) return toOrig;
  const out = [];
  for (let i = common; i < f.length; i++) ArrayPrototypePush(out, '..');
  for (let i = common; i < t.length; i++) ArrayPrototypePush(out, t[i]);
  return ArrayPrototypeJoin(out, '\\');
}

function toNamespacedPath(path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = resolve(path);
  if (resolved.length <= 2) return path;
  if (StringPrototypeCharCodeAt(resolved, 0) === BSLASH) {
    if (StringPrototypeCharCodeAt(resolved, 1) === BSLASH) {
      const c = StringPrototypeCharCodeAt(resolved, 2);
      if (c !== 63 /* ? */ && c !== DOT) return `\\\\?\\UNC\\${StringPrototypeSlice(resolved, 2)}`;
    }
    return resolved;
  }
  if (hasDrive(resolved) && StringPrototypeCharCodeAt(resolved, 2) === BSLASH) return `\\\\?\\${resolved}`;
  return resolved;
}

function dirname(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(StringPrototypeCharCodeAt(path, 0)) ? path : '.';
  const { rootEnd } = parseRoot(path);
  if (rootEnd >= len) return path;
  // Cut at the separator just before the last segment (only that one
  // separator goes, as in Node); with none, what is left is the root.
  const end = separatorBeforeLast(path, rootEnd);
  if (end === -1) return rootEnd === 0 ? '.' : StringPrototypeSlice(path, 0, rootEnd);
  return StringPrototypeSlice(path, 0, end);
}

// Index of the separator that precedes the last segment, searching no lower
// than `floor`; -1 when there is none.
function separatorBeforeLast(path, floor) {
  let seenName = false;
  for (let i = path.length - 1; i >= floor; i--) {
    if (isSep(StringPrototypeCharCodeAt(path, i))) {
      if (seenName) return i;
    } else {
      seenName = true;
    }
  }
  return -1;
}

// [start, end) of the last segment, ignoring trailing separators and a
// leading drive.
function lastSegment(path) {
  const floor = hasDrive(path) ? 2 : 0;
  let end = path.length;
  while (end > floor && isSep(StringPrototypeCharCodeAt(path, end - 1))) end--;
  let start = end;
  while (start > floor && !isSep(StringPrototypeCharCodeAt(path, start - 1))) start--;
  return [start, end];
}

function basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  const [start, end] = lastSegment(path);
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) return StringPrototypeSlice(path, start, end);
  return stripSuffix(path, suffix, start, end);
}

// Node matches the suffix backwards from the end of the last segment: a full
// match inside the segment is cut off (unless it is the whole segment); a
// segment that is itself a tail of the suffix yields everything from the
// segment start to the end of the path, trailing separators included.
function stripSuffix(path, suffix, start, end) {
  if (suffix === path) return '';
  const base = StringPrototypeSlice(path, start, end);
  if (base.length >= suffix.length) {
    if (StringPrototypeEndsWith(base, suffix) && base.length > suffix.length) return StringPrototypeSlice(base, 0, base.length - suffix.length);
    return base;
  }
  if (StringPrototypeEndsWith(suffix, base)) return StringPrototypeSlice(path, start);
  return base;
}

function extDot(base) {
  const dot = StringPrototypeLastIndexOf(base, '.');
  if (dot <= 0 || base === '..') return -1;
  return dot;
}

function extname(path) {
  validateString(path, 'path');
  const [start, end] = lastSegment(path);
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
  return dir === pathObject.root ? `${dir}${base}` : `${dir}\\${base}`;
}

function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  const len = path.length;
  if (len === 0) return ret;
  let { rootEnd } = parseRoot(path);
  if (len === 1 && isSep(StringPrototypeCharCodeAt(path, 0))) rootEnd = 1;
  ret.root = StringPrototypeSlice(path, 0, rootEnd);
  if (rootEnd >= len) {
    ret.dir = ret.root;
    return ret;
  }
  let end = len;
  while (end > rootEnd && isSep(StringPrototypeCharCodeAt(path, end - 1))) end--;
  if (end <= rootEnd) {
    ret.dir = ret.root;
    return ret;
  }
  let start = end;
  while (start > rootEnd && !isSep(StringPrototypeCharCodeAt(path, start - 1))) start--;
  const base = StringPrototypeSlice(path, start, end);
  ret.base = base;
  const dot = extDot(base);
  if (dot === -1) {
    ret.name = base;
  } else {
    ret.name = StringPrototypeSlice(base, 0, dot);
    ret.ext = StringPrototypeSlice(base, dot);
  }
  ret.dir = start - 1 > rootEnd ? StringPrototypeSlice(path, 0, start - 1) : ret.root;
  return ret;
}

module.exports = {
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
  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
  _makeLong: toNamespacedPath,
};
