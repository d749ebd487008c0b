'use strict';
// Deep equality for assert.deepEqual/deepStrictEqual and util.isDeepStrictEqual:
// Maps, Sets, typed arrays, Dates, RegExps, errors, boxed primitives, symbol keys,
// prototypes (strict only) and cycles. No internalBinding.

const toTag = (v) => Object.prototype.toString.call(v);
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;

function isBoxed(v) {
  for (const C of [Number, String, Boolean, BigInt, Symbol]) {
    try {
      C.prototype.valueOf.call(v);
      return C;
    } catch {
      // not this kind
    }
  }
  return null;
}

function isError(v) {
  return v instanceof Error || toTag(v) === '[object Error]';
}

function ownKeys(v, strict) {
  const keys = Object.keys(v);
  if (strict) {
    for (const s of Object.getOwnPropertySymbols(v)) if (isEnumerable(v, s)) keys.push(s);
  }
  return keys;
}

function nonIndexKeys(v, strict) {
  return ownKeys(v, strict).filter((k) => typeof k === 'symbol' || !(String(k >>> 0) === k && (k >>> 0) !== 4294967295));
}

function primitiveEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  // eslint-disable-next-line eqeqeq
  return a == b || (a !== a && b !== b);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return primitiveEqual(a, b, false);
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const tag = toTag(a);
  if (tag !== toTag(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const ka = nonIndexKeys(a, strict);
    const kb = nonIndexKeys(b, strict);
    if (ka.length !== kb.length) return false;
    return keyCheck(a, b, strict, memos, 'array', ka);
  }
  if (tag === '[object Object]' && !isBoxed(a) && !isError(a)) {
    return keyCheck(a, b, strict, memos, 'object');
  }
  if (a instanceof Date || tag === '[object Date]') {
    if (Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (a instanceof RegExp || tag === '[object RegExp]') {
    if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (isError(a)) {
    if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
    if (hasOwn(a, 'cause') !== hasOwn(b, 'cause') || (hasOwn(a, 'cause') && !innerDeepEqual(a.cause, b.cause, strict, memos))) return false;
    if (hasOwn(a, 'errors') !== hasOwn(b, 'errors') || (hasOwn(a, 'errors') && !innerDeepEqual(a.errors, b.errors, strict, memos))) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    if (typedTag.call(a) !== typedTag.call(b)) return false;
    if (!strict && (typedTag.call(a) === 'Float32Array' || typedTag.call(a) === 'Float64Array')) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    } else if (!bytesEqual(a, b)) {
      return false;
    }
    const ka = nonIndexKeys(a, strict);
    const kb = nonIndexKeys(b, strict);
    if (ka.length !== kb.length) return false;
    return keyCheck(a, b, strict, memos, 'object', ka);
  } else if (a instanceof Set || tag === '[object Set]') {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'set');
  } else if (a instanceof Map || tag === '[object Map]') {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'map');
  } else if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') {
    if (!bytesEqual(new Uint8Array(a), new Uint8Array(b))) return false;
  } else {
    const boxed = isBoxed(a);
    if (boxed) {
      if (isBoxed(b) !== boxed) return false;
      if (!Object.is(boxed.prototype.valueOf.call(a), boxed.prototype.valueOf.call(b))) return false;
    } else if (isBoxed(b)) {
      return false;
    }
  }
  return keyCheck(a, b, strict, memos, 'object');
}

function bytesEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function keyCheck(a, b, strict, memos, kind, keysA) {
  if (keysA === undefined) {
    keysA = ownKeys(a, strict);
    const keysB = ownKeys(b, strict);
    if (keysA.length !== keysB.length) return false;
  }
  for (const k of keysA) {
    if (!isEnumerable(b, k)) return false;
  }
  if (keysA.length === 0 && (kind === 'object' || (kind === 'array' && a.length === 0))) return true;

  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), position: 0 };
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
  for (const k of keys) {
    if (!innerDeepEqual(a[k], b[k], strict, memos)) return false;
  }
  return true;
}

const isObj = (v) => typeof v === 'object' && v !== null;

// Removes from `pool` the first entry deep-equal to `v`; false if none.
function takeMatch(pool, v, strict, memos, eq) {
  for (let i = 0; i < pool.length; i++) {
    if (eq(pool[i], v)) {
      pool.splice(i, 1);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  const restA = [];
  for (const v of a) {
    if (isObj(v) || !b.has(v)) {
      if (!isObj(v) && strict) return false;
      restA.push(v);
    }
  }
  if (restA.length === 0) return true;
  const pool = [];
  for (const v of b) if (isObj(v) || !a.has(v)) pool.push(v);
  const eq = (x, y) => innerDeepEqual(y, x, strict, memos);
  for (const v of restA) if (!takeMatch(pool, v, strict, memos, eq)) return false;
  return pool.length === 0;
}

function mapEquiv(a, b, strict, memos) {
  const restA = [];
  for (const [k, v] of a) {
    if (!isObj(k) && b.has(k)) {
      const bv = b.get(k);
      if (!innerDeepEqual(v, bv, strict, memos)) {
        if (strict) return false;
        restA.push([k, v]);
      }
    } else {
      if (!isObj(k) && strict) return false;
      restA.push([k, v]);
    }
  }
  if (restA.length === 0) return true;
  const pool = [];
  for (const [k, v] of b) {
    if (isObj(k) || !a.has(k) || !innerDeepEqual(a.get(k), v, strict, memos)) pool.push([k, v]);
  }
  const eq = (x, y) => innerDeepEqual(y[0], x[0], strict, memos) && innerDeepEqual(y[1], x[1], strict, memos);
  for (const e of restA) if (!takeMatch(pool, e, strict, memos, eq)) return false;
  return pool.length === 0;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
