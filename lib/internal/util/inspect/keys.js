'use strict';
// util.inspect's view of an object's outside: which own keys it shows (all, the
// enumerable ones, those that are not array indices), whether it is an instance of
// the constructor found on its chain, and the prefix naming the object
// (`Foo [tag] `, `[Object: null prototype] `).

const {
  ArrayPrototypePush, FunctionPrototypeCall, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames,
  ObjectGetOwnPropertySymbols, ObjectKeys, ObjectPrototypePropertyIsEnumerable,
  StringPrototypeCharCodeAt, SymbolHasInstance,
} = primordials;
const {
  getConstructorName: internalGetConstructorName, getOwnNonIndexProperties: internalGetOwnNonIndexProperties,
} = internalBinding('util');
const types = require('internal/util/types');

// Function.prototype[@@hasInstance] (non-writable, non-configurable: it cannot change),
// and Array, whose `prototype` (also fixed) isInstanceof checks inline.
const functionHasInstance =
  ObjectGetOwnPropertyDescriptor(primordials.Function.prototype, SymbolHasInstance).value;
const ArrayCtor = primordials.Array;
const arrayPrototype = ArrayCtor.prototype;

// `object instanceof ctor` (false where that throws), step by step as the operator
// takes them, so that the common case skips V8 10.2's generic lookup of @@hasInstance
// inside the operator. `proto`, when given, is the prototype of `object` (not a
// proxy): Array with Array.prototype there then matches outright. (Object.prototype
// never gets here as a prototype: getConstructorName names it first.)
function isInstanceof(object, ctor, proto) {
  try {
    const handler = ctor[SymbolHasInstance];
    if (handler === functionHasInstance) {
      if (ctor === ArrayCtor && proto === arrayPrototype) return true;
      return FunctionPrototypeCall(functionHasInstance, ctor, object);
    }
    if (handler === undefined || handler === null) {
      return FunctionPrototypeCall(functionHasInstance, ctor, object);
    }
    return !!FunctionPrototypeCall(handler, ctor, object);
  } catch {
    return false;
  }
}

function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function getKeys(value, showHidden) {
  let keys;
  const symbols = ObjectGetOwnPropertySymbols(value);
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    for (let i = 0; i < symbols.length; i++) ArrayPrototypePush(keys, symbols[i]);
  } else {
    try {
      keys = ObjectKeys(value);
    } catch (err) {
      // Module namespaces throw for bindings still in their TDZ.
      if (!types.isModuleNamespaceObject(value)) throw err;
      keys = ObjectGetOwnPropertyNames(value);
    }
    if (symbols.length !== 0) {
      for (let i = 0; i < symbols.length; i++) {
        if (ObjectPrototypePropertyIsEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
      }
    }
  }
  return keys;
}

// '0' or digits without a leading zero, below 2 ** 32 - 1. (A loop, not a regexp:
// it runs for every key and a regexp match allocates.)
function isArrayIndex(key) {
  const len = key.length;
  if (len === 0 || len > 10) return false;
  const first = StringPrototypeCharCodeAt(key, 0);
  if (first === 48 /* 0 */) return len === 1;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if (c < 48 || c > 57) return false;
  }
  return +key < 4294967295;
}

// Own keys that are not array indices (extra properties of arrays/typed arrays),
// from V8 directly: listing every key first would make one string per element.
function getOwnNonIndexProperties(value, showHidden) {
  return internalGetOwnNonIndexProperties(value, !showHidden);
}

// The prefix of a plain object. One without a prototype is named as V8 names it (its
// class's name, else a data @@toStringTag), unless that is the tag shown beside it.
function getCtxName(value, constructor, tag) {
  let fallback = 'Object';
  if (constructor === null) {
    const name = internalGetConstructorName(value);
    if (typeof name === 'string' && name !== '' && name !== tag) fallback = name;
  }
  return getPrefix(constructor, tag, fallback);
}

module.exports = { getCtxName, getKeys, getOwnNonIndexProperties, getPrefix, isArrayIndex, isInstanceof };
