'use strict';
// primordials: the JS built-ins as they were before any user code ran. Compiled by
// Rust as a function of (primordials) and run first, before the module loader; the
// frozen object is then handed to every lib/ module as a wrapper parameter. lib/
// code calls `ArrayPrototypePush(list, x)` instead of `list.push(x)`, so a program
// that patches Array.prototype.push, or defines Object.prototype.get, never reaches
// coil's own code.
//
// Names follow one rule: a static `Object.keys` is `ObjectKeys`, a prototype method
// `Array.prototype.push` is `ArrayPrototypePush(self, ...args)` (this-argument first),
// a getter `get TypedArray.prototype.length` is `TypedArrayPrototypeGetLength(self)`,
// a static function also has an `Apply` form (`MathMaxApply(list)`),
// a well-known symbol `Symbol.iterator` is `SymbolIterator`. The constructors
// themselves keep their names (`Array`, `Map`, `Promise`).

/* global primordials */

const { apply, bind, call } = Function.prototype;
// uncurryThis(f)(self, ...args) === f.call(self, ...args), without looking up
// Function.prototype.call at the call site.
const uncurryThis = bind.bind(call);
primordials.uncurryThis = uncurryThis;
// applyBind(f)(self, args) === f.apply(self, args).
const applyBind = bind.bind(apply);
primordials.applyBind = applyBind;

function upperFirst(s) {
  return `${s[0].toUpperCase()}${s.slice(1)}`;
}

// A property key as part of a primordial's name: 'push' -> 'Push', Symbol.iterator ->
// 'SymbolIterator'.
function keyName(key) {
  if (typeof key === 'symbol') {
    const desc = key.description;
    return desc.startsWith('Symbol.') ? `Symbol${upperFirst(desc.slice(7))}` : undefined;
  }
  return upperFirst(key);
}

function copyProps(src, dest) {
  for (const key of Reflect.ownKeys(src)) {
    if (!Reflect.getOwnPropertyDescriptor(dest, key)) {
      Reflect.defineProperty(dest, key, {
        __proto__: null,
        ...Reflect.getOwnPropertyDescriptor(src, key),
      });
    }
  }
}

// Statics as `${prefix}${Key}`: values copied, accessors read once. With `bound`,
// functions are bound to `src` (Promise's statics need their constructor as this).
function copyStatics(src, prefix, bound = false) {
  for (const key of Reflect.ownKeys(src)) {
    const name = keyName(key);
    if (name === undefined) continue;
    const desc = Reflect.getOwnPropertyDescriptor(src, key);
    if ('get' in desc) {
      primordials[`${prefix}Get${name}`] = uncurryThis(desc.get);
    } else {
      const full = `${prefix}${name}`;
      primordials[full] = bound && typeof desc.value === 'function' ?
        bind.call(desc.value, src) : desc.value;
      // Node also gives each static function an `Apply` form: MathMaxApply(list).
      if (typeof desc.value === 'function') {
        primordials[`${full}Apply`] = applyBind(desc.value, src);
      }
    }
  }
}

// Prototype members as `${prefix}${Key}(self, ...args)`.
function copyPrototype(src, prefix) {
  for (const key of Reflect.ownKeys(src)) {
    const name = keyName(key);
    if (name === undefined) continue;
    const desc = Reflect.getOwnPropertyDescriptor(src, key);
    if ('get' in desc) {
      if (desc.get) primordials[`${prefix}Get${name}`] = uncurryThis(desc.get);
      if (desc.set) primordials[`${prefix}Set${name}`] = uncurryThis(desc.set);
    } else if (typeof desc.value === 'function') {
      primordials[`${prefix}${name}`] = uncurryThis(desc.value);
    } else {
      primordials[`${prefix}${name}`] = desc.value;
    }
  }
}

// Namespaces: only statics.
for (const name of ['JSON', 'Math', 'Proxy', 'Reflect']) {
  copyStatics(globalThis[name], name);
}
// Plain functions, kept whole.
for (const name of [
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
  'escape', 'unescape', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
]) {
  primordials[name] = globalThis[name];
}
// Constructors: the constructor itself, its statics and its prototype's members.
for (const name of [
  'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError',
  'FinalizationRegistry', 'Float32Array', 'Float64Array', 'Function', 'Int16Array',
  'Int32Array', 'Int8Array', 'Map', 'Number', 'Object', 'RangeError', 'ReferenceError',
  'RegExp', 'Set', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'URIError',
  'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap',
  'WeakRef', 'WeakSet', 'Promise',
]) {
  const ctor = globalThis[name];
  primordials[name] = ctor;
  copyStatics(ctor, name, name === 'Promise');
  copyPrototype(ctor.prototype, `${name}Prototype`);
}
// The hidden %TypedArray% and the iterator prototypes, reached through instances.
{
  const TypedArray = Reflect.getPrototypeOf(Uint8Array);
  primordials.TypedArray = TypedArray;
  copyStatics(TypedArray, 'TypedArray');
  copyPrototype(TypedArray.prototype, 'TypedArrayPrototype');
  // lib/ asks this getter about every kind of value (util.types, buffer): called
  // through Reflect.apply, V8 10.2's optimized code inlines it, where uncurryThis's
  // bound `call` took twice as long.
  const tagGetter = Reflect.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
  const apply = Reflect.apply;
  primordials.TypedArrayPrototypeGetSymbolToStringTag = (value) => apply(tagGetter, value, []);
  const iter = (x) => Reflect.getPrototypeOf(x[Symbol.iterator]());
  copyPrototype(iter([]), 'ArrayIteratorPrototype');
  copyPrototype(iter(''), 'StringIteratorPrototype');
  copyPrototype(iter(new Map()), 'MapIteratorPrototype');
  copyPrototype(iter(new Set()), 'SetIteratorPrototype');
  copyPrototype(Reflect.getPrototypeOf(iter([])), 'IteratorPrototype');
  copyPrototype(Reflect.getPrototypeOf(async function* () {}).prototype, 'AsyncIteratorPrototype');
  primordials.AsyncIteratorPrototype = Reflect.getPrototypeOf(
    Reflect.getPrototypeOf(async function* () {}).prototype);
}

