'use strict';
// Headers (the Fetch standard's header list) for fetch, Request and Response.
// Names are kept lowercased in a map, each with the casing first seen (shown by
// util.inspect, as node shows it) and the values joined by ', ', except
// Set-Cookie, whose values stay apart (getSetCookie, and one iteration entry
// each). Iteration is sorted by name; the sorted list is cached until the next
// change. A guard makes the headers of a fetched Response or of Response.error()
// immutable.
// internalBinding: none.

const {
  ArrayIsArray, ArrayPrototypePush, ArrayPrototypeSort, ObjectDefineProperty,
  ObjectGetPrototypeOf, ObjectKeys, ObjectSetPrototypeOf, ReflectApply, SafeArrayIterator, SafeMap,
  StringPrototypeCharCodeAt, StringPrototypeSlice, StringPrototypeToLowerCase, Symbol, SymbolFor, SymbolIterator,
  SymbolToStringTag, TypeError,
} = primordials;

const kList = Symbol('kHeadersList');
const kGuard = Symbol('kHeadersGuard');
const kSorted = Symbol('kHeadersSorted');
const customInspect = SymbolFor('nodejs.util.inspect.custom');

// RFC 9110 token characters.
function isToken(name) {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = StringPrototypeCharCodeAt(name, i);
    if (c > 0x7e || c <= 0x20) return false;
    // "(),/:;<=>?@[\]{}
    if (c === 0x22 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x2f || (c >= 0x3a && c <= 0x40) ||
        (c >= 0x5b && c <= 0x5d) || c === 0x7b || c === 0x7d) return false;
  }
  return true;
}

function isHttpWhitespace(c) {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

// A header value with leading and trailing HTTP whitespace removed.
function normalizeValue(value) {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(StringPrototypeCharCodeAt(value, start))) start++;
  while (end > start && isHttpWhitespace(StringPrototypeCharCodeAt(value, end - 1))) end--;
  return start === 0 && end === value.length ? value : StringPrototypeSlice(value, start, end);
}

// WebIDL's ByteString: a string whose code units all fit in a byte.
function toByteString(value, context) {
  const s = `${value}`;
  for (let i = 0; i < s.length; i++) {
    if (StringPrototypeCharCodeAt(s, i) > 0xff) {
      throw new TypeError(`${context}: Cannot convert argument to a ByteString because the character at ` +
        `index ${i} has a value of ${StringPrototypeCharCodeAt(s, i)} which is greater than 255.`);
    }
  }
  return s;
}

function checkName(name, context) {
  if (!isToken(name)) throw new TypeError(`${context}: "${name}" is an invalid header name.`);
}

function checkValue(value, context) {
  for (let i = 0; i < value.length; i++) {
    const c = StringPrototypeCharCodeAt(value, i);
    if (c === 0 || c === 0x0a || c === 0x0d) throw new TypeError(`${context}: "${value}" is an invalid header value.`);
  }
}

function checkArgs(count, needed, context) {
  if (count < needed) {
    throw new TypeError(`${context}: ${needed} argument${needed > 1 ? 's' : ''} required, but ${count === 0 ? '' : 'only '}${count} found.`);
  }
}

function checkMutable(headers) {
  if (headers[kGuard] === 'immutable') throw new TypeError('immutable');
}

// One name's entry. Made by `new` from a constructor whose prototype has no
// prototype: fast properties (V8 makes a `{ __proto__: null }` literal a
// dictionary), and no Object.prototype setter can catch them.
function HeaderEntry(name, value, cookies) {
  this.name = name;
  this.value = value;
  this.cookies = cookies;
}
ObjectSetPrototypeOf(HeaderEntry.prototype, null);

// Adds a value without the checks (the list's own copy, a fetched response's head).
function appendToList(headers, name, value) {
  const list = headers[kList];
  const key = StringPrototypeToLowerCase(name);
  const entry = list.get(key);
  if (entry === undefined) {
    list.set(key, new HeaderEntry(name, value, key === 'set-cookie' ? [value] : null));
  } else {
    entry.value = `${entry.value}, ${value}`;
    if (entry.cookies !== null) ArrayPrototypePush(entry.cookies, value);
  }
  headers[kSorted] = null;
}

