'use strict';
// The legacy url API: Url objects from url.parse(), url.format(),
// url.resolve() and url.resolveObject(). This is Node's historical,
// non-standard parser, reproduced with its quirks (lenient hosts,
// backslashes turned into slashes before the query, auto-escaping of a few
// characters, RFC 1808-style resolution).
// internalBinding: none.

const {
  RegExpPrototypeExec, SafeArrayIterator, SafeSet, SafeStringIterator, StringPrototypeCharCodeAt,
  StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeSlice,
  StringPrototypeStartsWith, StringPrototypeToLowerCase,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { toASCII } = require('internal/url/idna');

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const protocolPattern = /^[a-z0-9.+-]+:/i;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const hostnameMaxLen = 255;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

// Protocols that never have a host, and those that always get '//'.
const hostlessProtocol = new SafeSet(new SafeArrayIterator(['javascript', 'javascript:']));
const slashedProtocol = new SafeSet(new SafeArrayIterator(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']));
const unsafeProtocol = hostlessProtocol;
// slashedProtocol.has(p) for the hot paths: V8 10.2's Set#has on a string costs
// about twice a switch over these constants.
function isSlashedProtocol(p) {
  switch (p) {
    case 'http:': case 'https:': case 'file:': case 'ws:': case 'wss:': case 'ftp:': case 'gopher:':
    case 'http': case 'https': case 'file': case 'ws': case 'wss': case 'ftp': case 'gopher':
      return true;
  }
  return false;
}

// Characters that end the host: they can never be part of a hostname.
const nonHostChars = new SafeSet(new SafeArrayIterator([32, 34, 37, 39, 59, 60, 62, 92, 94, 96, 123, 124, 125]));
// Characters the parser escapes in the path, query and hash.
const autoEscape = { __proto__: null, 9: '%09', 10: '%0A', 13: '%0D', 32: '%20', 34: '%22', 39: '%27',
  60: '%3C', 62: '%3E', 92: '%5C', 94: '%5E', 96: '%60', 123: '%7B', 124: '%7C', 125: '%7D' };

let querystring;
function qs() {
  if (querystring === undefined) querystring = require('querystring');
  return querystring;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function isWhitespace(code) {
  return code < 33 || code === 0xA0 || code === 0xFEFF;
}

// Trim whitespace and turn '\' into '/' up to the first '?' or '#'.
// Returns the cleaned string and whether a '#' or '@' occurs.
function prepare(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isWhitespace(StringPrototypeCharCodeAt(url, start))) start++;
  while (end > start && isWhitespace(StringPrototypeCharCodeAt(url, end - 1))) end--;
  let out = '';
  let hasHash = false;
  let hasAt = false;
  let split = false;
  let last = start;
  for (let i = start; i < end; i++) {
    const c = StringPrototypeCharCodeAt(url, i);
    if (split) {
      if (c === 35) hasHash = true;
      continue;
    }
    if (c === 64) {
      hasAt = true;
    } else if (c === 35 || c === 63) {
      if (c === 35) hasHash = true;
      split = true;
    } else if (c === 92) {
      out += StringPrototypeSlice(url, last, i) + '/';
      last = i + 1;
    }
  }
  return { rest: out + StringPrototypeSlice(url, last, end), hasHash, hasAt };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  let { rest, hasHash, hasAt } = prepare(url);

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    // Fast path for plain paths like '/a/b?c'.
    const simple = RegExpPrototypeExec(simplePathPattern, rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? qs().parse(StringPrototypeSlice(this.search, 1)) : StringPrototypeSlice(this.search, 1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = RegExpPrototypeExec(protocolPattern, rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = StringPrototypeToLowerCase(proto);
    this.protocol = lowerProto;
    rest = StringPrototypeSlice(rest, proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || regExpTest(hostPattern, rest)) {
    slashes = StringPrototypeCharCodeAt(rest, 0) === 47 && StringPrototypeCharCodeAt(rest, 1) === 47;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = StringPrototypeSlice(rest, 2);
      this.slashes = true;
    }
  }

  // Note: the original-case protocol is looked up here, as Node does.
  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !isSlashedProtocol(proto)))) {
    rest = this._parseAuthority(rest, url);
  }

  if (!unsafeProtocol.has(lowerProto)) rest = escapeRest(rest);

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c === 35) {
      this.hash = StringPrototypeSlice(rest, i);
      hashIdx = i;
      break;
    } else if (c === 63 && questionIdx === -1) {
      questionIdx = i;
    }
  }
  if (questionIdx !== -1) {
    const stop = hashIdx === -1 ? rest.length : hashIdx;
    this.search = StringPrototypeSlice(rest, questionIdx, stop);
    this.query = StringPrototypeSlice(rest, questionIdx + 1, stop);
    if (parseQueryString) this.query = qs().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const firstIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = StringPrototypeSlice(rest, 0, firstIdx);
  }
  if (isSlashedProtocol(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  // format() as Node calls it, unless nobody replaced it.
  this.href = this.format === urlFormat ? formatUrl(this, true) : this.format();
  return this;
};

// Split "auth@host:port" off the front of `rest`; returns what follows.
Url.prototype._parseAuthority = function(rest, url) {
  // Tabs and newlines vanish from everything before the first '/', '?' or '#'.
  let end = -1;
  let hasTabOrNewline = false;
  for (let i = 0; i < rest.length; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c === 47 || c === 63 || c === 35) {
      end = i;
      break;
    }
    if (c === 9 || c === 10 || c === 13) hasTabOrNewline = true;
  }
  if (hasTabOrNewline) {
    const head = end === -1 ? rest : StringPrototypeSlice(rest, 0, end);
    rest = regExpReplace(head, /[\t\n\r]/g, '') + (end === -1 ? '' : StringPrototypeSlice(rest, end));
  }
  let hostEnd = -1;
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length && hostEnd === -1; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c === 35 || c === 47 || c === 63) {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (c === 64) {
      // The last '@' before the host ends decides where the auth stops.
      atSign = i;
      nonHost = -1;
    } else if (nonHostChars.has(c) && nonHost === -1) {
      nonHost = i;
    }
  }
  let start = 0;
  if (atSign !== -1) {
    this.auth = decodeURIComponent(StringPrototypeSlice(rest, 0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) {
    this.host = StringPrototypeSlice(rest, start);
    rest = '';
  } else {
    this.host = StringPrototypeSlice(rest, start, nonHost);
    rest = StringPrototypeSlice(rest, nonHost);
  }

  this.parseHost();
  if (typeof this.hostname !== 'string') this.hostname = '';
  let hostname = this.hostname;
  const ipv6 = isIpv6Hostname(hostname);
  if (!ipv6) {
    // A ':' left in the hostname (not a port) starts the path instead.
    const colon = StringPrototypeIndexOf(hostname, ':');
    if (colon !== -1) {
      this.hostname = StringPrototypeSlice(hostname, 0, colon);
      rest = `/${StringPrototypeSlice(hostname, colon)}${rest}`;
      if (!warnedInvalidHost) {
        // Like Node's deprecation warnings, only the first one is shown.
        warnedInvalidHost = true;
        process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
          'DeprecationWarning', 'DEP0170');
      }
    }
  }
  if (this.hostname.length > hostnameMaxLen) this.hostname = '';
  else this.hostname = StringPrototypeToLowerCase(this.hostname);
  hostname = this.hostname;
  if (hostname !== '') {
    if (ipv6) {
      if (regExpTest(forbiddenHostCharsIpv6, hostname)) throw new ERR_INVALID_URL(url);
    } else {
      const ascii = toASCII(hostname);
      // A host that IDNA maps to nothing (a soft hyphen) or to a forbidden character
      // (U+FF20 is '@' after NFKC) would let the host be spoofed.
      if (ascii === null || ascii === '' || regExpTest(forbiddenHostChars, ascii)) {
        throw new ERR_INVALID_URL(url);
      }
      this.hostname = ascii;
    }
  }
  this.host = (this.hostname || '') + (this.port ? ':' + this.port : '');
  if (ipv6) {
    this.hostname = StringPrototypeSlice(this.hostname, 1, -1);
    if (rest[0] !== '/') rest = '/' + rest;
  }
  return rest;
};

let warnedInvalidHost = false;

function isIpv6Hostname(hostname) {
  return StringPrototypeCharCodeAt(hostname, 0) === 91 && StringPrototypeCharCodeAt(hostname, hostname.length - 1) === 93;
}

function escapeRest(rest) {
  let out = '';
  let last = 0;
  for (let i = 0; i < rest.length; i++) {
    const e = autoEscape[StringPrototypeCharCodeAt(rest, i)];
    if (e === undefined) continue;
    out += StringPrototypeSlice(rest, last, i) + e;
    last = i + 1;
  }
  return last === 0 ? rest : out + StringPrototypeSlice(rest, last);
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  // A trailing ':' and digits (/:[0-9]*$/), found from the end.
  let colon = host.length - 1;
  while (colon >= 0) {
    const c = StringPrototypeCharCodeAt(host, colon);
    if (c < 48 || c > 57) break;
    colon--;
  }
  if (colon >= 0 && StringPrototypeCharCodeAt(host, colon) === 58) {
    if (colon !== host.length - 1) this.port = StringPrototypeSlice(host, colon + 1);
    host = StringPrototypeSlice(host, 0, colon);
  }
  if (host) this.hostname = host;
};

// Characters format() leaves alone in the auth part.
const authKeep = new Int8Array(128);
for (const ch of new SafeStringIterator('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*\'():')) {
  authKeep[StringPrototypeCharCodeAt(ch, 0)] = 1;
}
function encodeAuth(s) {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c < 128 && authKeep[c] === 1) continue;
    // A surrogate pair is one character to encodeURIComponent; a lone surrogate
    // makes it throw, as Node's format does.
    let end = i + 1;
    if (c >= 0xD800 && c <= 0xDBFF && end < s.length) {
      const d = StringPrototypeCharCodeAt(s, end);
      if (d >= 0xDC00 && d <= 0xDFFF) end++;
    }
    out += StringPrototypeSlice(s, last, i) + encodeURIComponent(StringPrototypeSlice(s, i, end));
    i = end - 1;
    last = end;
  }
  return last === 0 ? s : out + StringPrototypeSlice(s, last);
}