const {
  ArrayPrototypeMap, FunctionPrototypeCall, MapPrototypeEntries, ObjectFreeze,
  ObjectSetPrototypeOf, PromisePrototypeThen, Promise, ReflectApply, SetPrototypeValues,
  SymbolIterator,
} = primordials;
const MapIteratorNext = primordials.MapIteratorPrototypeNext;
const SetIteratorNext = primordials.SetIteratorPrototypeNext;
const ArrayIteratorNext = primordials.ArrayIteratorPrototypeNext;

// An iterator class over `factory(obj)` whose `next` is the original one, for Safe*
// collections: a user's patch of %MapIteratorPrototype%.next does not reach for-of
// loops inside lib/.
function makeSafeIterator(factory, next) {
  class SafeIterator {
    constructor(obj) {
      this._iterator = factory(obj);
    }
    next() {
      return next(this._iterator);
    }
    [SymbolIterator]() {
      return this;
    }
  }
  ObjectSetPrototypeOf(SafeIterator.prototype, null);
  ObjectFreeze(SafeIterator.prototype);
  ObjectFreeze(SafeIterator);
  return SafeIterator;
}

// A subclass of a built-in collection whose methods are the originals, own
// properties of its prototype, so patches of Map.prototype do not reach it.
function makeSafe(unsafe, safe) {
  if (SymbolIterator in unsafe.prototype) {
    const dummy = new unsafe();
    let next;
    for (const key of Reflect.ownKeys(unsafe.prototype)) {
      if (!Reflect.getOwnPropertyDescriptor(safe.prototype, key)) {
        const desc = Reflect.getOwnPropertyDescriptor(unsafe.prototype, key);
        if (key !== 'constructor' && typeof desc.value === 'function' &&
            desc.value.length === 0 &&
            SymbolIterator in (FunctionPrototypeCall(desc.value, dummy) ?? {})) {
          const createIterator = uncurryThis(desc.value);
          next ??= uncurryThis(createIterator(dummy).next);
          const SafeIterator = makeSafeIterator(createIterator, next);
          desc.value = function() {
            return new SafeIterator(this);
          };
        }
        Reflect.defineProperty(safe.prototype, key, { __proto__: null, ...desc });
      }
    }
  } else {
    copyProps(unsafe.prototype, safe.prototype);
  }
  copyProps(unsafe, safe);
  ObjectSetPrototypeOf(safe.prototype, null);
  ObjectFreeze(safe.prototype);
  ObjectFreeze(safe);
  return safe;
}

primordials.makeSafe = makeSafe;
primordials.SafeMap = makeSafe(Map, class SafeMap extends Map {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeWeakMap = makeSafe(WeakMap, class SafeWeakMap extends WeakMap {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeSet = makeSafe(Set, class SafeSet extends Set {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeWeakSet = makeSafe(WeakSet, class SafeWeakSet extends WeakSet {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeWeakRef = makeSafe(WeakRef, class SafeWeakRef extends WeakRef {
  constructor(t) { super(t); } // eslint-disable-line no-useless-constructor
});
primordials.SafeFinalizationRegistry = makeSafe(FinalizationRegistry,
  class SafeFinalizationRegistry extends FinalizationRegistry {
    constructor(cb) { super(cb); } // eslint-disable-line no-useless-constructor
  });

// Iterators over an array/map/set that use the original `next`, for for-of inside
// lib/: `for (const x of new SafeArrayIterator(list))`.
primordials.SafeArrayIterator = makeSafeIterator(
  primordials.ArrayPrototypeSymbolIterator, ArrayIteratorNext);
primordials.SafeStringIterator = makeSafeIterator(
  primordials.StringPrototypeSymbolIterator, primordials.StringIteratorPrototypeNext);
primordials.SafeMapIterator = makeSafeIterator(MapPrototypeEntries, MapIteratorNext);
primordials.SafeSetIterator = makeSafeIterator(SetPrototypeValues, SetIteratorNext);

// A Promise subclass whose `then` is the original: awaiting one inside lib/ cannot
// be intercepted by a patched Promise.prototype.then.
const SafePromise = makeSafe(Promise, class SafePromise extends Promise {
  constructor(executor) { super(executor); } // eslint-disable-line no-useless-constructor
});
primordials.SafePromise = SafePromise;

// Promise.all/allSettled/any/race over an array, without the array's (patchable)
// iterator: each element is wrapped in a SafePromise first.
for (const kind of ['All', 'AllSettled', 'Any', 'Race']) {
  const method = Promise[kind[0].toLowerCase() + kind.slice(1)];
  primordials[`SafePromise${kind}`] = (promises, mapFn) =>
    new Promise((resolve, reject) => {
      const list = ArrayPrototypeMap(promises, (p, i) =>
        new SafePromise((a, b) => PromisePrototypeThen(
          mapFn ? mapFn(p, i) : p, a, b)));
      PromisePrototypeThen(ReflectApply(method, SafePromise, [list]), resolve, reject);
    });
}

ObjectSetPrototypeOf(primordials, null);
ObjectFreeze(primordials);
