'use strict';
// URLSearchParams, its iterator, and the application/x-www-form-urlencoded
// parser and serializer. A URLSearchParams made by a URL writes changes back
// into that URL's query (through internal/url's record accessor).
// internalBinding: none.

const {
  ArrayPrototypeFilter, ArrayPrototypeFind, ArrayPrototypeFindIndex, ArrayPrototypeJoin,
  ArrayPrototypeMap, ArrayPrototypePush, ArrayPrototypeReduce, ArrayPrototypeSlice,
  ArrayPrototypeSome, ArrayPrototypeSort, FunctionPrototypeCall, ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ObjectSetPrototypeOf,
  ReflectGetOwnPropertyDescriptor, ReflectOwnKeys, SafeArrayIterator, SafeStringIterator,
  StringFromCodePoint, StringPrototypeCharCodeAt, StringPrototypeSlice, StringPrototypeStartsWith,
  SymbolFor, SymbolIterator, SymbolToStringTag,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const host = require('internal/url/host');
const { decodeAsciiEscapes } = require('internal/querystring');
const { toUSV } = host;

const kInspect = SymbolFor('nodejs.util.inspect.custom');
let inspectFn;
function inspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

// --- application/x-www-form-urlencoded ---

// One pair of a query, from `start` to the '&' or the input's end (returned):
// its first '=' (pairEq, -1 if none) and what it holds (pairFlags: a '+' or '%'
// in the name, in the value, a surrogate). Left in module state, not an object,
// as it runs once per pair.
const kNameEscaped = 1;
const kValueEscaped = 2;
const kSurrogate = 4;
let pairEq = -1;
let pairFlags = 0;
function scanPair(input, start, len) {
  let end = start;
  let eq = -1;
  let flags = 0;
  for (; end < len; end++) {
    const c = StringPrototypeCharCodeAt(input, end);
    if (c === 0x26) break; // '&'
    if (c === 0x3D) { // '='
      if (eq === -1) eq = end;
    } else if (c === 0x2B || c === 0x25) { // '+' '%'
      flags |= eq === -1 ? kNameEscaped : kValueEscaped;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      flags |= kSurrogate;
    }
  }
  pairEq = eq;
  pairFlags = flags;
  return end;
}

// Name/value pairs of `input` (no leading '?'), each decoded only when it holds a
// '+' or '%'. A string from a user may hold lone surrogates, which become U+FFFD
// (USVString): the same scan notices any surrogate, and only then is the input
// made well-formed and parsed again (`wellFormed` says it is already).
function formParse(input, wellFormed = true) {
  const list = [];
  const len = input.length;
  let start = 0;
  let surrogate = false;
  while (start < len) {
    const end = scanPair(input, start, len);
    const eq = pairEq;
    const flags = pairFlags;
    if ((flags & kSurrogate) !== 0) surrogate = true;
    if (end > start) {
      let name = StringPrototypeSlice(input, start, eq === -1 ? end : eq);
      let value = eq === -1 ? '' : StringPrototypeSlice(input, eq + 1, end);
      if ((flags & kNameEscaped) !== 0) name = formDecode(name);
      if ((flags & kValueEscaped) !== 0) value = formDecode(value);
      list[list.length] = [name, value];
    }
    start = end + 1;
  }
  if (surrogate && !wellFormed) {
    const usv = toUSV(input);
    if (usv !== input) return formParse(usv);
  }
  return list;
}

// The value of the first pair named `name` (a USVString) in a query not yet
// parsed, decoding no other pair: what `new URLSearchParams(s).get(name)` needs.
// undefined when a pair up to the match holds a surrogate (the caller parses the
// query whole, which makes it well-formed); null when no pair has that name.
// Lone surrogates change only themselves, so pairs after the match do not matter.
function formFind(input, name) {
  const len = input.length;
  const nameLength = name.length;
  let start = 0;
  while (start < len) {
    const end = scanPair(input, start, len);
    const eq = pairEq;
    const flags = pairFlags;
    if ((flags & kSurrogate) !== 0) return undefined;
    if (end > start) {
      const nameEnd = eq === -1 ? end : eq;
      const found = (flags & kNameEscaped) !== 0 ?
        formDecode(StringPrototypeSlice(input, start, nameEnd)) === name :
        nameEnd - start === nameLength && StringPrototypeStartsWith(input, name, start);
      if (found) {
        if (eq === -1) return '';
        const value = StringPrototypeSlice(input, eq + 1, end);
        return (flags & kValueEscaped) !== 0 ? formDecode(value) : value;
      }
    }
    start = end + 1;
  }
  return null;
}

// '+' is a space; then like Node: decodeURIComponent when the text has a valid
// escape, and when that fails (a stray '%'), a byte-wise decode that keeps only
// the low 8 bits of each non-escaped character.
function formDecode(s) {
  let percent = -1;
  let spaced = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 0x2B) {
      spaced += StringPrototypeSlice(s, last, i) + ' ';
      last = i + 1;
    } else if (c === 0x25 && percent === -1) {
      percent = i;
    }
  }
  if (last !== 0) s = spaced + StringPrototypeSlice(s, last);
  if (percent === -1) return s;
  const ascii = decodeAsciiEscapes(s, percent);
  if (ascii !== undefined) return ascii;
  if (!regExpTest(/%[0-9A-Fa-f]{2}/, s)) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    const bytes = [];
    for (let i = 0; i < s.length; i++) {
      const c = StringPrototypeCharCodeAt(s, i);
      if (c === 0x25 && i + 2 < s.length && regExpTest(/^[0-9A-Fa-f]{2}$/, StringPrototypeSlice(s, i + 1, i + 3))) {
        ArrayPrototypePush(bytes, parseInt(StringPrototypeSlice(s, i + 1, i + 3), 16));
        i += 2;
      } else {
        ArrayPrototypePush(bytes, c & 0xFF);
      }
    }
    return host.utf8Decode(bytes);
  }
}

