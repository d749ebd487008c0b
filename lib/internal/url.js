'use strict';
// The WHATWG URL class (parser in internal/url/parser, URLSearchParams in
// internal/url/search_params), plus the file-URL helpers and domainTo*
// functions that url.js re-exports.
// internalBinding: none.

const {
  ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, RegExpPrototypeExec, SafeArrayIterator,
  StringPrototypeCharCodeAt, SymbolFor, SymbolToStringTag,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

const {
  codes: { ERR_INVALID_URL, ERR_MISSING_ARGS },
} = require('internal/errors');
const parser = require('internal/url/parser');
const { parse, serialize, serializePath, isSpecialScheme, states } = parser;
const host = require('internal/url/host');
const { toUSV } = host;

const {
  URLSearchParams, formParse, setList, setOwner,
} = require('internal/url/search_params');

const kInspect = SymbolFor('nodejs.util.inspect.custom');
let inspectFn;
function inspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

// --- URL ---
let getRecord;
let isURL;

function stripTrailingSpacesFromOpaquePath(record) {
  if (typeof record.path !== 'string') return;
  if (record.fragment !== null || record.query !== null) return;
  record.path = regExpReplace(record.path, / +$/, '');
}

function parseOrThrow(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = parse(base, null);
    if (baseRecord === null) throw new ERR_INVALID_URL(input, base);
  }
  const record = parse(input, baseRecord);
  if (record === null) {
    if (base !== undefined) throw new ERR_INVALID_URL(input, base);
    throw new ERR_INVALID_URL(input);
  }
  return record;
}

// Node (ada) also treats a hostless non-special URL whose path ended up
// empty (as in 'sc:' from resolving '..') as having an opaque path.
function hasOpaquePath(r) {
  return typeof r.path === 'string' || (r.host === null && r.path.length === 0 && !isSpecialScheme(r.scheme));
}

function cannotHaveCredentialsOrPort(r) {
  return r.host === null || r.host === '' || r.scheme === 'file';
}

function origin(r) {
  switch (r.scheme) {
    case 'blob': {
      const inner = parse(serializePath(r), null);
      if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https')) return origin(inner);
      return 'null';
    }
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
      return `${r.scheme}://${host.serializeHost(r.host)}${r.port === null ? '' : ':' + r.port}`;
    default:
      return 'null';
  }
}

class URL {
  #record;
  #searchParams;

  static {
    getRecord = (u) => u.#record;
    isURL = (u) => u != null && typeof u === 'object' && #record in u;
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSV(`${input}`);
    if (base !== undefined) base = toUSV(`${base}`);
    this.#record = parseOrThrow(input, base);
  }

