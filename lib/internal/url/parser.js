'use strict';
// The WHATWG "basic URL parser" state machine and the URL serializer.
// A URL record is a plain object:
//   { scheme, username, password, host, port, path, query, fragment }
// host: null | string | number (IPv4) | number[8] (IPv6); port: null | number;
// path: string[] (segments) or string (opaque path); query/fragment: null | string.
// parse() returns the record or null on failure; with a state override it
// edits `url` in place (the URL setters) and returns false on failure.
// internalBinding: none.

const {
  ArrayIsArray, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeSlice, SafeArrayIterator,
  StringFromCharCode, StringFromCodePoint, StringFromCodePointApply, StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt, StringPrototypeToLowerCase,
} = primordials;
const { regExpReplace } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

const {
  inC0, inFragment, inQuery, inSpecialQuery, inPath, inUserinfo,
  utf8PercentEncodeCodePoint: enc,
  utf8PercentEncodeString,
  parseHost, serializeHost,
} = require('internal/url/host');

const specialPorts = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };
const isSpecialScheme = (s) => s in specialPorts;
const defaultPort = (s) => (s in specialPorts ? specialPorts[s] : null);

// States.
const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

const EOF = -1;

const isAlpha = (c) => (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
const isDigit = (c) => c >= 0x30 && c <= 0x39;

function isWindowsDriveLetter(s, normalizedOnly) {
  return s.length === 2 && isAlpha(StringPrototypeCharCodeAt(s, 0)) &&
    (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}

// Whether code points cps[p..] start with a Windows drive letter.
function startsWithDriveLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!isAlpha(cps[p]) || (cps[p + 1] !== 0x3A && cps[p + 1] !== 0x7C)) return false;
  if (cps.length - p === 2) return true;
  const c = cps[p + 2];
  return c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23;
}

function isSingleDot(s) {
  return s === '.' || StringPrototypeToLowerCase(s) === '%2e';
}

function isDoubleDot(s) {
  switch (s.length) {
    case 2: return s === '..';
    case 4: {
      const l = StringPrototypeToLowerCase(s);
      return l === '.%2e' || l === '%2e.';
    }
    case 6: return StringPrototypeToLowerCase(s) === '%2e%2e';
    default: return false;
  }
}

function shortenPath(url) {
  const path = url.path;
  // Node (ada) keeps any first file segment that merely starts like 'C:'.
  if (url.scheme === 'file' && path.length === 1 && path[0].length >= 2 &&
      isAlpha(StringPrototypeCharCodeAt(path[0], 0)) && path[0][1] === ':') {
    return;
  }
  ArrayPrototypePop(path);
}

function hasCredentials(url) {
  return url.username !== '' || url.password !== '';
}

function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
}

function cloneRecord(u) {
  return { ...u, path: ArrayIsArray(u.path) ? sliceOf(u.path) : u.path, host: ArrayIsArray(u.host) ? sliceOf(u.host) : u.host };
}

