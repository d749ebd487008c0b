'use strict';
// The WHATWG URL class (parsed by ada through internalBinding('url'): one call per
// parse or setter, which hands back the href and its component offsets), plus
// URLSearchParams (internal/url/search_params), the file-URL helpers and the
// domainTo* functions that url.js re-exports.
// internalBinding: url.

const {
  ErrorCaptureStackTrace, Int32Array, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, SafeArrayIterator,
  StringPrototypeCharCodeAt, StringPrototypeSlice, SymbolFor, SymbolToStringTag, TypeError,
} = primordials;

const {
  codes: { ERR_INVALID_URL, ERR_MISSING_ARGS },
} = require('internal/errors');
const binding = internalBinding('url');

const {
  URLSearchParams, setQuery, setOwner,
} = require('internal/url/search_params');

// node's URL constructor throws from native code: a plain TypeError (no
// "[ERR_INVALID_URL]" in its name line) with own code, input and base.
function invalidUrl(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  ErrorCaptureStackTrace(err, invalidUrl);
  return err;
}

// Offsets of the URL the binding last parsed, in ada's url_components order;
// an absent part reads -1.
const components = new Int32Array(binding.componentsBuffer);
const kProtocolEnd = 0, kUsernameEnd = 1, kHostStart = 2, kHostEnd = 3, kPort = 4,
  kPathnameStart = 5, kSearchStart = 6, kHashStart = 7;
// Setter numbers of binding.update().
const kHref = 0, kProtocol = 1, kUsername = 2, kPassword = 3, kHost = 4, kHostname = 5,
  kPortPart = 6, kPathname = 7, kSearch = 8, kHash = 9;

const kInspect = SymbolFor('nodejs.util.inspect.custom');
let inspectFn;
function inspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

// --- URL ---
let isURL;
let setSearchFromParams;
let formatURL;

// Where the host begins: with credentials, host_start is the '@' before it.
function hostBegin(href, hostStart, hostEnd) {
  return hostEnd > hostStart && StringPrototypeCharCodeAt(href, hostStart) === 0x40 ? hostStart + 1 : hostStart;
}

// The parsed form of one URL, made from the binding's last result.
class URLContext {
  constructor(href) {
    this.href = href;
    this.protocolEnd = components[kProtocolEnd];
    this.usernameEnd = components[kUsernameEnd];
    this.hostStart = components[kHostStart];
    this.hostEnd = components[kHostEnd];
    this.port = components[kPort];
    this.pathnameStart = components[kPathnameStart];
    this.searchStart = components[kSearchStart];
    this.hashStart = components[kHashStart];
    // The most read components, sliced on first read: a context never changes
    // (a setter makes a new one), and a request handler reads the same URL's
    // pathname and search again and again.
    this.pathname = undefined;
    this.search = undefined;
    this.host = undefined;
  }
}

class URL {
  // A URLContext: the serialized URL and its component offsets. Every getter is a
  // slice of its href, every setter one binding.update() call.
  #context;
  #searchParams;

  static {
    isURL = (u) => u != null && typeof u === 'object' && #context in u;
    setSearchFromParams = (u, serialized) => u.#update(kSearch, serialized);
    formatURL = (u, fragment, search, auth, unicode) => u.#format(fragment, search, auth, unicode);
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    let href;
    if (base === undefined) {
      href = binding.parse(input);
      if (href === undefined) throw invalidUrl(input);
    } else {
      base = `${base}`;
      href = binding.parse(input, base);
      if (href === undefined) throw invalidUrl(input, base);
    }
    this.#set(href);
  }