function fill(headers, init) {
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
      'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
  }
  if (init instanceof Headers) {
    const list = init[kList];
    for (const { 0: key, 1: entry } of list) {
      if (entry.cookies !== null) {
        for (let i = 0; i < entry.cookies.length; i++) appendToList(headers, entry.name, entry.cookies[i]);
      } else {
        headers[kList].set(key, new HeaderEntry(entry.name, entry.value, null));
      }
    }
    headers[kSorted] = null;
    return;
  }
  if (typeof init[SymbolIterator] === 'function') {
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' || typeof pair[SymbolIterator] !== 'function') {
        throw new TypeError('Headers constructor: expected name/value pair to be an iterable.');
      }
      const items = ArrayIsArray(pair) ? pair : [...pair];
      if (items.length !== 2) {
        throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${items.length}.`);
      }
      appendHeader(headers, items[0], items[1], 'Headers.append');
    }
    return;
  }
  const keys = ObjectKeys(init);
  for (let i = 0; i < keys.length; i++) appendHeader(headers, keys[i], init[keys[i]], 'Headers.append');
}

function appendHeader(headers, name, value, context) {
  name = toByteString(name, context);
  value = normalizeValue(toByteString(value, context));
  checkName(name, context);
  checkValue(value, context);
  checkMutable(headers);
  appendToList(headers, name, value);
}

// The list as [name, value] pairs sorted by name, each Set-Cookie on its own.
function sortedEntries(headers) {
  let sorted = headers[kSorted];
  if (sorted !== null) return sorted;
  const list = headers[kList];
  const keys = [];
  for (const key of list.keys()) ArrayPrototypePush(keys, key);
  ArrayPrototypeSort(keys);
  sorted = [];
  for (let i = 0; i < keys.length; i++) {
    const entry = list.get(keys[i]);
    if (entry.cookies !== null) {
      for (let j = 0; j < entry.cookies.length; j++) ArrayPrototypePush(sorted, [keys[i], entry.cookies[j]]);
    } else {
      ArrayPrototypePush(sorted, [keys[i], entry.value]);
    }
  }
  headers[kSorted] = sorted;
  return sorted;
}

class Headers {
  constructor(init = undefined) {
    this[kList] = new SafeMap();
    this[kGuard] = 'none';
    this[kSorted] = null;
    if (init !== undefined) fill(this, init);
  }

  append(name, value) {
    checkBrand(this);
    checkArgs(arguments.length, 2, 'Headers.append');
    appendHeader(this, name, value, 'Headers.append');
  }

  delete(name) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'Headers.delete');
    name = toByteString(name, 'Headers.delete');
    checkName(name, 'Headers.delete');
    checkMutable(this);
    if (this[kList].delete(StringPrototypeToLowerCase(name))) this[kSorted] = null;
  }

  get(name) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'Headers.get');
    name = toByteString(name, 'Headers.get');
    checkName(name, 'Headers.get');
    const entry = this[kList].get(StringPrototypeToLowerCase(name));
    return entry === undefined ? null : entry.value;
  }

  has(name) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'Headers.has');
    name = toByteString(name, 'Headers.has');
    checkName(name, 'Headers.has');
    return this[kList].has(StringPrototypeToLowerCase(name));
  }

  set(name, value) {
    checkBrand(this);
    checkArgs(arguments.length, 2, 'Headers.set');
    name = toByteString(name, 'Headers.set');
    value = normalizeValue(toByteString(value, 'Headers.set'));
    checkName(name, 'Headers.set');
    checkValue(value, 'Headers.set');
    checkMutable(this);
    const key = StringPrototypeToLowerCase(name);
    const old = this[kList].get(key);
    this[kList].set(key, new HeaderEntry(old === undefined ? name : old.name, value,
                                         key === 'set-cookie' ? [value] : null));
    this[kSorted] = null;
  }

  getSetCookie() {
    checkBrand(this);
    const entry = this[kList].get('set-cookie');
    return entry === undefined ? [] : [...new SafeArrayIterator(entry.cookies)];
  }

  keys() { checkBrand(this); return createIterator(this, 'key'); }
  values() { checkBrand(this); return createIterator(this, 'value'); }
  entries() { checkBrand(this); return createIterator(this, 'key+value'); }

  forEach(callback, thisArg = undefined) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'Headers.forEach');
    if (typeof callback !== 'function') {
      throw new TypeError("Headers.forEach: Argument 1 could not be converted to: Function.");
    }
    const entries = sortedEntries(this);
    for (let i = 0; i < entries.length; i++) {
      ReflectApply(callback, thisArg, [entries[i][1], entries[i][0], this]);
    }
  }

  [customInspect](depth, options) {
    const shown = {};
    for (const entry of this[kList].values()) {
      ObjectDefineProperty(shown, entry.name, {
        __proto__: null, value: entry.value, writable: true, enumerable: true, configurable: true,
      });
    }
    const { inspect } = require('internal/util/inspect');
    return `Headers ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function checkBrand(value) {
  if (value === null || typeof value !== 'object' || value[kList] === undefined) {
    throw new TypeError('Illegal invocation');
  }
}

ObjectDefineProperty(Headers.prototype, SymbolIterator, {
  __proto__: null, value: Headers.prototype.entries, writable: true, configurable: true,
});
ObjectDefineProperty(Headers.prototype, SymbolToStringTag, { __proto__: null, value: 'Headers', configurable: true });
for (const name of new SafeArrayIterator(['append', 'delete', 'get', 'has', 'set', 'getSetCookie', 'keys',
  'values', 'entries', 'forEach'])) {
  ObjectDefineProperty(Headers.prototype, name, { __proto__: null, enumerable: true });
}

// The iterator objects: one prototype, under %IteratorPrototype%, tagged 'Headers Iterator'.
const kTarget = Symbol('kTarget');
const IteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf([][SymbolIterator]()));
const HeadersIteratorPrototype = {
  __proto__: IteratorPrototype,
  next() {
    const state = this !== null && typeof this === 'object' ? this[kTarget] : undefined;
    if (state === undefined) throw new TypeError("'next' called on an object that does not implement interface Headers Iterator.");
    const entries = sortedEntries(state.headers);
    if (state.index >= entries.length) return { value: undefined, done: true };
    const pair = entries[state.index++];
    if (state.kind === 'key') return { value: pair[0], done: false };
    if (state.kind === 'value') return { value: pair[1], done: false };
    return { value: [pair[0], pair[1]], done: false };
  },
};
ObjectDefineProperty(HeadersIteratorPrototype, 'next', { __proto__: null, enumerable: true });
ObjectDefineProperty(HeadersIteratorPrototype, SymbolToStringTag, {
  __proto__: null, value: 'Headers Iterator', configurable: true,
});

function createIterator(headers, kind) {
  const it = { __proto__: HeadersIteratorPrototype };
  ObjectDefineProperty(it, kTarget, { __proto__: null, value: { __proto__: null, headers, kind, index: 0 } });
  return it;
}

// For fetch: [name, value, ...] in the order names were first added, with the
// casing they were first given (what node sends), minus the names in `skip`.
function toRawArray(headers, skip) {
  const raw = [];
  for (const { 0: key, 1: entry } of headers[kList]) {
    if (skip[key] === true) continue;
    if (entry.cookies !== null) {
      for (let i = 0; i < entry.cookies.length; i++) ArrayPrototypePush(raw, entry.name, entry.cookies[i]);
    } else {
      ArrayPrototypePush(raw, entry.name, entry.value);
    }
  }
  return raw;
}

function setGuard(headers, guard) {
  headers[kGuard] = guard;
}

// A Headers made from a received head (rawHeaders from http), immutable.
function headersFromRaw(raw) {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) appendToList(headers, raw[i], normalizeValue(raw[i + 1]));
  headers[kGuard] = 'immutable';
  return headers;
}

module.exports = {
  Headers, appendToList, fill, headersFromRaw, isToken, normalizeValue, setGuard, toRawArray,
};
