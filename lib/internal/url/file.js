'use strict';
// fileURLToPath, pathToFileURL, urlToHttpOptions, domainToASCII and
// domainToUnicode; installed onto internal/url's exports.
// internalBinding: none (uses process.platform and path.resolve).

const {
  ObjectAssign, SafeStringIterator, StringPrototypeCharCodeAt, StringPrototypeCodePointAt,
  StringPrototypeStartsWith,
} = primordials;
const { regExpReplace } = require('internal/util/regexp');
const { indexOfIn, sliceOf } = require('internal/util/either');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { parseHost, serializeHost, toUSV } = require('internal/url/host');
const { toUnicode } = require('internal/url/idna');

module.exports = function install(target) {
  const { URL, isURL } = target;

  // Objects that quack like a URL (href + protocol) are accepted, as Node does.
  function isURLLike(v) {
    return isURL(v) || (v != null && typeof v === 'object' && typeof v.href === 'string' &&
      typeof v.protocol === 'string' && v.auth === undefined && v.path === undefined);
  }

  function getPathFromURLPosix(url) {
    if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
    const pathname = url.pathname;
    for (let n = 0; n < pathname.length; n++) {
      if (pathname[n] === '%') {
        const third = StringPrototypeCodePointAt(pathname, n + 2) | 0x20;
        if (pathname[n + 1] === '2' && third === 102) {
          throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
        }
      }
    }
    return decodeURIComponent(pathname);
  }

  function getPathFromURLWin32(url) {
    const hostname = url.hostname;
    let pathname = url.pathname;
    for (let n = 0; n < pathname.length; n++) {
      if (pathname[n] === '%') {
        const third = StringPrototypeCodePointAt(pathname, n + 2) | 0x20;
        if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
          throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
        }
      }
    }
    pathname = decodeURIComponent(regExpReplace(pathname, /\//g, '\\'));
    if (hostname !== '') return `\\\\${toUnicode(hostname)}${pathname}`;
    const letter = StringPrototypeCodePointAt(pathname, 1) | 0x20;
    const sep = pathname[2];
    if (letter < 97 || letter > 122 || sep !== ':') throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
    return sliceOf(pathname, 1);
  }

  function fileURLToPath(path, options = undefined) {
    const windows = options?.windows ?? process.platform === 'win32';
    if (typeof path === 'string') path = new URL(path);
    else if (!isURLLike(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
    if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
    return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
  }

  // Characters pathToFileURL leaves as they are; everything else is
  // percent-encoded as UTF-8.
  const keep = new Int8Array(128);
  for (const ch of new SafeStringIterator('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._!$&\'()*+,;=:@/')) {
    keep[StringPrototypeCharCodeAt(ch, 0)] = 1;
  }
  function encodePathChars(str) {
    let out = '';
    for (const ch of new SafeStringIterator(str)) {
      const c = StringPrototypeCodePointAt(ch, 0);
      if (c < 128 && keep[c] === 1) {
        out += ch;
      } else {
        out += ch === '~' ? '%7E' : encodeURIComponent(ch);
      }
    }
    return out;
  }

  function pathToFileURL(filepath, options = undefined) {
    const windows = options?.windows ?? process.platform === 'win32';
    validateString(filepath, 'path');
    const pathModule = require('path');
    if (windows) {
      const win32 = pathModule.win32;
      if (StringPrototypeStartsWith(filepath, '\\\\')) {
        // UNC path: \\server\share\resource
        const hostnameEnd = indexOfIn(filepath, '\\', 2);
        if (hostnameEnd === -1) {
          throw new ERR_INVALID_ARG_TYPE('path', 'UNC path with a share name', filepath);
        }
        const hostname = sliceOf(filepath, 2, hostnameEnd);
        const out = new URL('file://');
        out.hostname = hostname;
        out.pathname = encodePathChars(regExpReplace(sliceOf(filepath, hostnameEnd), /\\/g, '/'));
        return out;
      }
      let resolved = win32.resolve(filepath);
      const last = StringPrototypeCharCodeAt(filepath, filepath.length - 1);
      if ((last === 47 || last === 92) && resolved[resolved.length - 1] !== win32.sep) resolved += '/';
      return new URL(`file:///${encodePathChars(regExpReplace(resolved, /\\/g, '/'))}`);
    }
    let resolved = pathModule.resolve(filepath);
    if (StringPrototypeCharCodeAt(filepath, filepath.length - 1) === 47 && resolved[resolved.length - 1] !== '/') resolved += '/';
    return new URL(`file://${encodePathChars(resolved)}`);
  }

  function urlToHttpOptions(url) {
    const { hostname, pathname, port, username, password, search } = url;
    const options = {
      __proto__: null,
      ...url,
      protocol: url.protocol,
      hostname: typeof hostname === 'string' && StringPrototypeStartsWith(hostname, '[') ? sliceOf(hostname, 1, -1) : hostname,
      hash: url.hash,
      search,
      pathname,
      path: `${pathname || ''}${search || ''}`,
      href: url.href,
    };
    if (port !== '') options.port = Number(port);
    if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
    return options;
  }

  function domainToASCII(domain) {
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
    const host = parseHost(toUSV(`${domain}`), false);
    return host === null ? '' : serializeHost(host);
  }

  function domainToUnicode(domain) {
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
    const host = parseHost(toUSV(`${domain}`), false);
    if (host === null) return '';
    const s = serializeHost(host);
    return typeof host === 'string' ? toUnicode(s) : s;
  }

  ObjectAssign(target, { fileURLToPath, pathToFileURL, urlToHttpOptions, domainToASCII, domainToUnicode });
};