  // Calling a private method on a foreign receiver raises V8's
  // "Receiver must be an instance of class URL", as Node's accessors do.
  #ctx() {
    return this.#record;
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
    input = toUSV(`${input}`);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = parse(toUSV(`${base}`), null);
      if (baseRecord === null) return false;
    }
    return parse(input, baseRecord) !== null;
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
    return serialize(this.#ctx());
  }

  get href() {
    return serialize(this.#ctx());
  }

  set href(value) {
    this.#ctx();
    value = toUSV(`${value}`);
    const record = parse(value, null);
    if (record === null) throw new ERR_INVALID_URL(value);
    this.#record = record;
    const sp = this.#searchParams;
    if (sp !== undefined) setList(sp, record.query === null ? [] : formParse(record.query));
  }

  get origin() {
    return origin(this.#ctx());
  }

  get protocol() {
    return this.#ctx().scheme + ':';
  }

  set protocol(value) {
    parse(toUSV(`${value}`) + ':', null, this.#ctx(), states.SCHEME_START);
  }

  get username() {
    return this.#ctx().username;
  }

  set username(value) {
    const r = this.#ctx();
    if (cannotHaveCredentialsOrPort(r)) return;
    r.username = host.utf8PercentEncodeString(toUSV(`${value}`), parser.inUserinfo);
  }

  get password() {
    return this.#ctx().password;
  }

  set password(value) {
    const r = this.#ctx();
    if (cannotHaveCredentialsOrPort(r)) return;
    r.password = host.utf8PercentEncodeString(toUSV(`${value}`), parser.inUserinfo);
  }

  get host() {
    const r = this.#ctx();
    if (r.host === null || r.host === '') return '';
    if (r.port === null) return host.serializeHost(r.host);
    return `${host.serializeHost(r.host)}:${r.port}`;
  }

  set host(value) {
    const r = this.#ctx();
    if (hasOpaquePath(r)) return;
    // Node (ada) gives a URL that had no (or an empty) host only the host
    // part, no port.
    const hadHost = r.host !== null && r.host !== '';
    const port = r.port;
    parse(toUSV(`${value}`), null, r, states.HOST);
    if (!hadHost) r.port = port;
  }

  get hostname() {
    const r = this.#ctx();
    return r.host === null ? '' : host.serializeHost(r.host);
  }

  set hostname(value) {
    const r = this.#ctx();
    if (hasOpaquePath(r)) return;
    parse(toUSV(`${value}`), null, r, states.HOSTNAME);
  }

  get port() {
    const p = this.#ctx().port;
    return p === null ? '' : `${p}`;
  }

  set port(value) {
    const r = this.#ctx();
    if (cannotHaveCredentialsOrPort(r)) return;
    value = regExpReplace(toUSV(`${value}`), /[\t\n\r]/g, '');
    // Node (ada): empty clears the port; a value starting with a control or
    // space, or holding no digit at all, is ignored; otherwise the leading
    // digits are the port, and none at all clears it.
    if (value === '') {
      r.port = null;
      return;
    }
    if (StringPrototypeCharCodeAt(value, 0) <= 0x20 || !regExpTest(/[0-9]/, value)) return;
    const digits = RegExpPrototypeExec(/^[0-9]*/, value)[0];
    if (digits === '') {
      r.port = null;
      return;
    }
    parse(digits, null, r, states.PORT);
  }

  get pathname() {
    return serializePath(this.#ctx());
  }

  set pathname(value) {
    const r = this.#ctx();
    if (hasOpaquePath(r)) return;
    r.path = [];
    parse(toUSV(`${value}`), null, r, states.PATH_START);
  }

  get search() {
    const q = this.#ctx().query;
    return q === null || q === '' ? '' : '?' + q;
  }

  set search(value) {
    const r = this.#ctx();
    value = toUSV(`${value}`);
    const sp = this.#searchParams;
    if (value === '') {
      r.query = null;
      if (sp !== undefined) setList(sp, []);
      stripTrailingSpacesFromOpaquePath(r);
      return;
    }
    const input = value[0] === '?' ? sliceOf(value, 1) : value;
    r.query = '';
    parse(input, null, r, states.QUERY);
    if (sp !== undefined) setList(sp, formParse(r.query));
  }

  get searchParams() {
    let sp = this.#searchParams;
    if (sp === undefined) {
      sp = new URLSearchParams();
      const q = this.#ctx().query;
      if (q !== null) setList(sp, formParse(q));
      setOwner(sp, this);
      this.#searchParams = sp;
    }
    return sp;
  }

  get hash() {
    const f = this.#ctx().fragment;
    return f === null || f === '' ? '' : '#' + f;
  }

  set hash(value) {
    const r = this.#ctx();
    value = toUSV(`${value}`);
    if (value === '') {
      r.fragment = null;
      stripTrailingSpacesFromOpaquePath(r);
      return;
    }
    const input = value[0] === '#' ? sliceOf(value, 1) : value;
    r.fragment = '';
    parse(input, null, r, states.FRAGMENT);
  }

  toJSON() {
    return serialize(this.#ctx());
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
  getRecord,
  stripTrailingSpacesFromOpaquePath,
};
require('internal/url/file')(module.exports);