function trimControlAndSpace(s) {
  let start = 0;
  let end = s.length;
  while (start < end && StringPrototypeCharCodeAt(s, start) <= 0x20) start++;
  while (end > start && StringPrototypeCharCodeAt(s, end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : sliceOf(s, start, end);
}

function codePoints(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCodePointAt(s, i);
    ArrayPrototypePush(out, c);
    if (c > 0xFFFF) i++;
  }
  return out;
}

const fromCps = (cps, a, b) => StringFromCodePointApply(ArrayPrototypeSlice(cps, a, b));

function parse(input, base = null, url = null, stateOverride = 0) {
  if (url === null) {
    url = newRecord();
    input = trimControlAndSpace(input);
  }
  input = regExpReplace(input, /[\t\n\r]/g, '');
  const cps = codePoints(input);
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const fail = stateOverride ? false : null;

  // The pointer may step back (p--), so EOF can be visited more than once.
  let scheme = null;
  let special = false;
  for (let p = 0; p <= cps.length; p++) {
    const c = p < cps.length ? cps[p] : EOF;
    if (url.scheme !== scheme) {
      scheme = url.scheme;
      special = isSpecialScheme(scheme);
    }
    switch (state) {
      case SCHEME_START:
        if (c !== EOF && isAlpha(c)) {
          buffer += StringPrototypeToLowerCase(StringFromCharCode(c));
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          p--;
        } else {
          return fail;
        }
        break;

      case SCHEME:
        if (c !== EOF && (isAlpha(c) || isDigit(c) || c === 0x2B || c === 0x2D || c === 0x2E)) {
          buffer += StringPrototypeToLowerCase(StringFromCharCode(c));
        } else if (c === 0x3A) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((hasCredentials(url) || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[p + 1] === 0x2F) {
            state = PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          p = -1;
        } else {
          return fail;
        }
        break;

      case NO_SCHEME:
        if (base === null || (typeof base.path === 'string' && c !== 0x23)) return fail;
        if (typeof base.path === 'string' && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          p--;
        } else {
          state = FILE;
          p--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2F && cps[p + 1] === 0x2F) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = RELATIVE;
          p--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          state = PATH;
          p--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2F || (isSpecialScheme(url.scheme) && c === 0x5C)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = sliceOf(base.path);
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            p--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (special && (c === 0x2F || c === 0x5C)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2F && cps[p + 1] === 0x2F) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2F && c !== 0x5C) {
          state = AUTHORITY;
          p--;
        }
        break;

      case AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          for (let i = 0; i < buffer.length; i++) {
            const cp = StringPrototypeCodePointAt(buffer, i);
            if (cp > 0xFFFF) i++;
            if (cp === 0x3A && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const e = enc(cp, inUserinfo);
            if (passwordTokenSeen) url.password += e;
            else url.username += e;
          }
          buffer = '';
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 || (special && c === 0x5C)) {
          if (atSignSeen && buffer === '') return fail;
          p -= codePoints(buffer).length + 1;
          buffer = '';
          state = HOST;
        } else {
          buffer += StringFromCodePoint(c);
        }
        break;

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = FILE_HOST;
        } else if (c === 0x3A && !insideBrackets) {
          if (buffer === '') {
            // Node (ada) lets a setter empty a non-special URL's host this way.
            if (stateOverride === HOST && !special && url.host !== null) {
              url.host = '';
              return url;
            }
            return fail;
          }
          if (stateOverride === HOSTNAME) return fail;
          const host = parseHost(buffer, !special);
          if (host === null) return fail;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 || (special && c === 0x5C)) {
          p--;
          if (special && buffer === '') return fail;
          if (stateOverride && buffer === '' && (hasCredentials(url) || url.port !== null || url.host === null)) {
            return fail;
          }
          const host = parseHost(buffer, !special);
          if (host === null) return fail;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === 0x5B) insideBrackets = true;
          if (c === 0x5D) insideBrackets = false;
          buffer += StringFromCodePoint(c);
        }
        break;

      case PORT:
        if (c !== EOF && isDigit(c)) {
          buffer += StringFromCharCode(c);
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 || (special && c === 0x5C) || stateOverride) {
          if (buffer !== '') {
            const port = Number(buffer);
            if (port > 65535) return fail;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          } else if (stateOverride) {
            return fail;
          }
          if (stateOverride) return url;
          state = PATH_START;
          p--;
        } else {
          return fail;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2F || c === 0x5C) {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = sliceOf(base.path);
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithDriveLetter(cps, p)) shortenPath(url);
            else url.path = [];
            state = PATH;
            p--;
          }
        } else {
          state = PATH;
          p--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2F || c === 0x5C) {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithDriveLetter(cps, p) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              ArrayPrototypePush(url.path, base.path[0]);
            }
          }
          state = PATH;
          p--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23) {
          p--;
          if (!stateOverride && isWindowsDriveLetter(buffer, false)) {
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !special);
            if (host === null) return fail;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += StringFromCodePoint(c);
        }
        break;

      case PATH_START:
        if (special) {
          state = PATH;
          if (c !== 0x2F && c !== 0x5C) p--;
        } else if (!stateOverride && c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2F) p--;
        } else if (stateOverride && url.host === null) {
          ArrayPrototypePush(url.path, '');
        }
        break;

      case PATH:
        if (c === EOF || c === 0x2F || (special && c === 0x5C) || (!stateOverride && (c === 0x3F || c === 0x23))) {
          const slash = c === 0x2F || (special && c === 0x5C);
          if (isDoubleDot(buffer)) {
            // Node (ada) adds the empty last segment of a non-special URL
            // only when '..' had a segment to remove.
            const hadSegments = url.path.length > 0;
            shortenPath(url);
            if (!slash && (special || hadSegments)) ArrayPrototypePush(url.path, '');
          } else if (isSingleDot(buffer) && !slash) {
            ArrayPrototypePush(url.path, '');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer, false)) {
              buffer = buffer[0] + ':';
            }
            ArrayPrototypePush(url.path, buffer);
          }
          buffer = '';
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else if (c > 0x20 && c < 0x7F && !inPath(c)) {
          buffer += StringFromCharCode(c);
        } else {
          buffer += enc(c, inPath);
        }
        break;

      case OPAQUE_PATH:
        if (c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          url.path += enc(c, inC0);
        }
        break;

      case QUERY:
        if ((!stateOverride && c === 0x23) || c === EOF) {
          url.query += utf8PercentEncodeString(buffer, special ? inSpecialQuery : inQuery);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else if (c !== EOF) {
          buffer += StringFromCodePoint(c);
        }
        break;

      case FRAGMENT:
        if (c !== EOF) url.fragment += enc(c, inFragment);
        break;
    }
  }
  return url;
}

function serializePath(url) {
  if (typeof url.path === 'string') return url.path;
  let out = '';
  for (const seg of new SafeArrayIterator(url.path)) out += '/' + seg;
  return out;
}

function serialize(url, excludeFragment = false) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += serializeHost(url.host);
    if (url.port !== null) out += ':' + url.port;
  }
  if (url.host === null && typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') out += '/.';
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

module.exports = {
  parse,
  serialize,
  serializePath,
  cloneRecord,
  isSpecialScheme,
  defaultPort,
  states: { SCHEME_START, AUTHORITY, HOST, HOSTNAME, PORT, PATH_START, QUERY, FRAGMENT },
  inUserinfo,
  inC0,
};
