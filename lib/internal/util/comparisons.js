'use strict';
// Deep equality for assert.deepEqual/deepStrictEqual and util.isDeepStrictEqual:
// Maps, Sets, typed arrays, Dates, RegExps, errors, boxed primitives, symbol keys,
// prototypes (strict only) and cycles. Both sides must be the same kind of object
// by V8's own checks (a look-alike with a spoofed Symbol.toStringTag is not a typed
// array). No internalBinding; the kind checks come from internal/util/types.

const {
  ArrayIsArray, ArrayPrototypePush, ArrayPrototypeSplice, BigIntPrototypeValueOf,
  BooleanPrototypeValueOf, DatePrototypeGetTime, Error, MapPrototypeGet, MapPrototypeGetSize,
  MapPrototypeHas, NumberIsNaN, NumberPrototypeValueOf, ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf, ObjectIs, ObjectKeys, ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable, ObjectPrototypeToString, RegExpPrototypeGetFlags,
  RegExpPrototypeGetSource, SafeMap, SafeMapIterator, SafeSetIterator, SetPrototypeGetSize,
  SetPrototypeHas, String, StringPrototypeValueOf, SymbolPrototypeValueOf,
  TypedArrayPrototypeGetLength, Uint8Array,
} = primordials;
const types = require('internal/util/types');

const hasOwn = ObjectPrototypeHasOwnProperty;
const isEnumerable = ObjectPrototypePropertyIsEnumerable;

function isError(v) {
  return types.isNativeError(v) || v instanceof Error;
}

// What kind of object `v` is, by V8's type checks: both sides must agree.
function kindOf(v) {
  if (ArrayIsArray(v)) return 'array';
  if (types.isArrayBufferView(v)) return 'view';
  if (types.isDate(v)) return 'date';
  if (types.isRegExp(v)) return 'regexp';
  if (types.isSet(v)) return 'set';
  if (types.isMap(v)) return 'map';
  if (types.isAnyArrayBuffer(v)) return 'buffer';
  if (types.isBoxedPrimitive(v)) return 'boxed';
  if (isError(v)) return 'error';
  return 'object';
}

// The primitive inside a boxed primitive, and which kind of box holds it.
function unbox(v) {
  if (types.isNumberObject(v)) return ['number', NumberPrototypeValueOf(v)];
  if (types.isStringObject(v)) return ['string', StringPrototypeValueOf(v)];
  if (types.isBooleanObject(v)) return ['boolean', BooleanPrototypeValueOf(v)];
  if (types.isBigIntObject(v)) return ['bigint', BigIntPrototypeValueOf(v)];
  return ['symbol', SymbolPrototypeValueOf(v)];
}

function ownKeys(v, strict) {
  const keys = ObjectKeys(v);
  if (strict) {
    const symbols = ObjectGetOwnPropertySymbols(v);
    for (let i = 0; i < symbols.length; i++) {
      if (isEnumerable(v, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
    }
  }
  return keys;
}

// Own keys that are not array indices (those are compared element by element).
function nonIndexKeys(v, strict) {
  const keys = ownKeys(v, strict);
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k === 'symbol' || !(String(k >>> 0) === k && (k >>> 0) !== 4294967295)) {
      ArrayPrototypePush(out, k);
    }
  }
  return out;
}