const formSafe = new Int8Array(128);
for (const ch of new SafeStringIterator('*-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')) formSafe[StringPrototypeCharCodeAt(ch, 0)] = 1;
const hexUpper = '0123456789ABCDEF';

function formEncode(s) {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c < 128 && formSafe[c] === 1) continue;
    if (last < i) out += StringPrototypeSlice(s, last, i);
    last = i + 1;
    if (c === 0x20) {
      out += '+';
      continue;
    }
    let cp = c;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
      const d = StringPrototypeCharCodeAt(s, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        cp = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i++;
        last = i + 1;
      }
    }
    for (const b of new SafeArrayIterator(host.utf8Encode(StringFromCodePoint(cp)))) out += '%' + hexUpper[b >> 4] + hexUpper[b & 15];
  }
  if (last === 0) return s;
  return out + StringPrototypeSlice(s, last);
}

function formSerialize(list) {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out += '&';
    out += formEncode(list[i][0]) + '=' + formEncode(list[i][1]);
  }
  return out;
}

// --- URLSearchParams ---
// The list and the owning URL live in private fields (Node's objects have no
// visible own properties); getList/setList/setOwner reach them from outside.
// A query string is parsed on first use (#list stays undefined until then, the
// string waits in #query): get() on a fresh object scans the string for the one
// name instead (formFind).
let getList;
let setList;
let setQuery;
let setOwner;
let getOwner;
let isURLSearchParams;

function checkThis(self) {
  if (!isURLSearchParams(self)) throw new ERR_INVALID_THIS('URLSearchParams');
}

class URLSearchParams {
  // Set by the constructor (not an initializer: a parsed string's list replaces it).
  #list;
  #query;
  #url = null;

