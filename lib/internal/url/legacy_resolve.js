'use strict';
// Legacy Url resolution (url.resolve, url.resolveObject, Url#resolveObject)
// and url.format() for both Url-like objects and WHATWG URLs. Installed onto
// internal/url/legacy's exports.
// internalBinding: none.

const {
  ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeShift,
  ArrayPrototypeSplice, ArrayPrototypeUnshift, FunctionPrototypeCall, ObjectAssign, ObjectKeys,
  SafeArrayIterator, StringPrototypeCharAt, StringPrototypeSplit,
} = primordials;
const { regExpTest } = require('internal/util/regexp');
const { concatOf, indexOfIn, sliceOf } = require('internal/util/either');

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

module.exports = function install(legacy) {
  const { Url, urlParse, slashedProtocol, hostlessProtocol } = legacy;

  // Put a hostless URL's host back from the first path segment, splitting
  // off any 'auth@' that ended up in it (as in 'mailto:a@b' + 'c@d').
  function hostFromPath(result, first) {
    result.hostname = result.host = first;
    const parts = result.host && indexOfIn(result.host, '@') > 0 ? StringPrototypeSplit(result.host, '@') : null;
    if (parts) {
      result.auth = ArrayPrototypeShift(parts);
      result.host = result.hostname = ArrayPrototypeShift(parts);
    }
  }

  function setPath(result) {
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    }
  }

  Url.prototype.resolveObject = function resolveObject(relative) {
    if (typeof relative === 'string') relative = urlParse(relative, false, true);
    const result = new Url();
    for (const key of new SafeArrayIterator(ObjectKeys(this))) result[key] = this[key];

    // The hash always comes from the relative URL, even when it is empty.
    result.hash = relative.hash;
    if (relative.href === '') {
      result.href = result.format();
      return result;
    }

    // '//host/path' keeps only the protocol of the base.
    if (relative.slashes && !relative.protocol) {
      for (const key of new SafeArrayIterator(ObjectKeys(relative))) if (key !== 'protocol') result[key] = relative[key];
      if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
        result.path = result.pathname = '/';
      }
      result.href = result.format();
      return result;
    }

    if (relative.protocol && relative.protocol !== result.protocol) {
      // A different protocol: unknown ones are taken as absolute; for the
      // slashed ones a missing host is read from the start of the path
      // (except for file:, which is hostless).
      if (!slashedProtocol.has(relative.protocol)) {
        for (const key of new SafeArrayIterator(ObjectKeys(relative))) result[key] = relative[key];
        result.href = result.format();
        return result;
      }
      result.protocol = relative.protocol;
      if (!relative.host && !regExpTest(/^file:?$/, relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
        const relPath = StringPrototypeSplit((relative.pathname || ''), '/');
        while (relPath.length && !(relative.host = ArrayPrototypeShift(relPath)));
        if (!relative.host) relative.host = '';
        if (!relative.hostname) relative.hostname = '';
        if (relPath[0] !== '') ArrayPrototypeUnshift(relPath, '');
        if (relPath.length < 2) ArrayPrototypeUnshift(relPath, '');
        result.pathname = ArrayPrototypeJoin(relPath, '/');
      } else {
        result.pathname = relative.pathname;
      }
      result.search = relative.search;
      result.query = relative.query;
      result.host = relative.host || '';
      result.auth = relative.auth;
      result.hostname = relative.hostname || relative.host;
      result.port = relative.port;
      if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
      result.slashes = result.slashes || relative.slashes;
      result.href = result.format();
      return result;
    }

    const isSourceAbs = result.pathname && StringPrototypeCharAt(result.pathname, 0) === '/';
    const isRelAbs = relative.host || (relative.pathname && StringPrototypeCharAt(relative.pathname, 0) === '/');
    let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
    const removeAllDots = mustEndAbs;
    let srcPath = (result.pathname && StringPrototypeSplit(result.pathname, '/')) || [];
    const relPath = (relative.pathname && StringPrototypeSplit(relative.pathname, '/')) || [];
    const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

    // For URLs like 'mailto:' the host is treated as the first path segment,
    // so '..' can climb into it; it is put back at the end.
    if (noLeadingSlashes) {
      result.hostname = '';
      result.port = null;
      if (result.host) {
        if (srcPath[0] === '') srcPath[0] = result.host;
        else ArrayPrototypeUnshift(srcPath, result.host);
      }
      result.host = '';
      if (relative.protocol) {
        // Node drops the base's auth here too.
        result.auth = null;
        relative.hostname = null;
        relative.port = null;
        if (relative.host) {
          if (relPath[0] === '') relPath[0] = relative.host;
          else ArrayPrototypeUnshift(relPath, relative.host);
        }
        relative.host = null;
      }
      mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
    }

    if (isRelAbs) {
      if (relative.host || relative.host === '') {
        if (result.host !== relative.host) result.auth = null;
        result.host = relative.host;
        result.port = relative.port;
      }
      if (relative.hostname || relative.hostname === '') {
        if (result.hostname !== relative.hostname) result.auth = null;
        result.hostname = relative.hostname;
      }
      result.search = relative.search;
      result.query = relative.query;
      srcPath = relPath;
    } else if (relPath.length) {
      // Relative path: drop the base's last segment and append.
      ArrayPrototypePop(srcPath);
      srcPath = concatOf(srcPath, relPath);
      result.search = relative.search;
      result.query = relative.query;
    } else if (relative.search !== null && relative.search !== undefined) {
      // Only a new query ('?x').
      if (noLeadingSlashes) hostFromPath(result, ArrayPrototypeShift(srcPath));
      result.search = relative.search;
      result.query = relative.query;
      setPath(result);
      result.href = result.format();
      return result;
    }

    if (!srcPath.length) {
      result.pathname = null;
      result.path = result.search ? '/' + result.search : null;
      result.href = result.format();
      return result;
    }

    // A path ending in '.' or '..' (or '') keeps a trailing slash.
    let last = sliceOf(srcPath, -1)[0];
    const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) &&
      (last === '.' || last === '..')) || last === '';

    // Drop '.', resolve '..' against earlier segments, counting any excess.
    let up = 0;
    for (let i = srcPath.length - 1; i >= 0; i--) {
      last = srcPath[i];
      if (last === '.') {
        ArrayPrototypeSplice(srcPath, i, 1);
      } else if (last === '..') {
        ArrayPrototypeSplice(srcPath, i, 1);
        up++;
      } else if (up) {
        ArrayPrototypeSplice(srcPath, i, 1);
        up--;
      }
    }
    if (!mustEndAbs && !removeAllDots) {
      while (up--) ArrayPrototypeUnshift(srcPath, '..');
    }
    if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || StringPrototypeCharAt(srcPath[0], 0) !== '/')) ArrayPrototypeUnshift(srcPath, '');
    if (hasTrailingSlash && sliceOf(ArrayPrototypeJoin(srcPath, '/'), -1) !== '/') ArrayPrototypePush(srcPath, '');

    const isAbsolute = srcPath[0] === '' || (srcPath[0] && StringPrototypeCharAt(srcPath[0], 0) === '/');
    if (noLeadingSlashes) hostFromPath(result, isAbsolute ? '' : srcPath.length ? ArrayPrototypeShift(srcPath) : '');

    mustEndAbs = mustEndAbs || (result.host && srcPath.length);
    if (mustEndAbs && !isAbsolute) ArrayPrototypeUnshift(srcPath, '');

    if (srcPath.length > 0) {
      result.pathname = ArrayPrototypeJoin(srcPath, '/');
    } else {
      result.pathname = null;
      result.path = null;
    }
    setPath(result);
    result.auth = relative.auth || result.auth;
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  };

  function urlResolve(source, relative) {
    return urlParse(source, false, true).resolve(relative);
  }

  function urlResolveObject(source, relative) {
    if (!source) return relative;
    return urlParse(source, false, true).resolveObject(relative);
  }

  let whatwg;
  // url.format(): strings are parsed first; WHATWG URLs take options.
  function urlFormat(urlObject, options) {
    if (typeof urlObject === 'string') {
      urlObject = urlParse(urlObject);
    } else if (typeof urlObject !== 'object' || urlObject === null) {
      throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
    } else {
      // Loaded on first use (internal/url requires this file), then kept.
      whatwg ??= require('internal/url');
      if (whatwg.isURL(urlObject)) return formatWhatwg(whatwg, urlObject, options);
    }
    return FunctionPrototypeCall(Url.prototype.format, urlObject);
  }

  function formatWhatwg(internal, url, options) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
      if ('fragment' in options) fragment = Boolean(options.fragment);
      if ('unicode' in options) unicode = Boolean(options.unicode);
      if ('search' in options) search = Boolean(options.search);
      if ('auth' in options) auth = Boolean(options.auth);
    }
    return internal.formatURL(url, fragment, search, auth, unicode);
  }

  ObjectAssign(legacy, { urlResolve, urlResolveObject, urlFormat });
};