// `s` with each '#' (and with `question`, each '?') percent-escaped.
function escapeHashQuestion(s, question) {
  // Mostly there is nothing to escape: indexOf (a builtin's memchr) says so in a
  // fraction of a charCodeAt loop's time over a sliced string.
  if (StringPrototypeIndexOf(s, '#') === -1 && (!question || StringPrototypeIndexOf(s, '?') === -1)) return s;
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 35 || (question && c === 63)) {
      out += StringPrototypeSlice(s, last, i) + (c === 35 ? '%23' : '%3F');
      last = i + 1;
    }
  }
  return last === 0 ? s : out + StringPrototypeSlice(s, last);
}

Url.prototype.format = function format() {
  return formatUrl(this, false);
};
const urlFormat = Url.prototype.format;

// `parsed`: called by parse(), whose query object (if any) is either empty or
// came with a search string, so serialising it again could not change the result.
function formatUrl(self, parsed) {
  let auth = self.auth || '';
  if (auth) auth = encodeAuth(auth) + '@';
  let protocol = self.protocol || '';
  let pathname = self.pathname || '';
  let hash = self.hash || '';
  let host = '';
  let query = '';
  if (self.host) {
    host = auth + self.host;
  } else if (self.hostname) {
    const h = self.hostname;
    host = auth + (StringPrototypeIncludes(h, ':') && !isIpv6Hostname(h) ? `[${h}]` : h);
    if (self.port) host += ':' + self.port;
  }
  if (!parsed && self.query !== null && typeof self.query === 'object') query = qs().stringify(self.query);
  let search = self.search || (query && ('?' + query)) || '';
  if (protocol && StringPrototypeCharCodeAt(protocol, protocol.length - 1) !== 58) protocol += ':';
  pathname = escapeHashQuestion(pathname, true);
  // Only the slashed protocols get '//' (others keep it if they had it).
  if (self.slashes || isSlashedProtocol(protocol)) {
    if (self.slashes || host) {
      if (pathname && StringPrototypeCharCodeAt(pathname, 0) !== 47) pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.length >= 4 && StringPrototypeStartsWith(protocol, 'file')) {
      host = '//';
    }
  }
  search = escapeHashQuestion(search, false);
  if (hash && StringPrototypeCharCodeAt(hash, 0) !== 35) hash = '#' + hash;
  if (search && StringPrototypeCharCodeAt(search, 0) !== 63) search = '?' + search;
  return protocol + host + pathname + search + hash;
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

module.exports = {
  Url,
  urlParse,
  protocolPattern,
  slashedProtocol,
  hostlessProtocol,
};
require('internal/url/legacy_resolve')(module.exports);