  // Takes the href the binding just produced and the offsets it wrote.
  #set(href) {
    this.#context = new URLContext(href);
  }

  // Node's href, search, toString and toJSON reach the record through a private
  // method, so a foreign receiver gets "Receiver must be an instance of class URL".
  #ctx() {
    return this.#context;
  }

  // One setter through ada; a refused value leaves the URL as it was.
  #update(part, value) {
    const ctx = this.#context;
    const href = binding.update(ctx.href, part, value);
    if (href === false) return false;
    this.#set(href);
    return true;
  }

  #query() {
    const ctx = this.#context;
    const start = ctx.searchStart;
    if (start === -1) return '';
    const end = ctx.hashStart === -1 ? ctx.href.length : ctx.hashStart;
    return StringPrototypeSlice(ctx.href, start + 1, end);
  }

  #syncSearchParams() {
    const sp = this.#searchParams;
    if (sp !== undefined) setQuery(sp, this.#query());
  }

  // url.format(URL, options): the href less the parts options leave out.
  #format(fragment, search, auth, unicode) {
    const ctx = this.#context;
    let out = ctx.href;
    const end = out.length;
    if (!fragment && ctx.hashStart !== -1) out = StringPrototypeSlice(out, 0, ctx.hashStart);
    if (!search && ctx.searchStart !== -1) {
      const searchEnd = ctx.hashStart === -1 ? end : ctx.hashStart;
      out = StringPrototypeSlice(out, 0, ctx.searchStart) + StringPrototypeSlice(out, searchEnd);
    }
    const begin = hostBegin(out, ctx.hostStart, ctx.hostEnd);
    if (unicode && begin < ctx.hostEnd && StringPrototypeCharCodeAt(out, begin) !== 0x5b) {
      const name = module.exports.domainToUnicode(StringPrototypeSlice(out, begin, ctx.hostEnd));
      out = StringPrototypeSlice(out, 0, begin) + name + StringPrototypeSlice(out, ctx.hostEnd);
    }
    if (!auth && begin > ctx.protocolEnd + 2) {
      out = StringPrototypeSlice(out, 0, ctx.protocolEnd + 2) + StringPrototypeSlice(out, begin);
    }
    return out;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base === undefined) return binding.canParse(input);
    return binding.canParse(input, `${base}`);
  }

  static createObjectURL(obj) {
    return require('internal/url/blob').createObjectURL(obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    require('internal/url/blob').revokeObjectURL(url);
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {};
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    return `${this.constructor.name} ${inspect(obj, opts)}`;
  }

  toString() {
    return this.#ctx().href;
  }

  get href() {
    return this.#ctx().href;
  }

  set href(value) {
    value = `${value}`;
    if (!this.#update(kHref, value)) throw new ERR_INVALID_URL(value);
    this.#syncSearchParams();
  }

  get origin() {
    const protocol = this.protocol;
    switch (protocol) {
      case 'ftp:': case 'http:': case 'https:': case 'ws:': case 'wss:':
        return `${protocol}//${this.host}`;
      case 'blob:': {
        const inner = binding.parse(this.pathname);
        if (inner === undefined) return 'null';
        const end = components[kProtocolEnd];
        const innerProtocol = StringPrototypeSlice(inner, 0, end);
        if (innerProtocol !== 'http:' && innerProtocol !== 'https:') return 'null';
        const begin = hostBegin(inner, components[kHostStart], components[kHostEnd]);
        return innerProtocol + '//' + StringPrototypeSlice(inner, begin, components[kPathnameStart]);
      }
    }
    return 'null';
  }

  get protocol() {
    const ctx = this.#context;
    return StringPrototypeSlice(ctx.href, 0, ctx.protocolEnd);
  }

  set protocol(value) {
    this.#update(kProtocol, `${value}`);
  }

  get username() {
    const ctx = this.#context;
    const start = ctx.protocolEnd + 2;
    return start < ctx.usernameEnd ? StringPrototypeSlice(ctx.href, start, ctx.usernameEnd) : '';
  }

  set username(value) {
    this.#update(kUsername, `${value}`);
  }

  get password() {
    const ctx = this.#context;
    return ctx.usernameEnd < ctx.hostStart ?
      StringPrototypeSlice(ctx.href, ctx.usernameEnd + 1, ctx.hostStart) : '';
  }

  set password(value) {
    this.#update(kPassword, `${value}`);
  }

  get host() {
    const ctx = this.#context;
    let host = ctx.host;
    if (host === undefined) {
      const href = ctx.href;
      const begin = hostBegin(href, ctx.hostStart, ctx.hostEnd);
      // An empty host may be followed by the path's '/', which is not the host.
      host = begin === ctx.hostEnd ? '' : StringPrototypeSlice(href, begin, ctx.pathnameStart);
      ctx.host = host;
    }
    return host;
  }

  set host(value) {
    this.#update(kHost, `${value}`);
  }

  get hostname() {
    const ctx = this.#context;
    const href = ctx.href;
    return StringPrototypeSlice(href, hostBegin(href, ctx.hostStart, ctx.hostEnd), ctx.hostEnd);
  }

  set hostname(value) {
    this.#update(kHostname, `${value}`);
  }

  get port() {
    const ctx = this.#context;
    if (ctx.port === -1) return '';
    return StringPrototypeSlice(ctx.href, ctx.hostEnd + 1, ctx.pathnameStart);
  }

  set port(value) {
    this.#update(kPortPart, `${value}`);
  }

  get pathname() {
    const ctx = this.#context;
    let pathname = ctx.pathname;
    if (pathname === undefined) {
      let end = ctx.searchStart;
      if (end === -1) end = ctx.hashStart;
      if (end === -1) end = ctx.href.length;
      pathname = StringPrototypeSlice(ctx.href, ctx.pathnameStart, end);
      ctx.pathname = pathname;
    }
    return pathname;
  }

  set pathname(value) {
    this.#update(kPathname, `${value}`);
  }

  get search() {
    const ctx = this.#ctx();
    let search = ctx.search;
    if (search === undefined) {
      const start = ctx.searchStart;
      const end = ctx.hashStart === -1 ? ctx.href.length : ctx.hashStart;
      search = start === -1 || end - start <= 1 ? '' : StringPrototypeSlice(ctx.href, start, end);
      ctx.search = search;
    }
    return search;
  }

  set search(value) {
    this.#update(kSearch, `${value}`);
    this.#syncSearchParams();
  }

  get searchParams() {
    let sp = this.#searchParams;
    if (sp === undefined) {
      sp = new URLSearchParams();
      setQuery(sp, this.#query());
      setOwner(sp, this);
      this.#searchParams = sp;
    }
    return sp;
  }

  get hash() {
    const ctx = this.#context;
    const start = ctx.hashStart;
    const href = ctx.href;
    return start === -1 || href.length - start <= 1 ? '' : StringPrototypeSlice(href, start);
  }

  set hash(value) {
    this.#update(kHash, `${value}`);
  }

  toJSON() {
    return this.#ctx().href;
  }
}

ObjectDefineProperty(URL.prototype, SymbolToStringTag, { __proto__: null, configurable: true, value: 'URL' });
for (const name of new SafeArrayIterator(['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'searchParams', 'hash', 'toJSON'])) {
  const d = ObjectGetOwnPropertyDescriptor(URL.prototype, name);
  ObjectDefineProperty(URL.prototype, name, { __proto__: null, ...d, enumerable: true });
}
for (const name of new SafeArrayIterator(['parse', 'canParse', 'createObjectURL', 'revokeObjectURL'])) {
  const d = ObjectGetOwnPropertyDescriptor(URL, name);
  ObjectDefineProperty(URL, name, { __proto__: null, ...d, enumerable: true });
}

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  setSearchFromParams,
  formatURL,
};
require('internal/url/file')(module.exports);