function primitiveEqual(a, b, strict) {
  if (strict) return ObjectIs(a, b);
  // eslint-disable-next-line eqeqeq
  return a == b || (a !== a && b !== b);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || ObjectIs(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return primitiveEqual(a, b, false);
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  if (ObjectPrototypeToString(a) !== ObjectPrototypeToString(b)) return false;
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;

  switch (kind) {
    case 'array': {
      if (a.length !== b.length) return false;
      const ka = nonIndexKeys(a, strict);
      if (ka.length !== nonIndexKeys(b, strict).length) return false;
      return keyCheck(a, b, strict, memos, 'array', ka);
    }
    case 'object':
      return keyCheck(a, b, strict, memos, 'object');
    case 'date':
      if (DatePrototypeGetTime(a) !== DatePrototypeGetTime(b)) return false;
      break;
    case 'regexp':
      if (RegExpPrototypeGetSource(a) !== RegExpPrototypeGetSource(b) ||
          RegExpPrototypeGetFlags(a) !== RegExpPrototypeGetFlags(b) ||
          a.lastIndex !== b.lastIndex) {
        return false;
      }
      break;
    case 'error':
      if (a.message !== b.message || a.name !== b.name) return false;
      if (hasOwn(a, 'cause') !== hasOwn(b, 'cause') ||
          (hasOwn(a, 'cause') && !innerDeepEqual(a.cause, b.cause, strict, memos))) {
        return false;
      }
      if (hasOwn(a, 'errors') !== hasOwn(b, 'errors') ||
          (hasOwn(a, 'errors') && !innerDeepEqual(a.errors, b.errors, strict, memos))) {
        return false;
      }
      break;
    case 'view': {
      const name = types.typedArrayTag(a);
      if (name !== types.typedArrayTag(b)) return false;
      if (!strict && (name === 'Float32Array' || name === 'Float64Array')) {
        const len = TypedArrayPrototypeGetLength(a);
        if (len !== TypedArrayPrototypeGetLength(b)) return false;
        for (let i = 0; i < len; i++) if (a[i] !== b[i]) return false;
      } else if (!viewBytesEqual(a, b)) {
        return false;
      }
      const ka = nonIndexKeys(a, strict);
      if (ka.length !== nonIndexKeys(b, strict).length) return false;
      return keyCheck(a, b, strict, memos, 'object', ka);
    }
    case 'set':
      if (SetPrototypeGetSize(a) !== SetPrototypeGetSize(b)) return false;
      return keyCheck(a, b, strict, memos, 'set');
    case 'map':
      if (MapPrototypeGetSize(a) !== MapPrototypeGetSize(b)) return false;
      return keyCheck(a, b, strict, memos, 'map');
    case 'buffer':
      if (!bytesEqual(new Uint8Array(a), new Uint8Array(b))) return false;
      break;
    case 'boxed': {
      const boxA = unbox(a);
      const boxB = unbox(b);
      if (boxA[0] !== boxB[0] || !ObjectIs(boxA[1], boxB[1])) return false;
      break;
    }
  }
  return keyCheck(a, b, strict, memos, 'object');
}

// Byte-wise equality of two views (typed arrays or DataViews), of any element type.
function viewBytesEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  return bytesEqual(new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
                    new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}

function bytesEqual(x, y) {
  const len = TypedArrayPrototypeGetLength(x);
  if (len !== TypedArrayPrototypeGetLength(y)) return false;
  for (let i = 0; i < len; i++) if (x[i] !== y[i]) return false;
  return true;
}

function keyCheck(a, b, strict, memos, kind, keysA) {
  if (keysA === undefined) {
    keysA = ownKeys(a, strict);
    if (keysA.length !== ownKeys(b, strict).length) return false;
  }
  for (let i = 0; i < keysA.length; i++) {
    if (!isEnumerable(b, keysA[i])) return false;
  }
  if (keysA.length === 0 && (kind === 'object' || (kind === 'array' && a.length === 0))) return true;

  if (memos === undefined) {
    memos = { __proto__: null, a: new SafeMap(), b: new SafeMap(), position: 0 };
  } else {
    const ma = memos.a.get(a);
    if (ma !== undefined) {
      const mb = memos.b.get(b);
      if (mb !== undefined) return ma === mb;
    }
    memos.position++;
  }
  memos.a.set(a, memos.position);
  memos.b.set(b, memos.position);
  const result = objEquiv(a, b, strict, keysA, memos, kind);
  memos.a.delete(a);
  memos.b.delete(b);
  return result;
}

function objEquiv(a, b, strict, keys, memos, kind) {
  if (kind === 'array') {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      }
    }
  } else if (kind === 'set') {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (kind === 'map') {
    if (!mapEquiv(a, b, strict, memos)) return false;
  }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!innerDeepEqual(a[k], b[k], strict, memos)) return false;
  }
  return true;
}

const isObj = (v) => typeof v === 'object' && v !== null;

// Removes from `pool` the first entry deep-equal to `v`; false if none.
function takeMatch(pool, v, eq) {
  for (let i = 0; i < pool.length; i++) {
    if (eq(pool[i], v)) {
      ArrayPrototypeSplice(pool, i, 1);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  const restA = [];
  for (const v of new SafeSetIterator(a)) {
    if (isObj(v) || !SetPrototypeHas(b, v)) {
      if (!isObj(v) && strict) return false;
      ArrayPrototypePush(restA, v);
    }
  }
  if (restA.length === 0) return true;
  const pool = [];
  for (const v of new SafeSetIterator(b)) {
    if (isObj(v) || !SetPrototypeHas(a, v)) ArrayPrototypePush(pool, v);
  }
  const eq = (x, y) => innerDeepEqual(y, x, strict, memos);
  for (let i = 0; i < restA.length; i++) if (!takeMatch(pool, restA[i], eq)) return false;
  return pool.length === 0;
}

function mapEquiv(a, b, strict, memos) {
  const restA = [];
  for (const { 0: k, 1: v } of new SafeMapIterator(a)) {
    if (!isObj(k) && MapPrototypeHas(b, k)) {
      if (!innerDeepEqual(v, MapPrototypeGet(b, k), strict, memos)) {
        if (strict) return false;
        ArrayPrototypePush(restA, [k, v]);
      }
    } else {
      if (!isObj(k) && strict) return false;
      ArrayPrototypePush(restA, [k, v]);
    }
  }
  if (restA.length === 0) return true;
  const pool = [];
  for (const { 0: k, 1: v } of new SafeMapIterator(b)) {
    if (isObj(k) || !MapPrototypeHas(a, k) || !innerDeepEqual(MapPrototypeGet(a, k), v, strict, memos)) {
      ArrayPrototypePush(pool, [k, v]);
    }
  }
  const eq = (x, y) => innerDeepEqual(y[0], x[0], strict, memos) && innerDeepEqual(y[1], x[1], strict, memos);
  for (let i = 0; i < restA.length; i++) if (!takeMatch(pool, restA[i], eq)) return false;
  return pool.length === 0;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