  static {
    getList = (o) => {
      const list = o.#list;
      if (list !== undefined) return list;
      const parsed = formParse(o.#query, false);
      o.#list = parsed;
      o.#query = undefined;
      return parsed;
    };
    setList = (o, list) => { o.#list = list; o.#query = undefined; };
    setQuery = (o, query) => { o.#list = undefined; o.#query = query; };
    setOwner = (o, url) => { o.#url = url; };
    getOwner = (o) => o.#url;
    isURLSearchParams = (o) => o != null && typeof o === 'object' && #list in o;
  }

  constructor(init = undefined) {
    if (typeof init === 'string') {
      this.#query = StringPrototypeCharCodeAt(init, 0) === 0x3F ? StringPrototypeSlice(init, 1) : init;
      return;
    }
    this.#list = [];
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[SymbolIterator];
      if (method === this[SymbolIterator] && isURLSearchParams(init)) {
        this.#list = ArrayPrototypeMap(getList(init), (p) => [p[0], p[1]]);
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[SymbolIterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [...pair];
          if (items.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          ArrayPrototypePush(getList(this), [toUSV(`${items[0]}`), toUSV(`${items[1]}`)]);
        }
      } else {
        for (const key of new SafeArrayIterator(ReflectOwnKeys(init))) {
          const desc = ReflectGetOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          // WebIDL's record<USVString, USVString>: an enumerable Symbol key is a
          // TypeError (it cannot become a string).
          const name = toUSV(`${key}`);
          const value = toUSV(`${init[key]}`);
          // A record keeps one entry per key.
          const existing = ArrayPrototypeFindIndex(getList(this), (p) => p[0] === name);
          if (existing !== -1) getList(this)[existing][1] = value;
          else ArrayPrototypePush(getList(this), [name, value]);
        }
      }
    } else {
      init = `${init}`;
      this.#list = undefined;
      this.#query = StringPrototypeCharCodeAt(init, 0) === 0x3F ? StringPrototypeSlice(init, 1) : init;
    }
  }

  get size() {
    checkThis(this);
    return getList(this).length;
  }

  append(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    ArrayPrototypePush(getList(this), [toUSV(`${name}`), toUSV(`${value}`)]);
    update(this);
  }

  delete(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSV(`${name}`);
    const list = getList(this);
    if (value !== undefined) {
      value = toUSV(`${value}`);
      this.#list = ArrayPrototypeFilter(list, (p) => p[0] !== name || p[1] !== value);
    } else {
      this.#list = ArrayPrototypeFilter(list, (p) => p[0] !== name);
    }
    update(this);
  }

  get(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSV(`${name}`);
    if (this.#list === undefined) {
      const value = formFind(this.#query, name);
      if (value !== undefined) return value;
    }
    const list = getList(this);
    for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
    return null;
  }

  getAll(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSV(`${name}`);
    return ArrayPrototypeMap(ArrayPrototypeFilter(getList(this), (p) => p[0] === name), (p) => p[1]);
  }

  has(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSV(`${name}`);
    if (value !== undefined) {
      value = toUSV(`${value}`);
      return ArrayPrototypeSome(getList(this), (p) => p[0] === name && p[1] === value);
    }
    return ArrayPrototypeSome(getList(this), (p) => p[0] === name);
  }

  set(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSV(`${name}`);
    value = toUSV(`${value}`);
    const list = getList(this);
    const first = ArrayPrototypeFindIndex(list, (p) => p[0] === name);
    if (first === -1) {
      ArrayPrototypePush(list, [name, value]);
    } else {
      list[first][1] = value;
      this.#list = ArrayPrototypeFilter(list, (p, i) => i <= first || p[0] !== name);
    }
    update(this);
  }

  sort() {
    checkThis(this);
    // Stable sort by UTF-16 code units of the names.
    const list = getList(this);
    const indexed = ArrayPrototypeMap(list, (p, i) => [p, i]);
    ArrayPrototypeSort(indexed, (a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]));
    this.#list = ArrayPrototypeMap(indexed, (x) => x[0]);
    update(this);
  }

  entries() {
    checkThis(this);
    return createIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    validateFunction(callback, 'callback');
    // Re-read the list each step: the callback may change it.
    for (let i = 0; i < getList(this).length; i++) {
      const [k, v] = getList(this)[i];
      FunctionPrototypeCall(callback, thisArg, v, k, this);
    }
  }

  keys() {
    checkThis(this);
    return createIterator(this, 'key');
  }

  values() {
    checkThis(this);
    return createIterator(this, 'value');
  }

  toString() {
    checkThis(this);
    return formSerialize(getList(this));
  }

  [kInspect](depth, options) {
    checkThis(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const separator = ', ';
    const innerOpts = { __proto__: null, ...options };
    if (options.depth !== null) innerOpts.depth = options.depth - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = getList(this);
    const output = ArrayPrototypeMap(list, (p) => `${innerInspect(p[0])} => ${innerInspect(p[1])}`);
    const length = ArrayPrototypeReduce(output, (prev, cur) => prev + cur.length + separator.length, -separator.length);
    if (length > options.breakLength) {
      return `${this.constructor.name} {\n  ${ArrayPrototypeJoin(output, ',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${ArrayPrototypeJoin(output, separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }
}

// Reflect a change of the list into the owning URL's query.
function update(params) {
  const url = getOwner(params);
  if (url === null) return;
  // An empty list clears the query (ada then also trims an opaque path's
  // trailing spaces).
  require('internal/url').setSearchFromParams(url, formSerialize(getList(params)));
}

ObjectDefineProperty(URLSearchParams.prototype, SymbolIterator, {
  __proto__: null, configurable: true, writable: true, value: URLSearchParams.prototype.entries,
});
ObjectDefineProperty(URLSearchParams.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'URLSearchParams',
});
for (const name of new SafeArrayIterator(['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'forEach',
  'keys', 'values', 'toString'])) {
  const d = ObjectGetOwnPropertyDescriptor(URLSearchParams.prototype, name);
  ObjectDefineProperty(URLSearchParams.prototype, name, { __proto__: null, ...d, enumerable: true });
}

let newIterator;
class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  static {
    newIterator = (target, kind) => {
      const it = new URLSearchParamsIterator();
      it.#target = target;
      it.#kind = kind;
      return it;
    };
  }

  next() {
    if (!(#target in this)) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    const list = getList(this.#target);
    const i = this.#index;
    if (i >= list.length) return { value: undefined, done: true };
    this.#index = i + 1;
    const [k, v] = list[i];
    const kind = this.#kind;
    return { value: kind === 'key' ? k : kind === 'value' ? v : [k, v], done: false };
  }

  [kInspect](depth, options) {
    if (!(#target in this)) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const innerOpts = { __proto__: null, ...options };
    if (options.depth !== null) innerOpts.depth = options.depth - 1;
    const kind = this.#kind;
    const rest = ArrayPrototypeSlice(getList(this.#target), this.#index)
      .map((p) => (kind === 'key' ? p[0] : kind === 'value' ? p[1] : p));
    const out = ArrayPrototypeJoin(ArrayPrototypeMap(rest, (v) => inspect(v, innerOpts)), ', ');
    return `URLSearchParams Iterator { ${out} }`;
  }
}
const IteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf([][SymbolIterator]()));
ObjectSetPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
delete URLSearchParamsIterator.prototype.constructor;
ObjectDefineProperty(URLSearchParamsIterator.prototype, 'next', { __proto__: null,
  ...ObjectGetOwnPropertyDescriptor(URLSearchParamsIterator.prototype, 'next'), enumerable: true,
});
ObjectDefineProperty(URLSearchParamsIterator.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'URLSearchParams Iterator',
});

function createIterator(target, kind) {
  return newIterator(target, kind);
}

module.exports = {
  URLSearchParams,
  formParse,
  formSerialize,
  getList,
  setList,
  setQuery,
  setOwner,
};
