'use strict';
// ES2023 built-ins that Node 20 has and V8 10.2 lacks, defined before any other JS
// runs (so before the primordials are captured, and before user code): change array
// by copy (Array.prototype and %TypedArray%.prototype toReversed, toSorted,
// toSpliced, with) and String.prototype isWellFormed/toWellFormed; and it mends
// %TypedArray%.prototype[@@toStringTag], which V8 10.2 gets wrong for views on a
// resizable buffer. Compiled by Rust as a function of (internalBinding). Each follows ECMA-262 2023's algorithm step by step
// (same argument conversions in the same order, same errors, holes read through as
// undefined); they are non-enumerable, have the spec's `length`, and are not
// constructors, as built-in methods are. The messages are those Node 20 prints.
// Everything used here is captured now, so later patches of built-ins do not reach it.

const { bind, call } = Function.prototype;
const uncurryThis = bind.bind(call);
const ArrayFrom = Array.from;
const ArrayPrototypeSort = uncurryThis(Array.prototype.sort);
const ReflectApply = Reflect.apply;
const ReflectDefineProperty = Reflect.defineProperty;
const ReflectGetPrototypeOf = Reflect.getPrototypeOf;
const ReflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
const ArrayIsArray = Array.isArray;
const ObjectCtor = Object;
const MathMin = Math.min;
const MathMax = Math.max;
const MathTrunc = Math.trunc;
const NumberIsNaN = Number.isNaN;
const StringCtor = String;
const StringPrototypeCharCodeAt = uncurryThis(String.prototype.charCodeAt);
const StringPrototypeSlice = uncurryThis(String.prototype.slice);
const StringFromCharCode = String.fromCharCode;
const NumberCtor = Number;
const BigIntCtor = BigInt;
const TypeErrorCtor = TypeError;
const RangeErrorCtor = RangeError;
const TypedArray = ReflectGetPrototypeOf(Uint8Array);
const TypedArrayPrototype = TypedArray.prototype;
const tagGetter = Reflect.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const ArrayBufferIsView = ArrayBuffer.isView;
const { typedArrayName } = internalBinding('types');
// V8 10.2's getter answers undefined for a view on a resizable or growable buffer
// (its elements kind is outside the range the getter checks); Node 20's V8 names it.
// ArrayBuffer.isView first: V8 10.2's optimized code runs the getter on anything
// else in ~60 ns (against ~1 ns for isView), and util.types asks about all kinds.
function typedArrayTag(value) {
  if (!ArrayBufferIsView(value)) return undefined;
  const name = ReflectApply(tagGetter, value, []);
  return name !== undefined ? name : typedArrayName(value);
}
const TypedArrayPrototypeGetSymbolToStringTag = typedArrayTag;
// lib/internal/util/types.js calls this directly: one call where the getter
// through a primordial was three.
internalBinding('types').typedArrayTag = typedArrayTag;
const TypedArrayPrototypeGetLength = uncurryThis(
  Reflect.getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get);
const TypedArrayPrototypeAt = uncurryThis(TypedArrayPrototype.at);
const TypedArrayPrototypeSort = uncurryThis(TypedArrayPrototype.sort);
const TypedArrayPrototypeReverse = uncurryThis(TypedArrayPrototype.reverse);

// %TypedArray% constructors by [[TypedArrayName]]: TypedArrayCreateSameType never
// consults `constructor` or @@species.
const typedArrayCtors = {
  __proto__: null,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

const kMaxSafeInteger = 2 ** 53 - 1;

function toIntegerOrInfinity(value) {
  const n = NumberCtor(value);
  if (NumberIsNaN(n) || n === 0) return 0;
  return MathTrunc(n);
}

function lengthOfArrayLike(obj) {
  const len = toIntegerOrInfinity(obj.length);
  if (len <= 0) return 0;
  return MathMin(len, kMaxSafeInteger);
}

// A new Array of `len` elements, element k being produced by `fill(k)`: Array.from
// over a null-prototype array-like does ArrayCreate(len) (RangeError past 2**32-1)
// then CreateDataPropertyOrThrow for each index, so an indexed setter on
// Array.prototype is never called.
function arrayCreateFilled(len, fill) {
  return ReflectApply(ArrayFrom, undefined, [{ __proto__: null, length: len }, (_, k) => fill(k)]);
}

function checkCompareFn(comparefn) {
  if (comparefn !== undefined && typeof comparefn !== 'function') {
    throw new TypeErrorCtor('The comparison function must be either a function or undefined');
  }
}

const arrayMethods = {
  toReversed() {
    const O = ObjectCtor(requireObjectCoercible(this));
    const len = lengthOfArrayLike(O);
    return arrayCreateFilled(len, (k) => O[len - k - 1]);
  },

  toSorted(comparefn) {
    checkCompareFn(comparefn);
    const O = ObjectCtor(requireObjectCoercible(this));
    const len = lengthOfArrayLike(O);
    // The copy has no holes, so the original sort reads and writes only its own
    // elements; it is stable and puts undefined last, as SortIndexedProperties does.
    const A = arrayCreateFilled(len, (k) => O[k]);
    return ArrayPrototypeSort(A, comparefn);
  },

  toSpliced(start, skipCount, ...items) {
    const O = ObjectCtor(requireObjectCoercible(this));
    const len = lengthOfArrayLike(O);
    const relativeStart = toIntegerOrInfinity(start);
    const actualStart = relativeStart < 0 ?
      MathMax(len + relativeStart, 0) : MathMin(relativeStart, len);
    const insertCount = items.length;
    let actualSkipCount;
    if (arguments.length === 0) {
      actualSkipCount = 0;
    } else if (arguments.length === 1) {
      actualSkipCount = len - actualStart;
    } else {
      actualSkipCount = MathMin(MathMax(toIntegerOrInfinity(skipCount), 0), len - actualStart);
    }
    const newLen = len + insertCount - actualSkipCount;
    if (newLen > kMaxSafeInteger) throw new TypeErrorCtor('Invalid array length');
    // Past the inserted items, element k comes from O[k - insertCount + actualSkipCount].
    const shift = actualSkipCount - insertCount;
    return arrayCreateFilled(newLen, (k) => {
      if (k < actualStart) return O[k];
      if (k < actualStart + insertCount) return items[k - actualStart];
      return O[k + shift];
    });
  },

  with(index, value) {
    const O = ObjectCtor(requireObjectCoercible(this));
    const len = lengthOfArrayLike(O);
    const relativeIndex = toIntegerOrInfinity(index);
    const actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
    if (actualIndex >= len || actualIndex < 0) {
      throw new RangeErrorCtor(`Invalid index : ${relativeIndex}`);
    }
    return arrayCreateFilled(len, (k) => (k === actualIndex ? value : O[k]));
  },
};

function requireObjectCoercible(value) {
  if (value === null || value === undefined) {
    throw new TypeErrorCtor('Cannot convert undefined or null to object');
  }
  return value;
}

// ValidateTypedArray: `O` must be a typed array whose buffer is attached and which is
// in bounds. Returns its constructor and length. A detached or out-of-bounds view
// reads as length 0; `at` tells those apart from an empty view by throwing.
function validateTypedArray(O, method) {
  const name = TypedArrayPrototypeGetSymbolToStringTag(O);
  if (name === undefined) {
    // V8 words this one differently (Node 20 prints V8's messages).
    if (method === 'with') throw new TypeErrorCtor('this is not a typed array.');
    throw new TypeErrorCtor(
      `Method %TypedArray%.prototype.${method} called on incompatible receiver ${describe(O)}`);
  }
  const len = TypedArrayPrototypeGetLength(O);
  if (len === 0) checkAttached(O, method);
  return { Ctor: typedArrayCtors[name], len };
}

function checkAttached(O, method) {
  try {
    TypedArrayPrototypeAt(O, 0);
  } catch {
    throw new TypeErrorCtor(`Cannot perform %TypedArray%.prototype.${method} on a detached ArrayBuffer`);
  }
}

// How V8 names a receiver in its "incompatible receiver" message: arrays and
// objects without a constructor as [object ...], others as #<Constructor>.
function describe(value) {
  if (ArrayIsArray(value)) return '[object Array]';
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    for (let o = value; o !== null; o = ReflectGetPrototypeOf(o)) {
      const d = ReflectGetOwnPropertyDescriptor(o, 'constructor');
      if (d === undefined) continue;
      const name = typeof d.value === 'function' ? d.value.name : undefined;
      return `#<${typeof name === 'string' && name ? name : 'Object'}>`;
    }
    return '[object Object]';
  }
  return typeof value === 'symbol' ? 'Symbol()' : StringCtor(value);
}

const typedArrayMethods = {
  toReversed() {
    const { Ctor } = validateTypedArray(this, 'toReversed');
    return TypedArrayPrototypeReverse(new Ctor(this));
  },

  toSorted(comparefn) {
    checkCompareFn(comparefn);
    const { Ctor } = validateTypedArray(this, 'toSorted');
    return TypedArrayPrototypeSort(new Ctor(this), comparefn);
  },

  with(index, value) {
    const O = this;
    const { Ctor, len } = validateTypedArray(O, 'with');
    const relativeIndex = toIntegerOrInfinity(index);
    const actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
    const isBigInt = Ctor === BigInt64Array || Ctor === BigUint64Array;
    const numericValue = isBigInt ? toBigInt(value) : NumberCtor(value);
    // The conversion may have detached or shrunk the buffer: IsValidIntegerIndex is
    // checked against the view as it is now.
    if (actualIndex < 0 || actualIndex >= TypedArrayPrototypeGetLength(O)) {
      throw new RangeErrorCtor('Invalid typed array index');
    }
    const A = new Ctor(len);
    for (let k = 0; k < len; k++) A[k] = k === actualIndex ? numericValue : O[k];
    return A;
  },
};

// ToBigInt: what BigInt() accepts, minus Numbers (spec: TypeError).
function toBigInt(value) {
  if (typeof value === 'number') {
    throw new TypeErrorCtor(`Cannot convert ${value} to a BigInt`);
  }
  return BigIntCtor(value);
}

function thisString(self, method) {
  if (self === null || self === undefined) {
    throw new TypeErrorCtor(`String.prototype.${method} called on null or undefined`);
  }
  return `${self}`; // ToString: a Symbol throws
}

// Index of the first lone surrogate in `s` at or after `from`, or -1.
function loneSurrogateIndex(s, from) {
  const len = s.length;
  for (let i = from; i < len; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c < 0xD800 || c > 0xDFFF) continue;
    if (c <= 0xDBFF && i + 1 < len) {
      const next = StringPrototypeCharCodeAt(s, i + 1);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

const stringMethods = {
  isWellFormed() {
    return loneSurrogateIndex(thisString(this, 'isWellFormed'), 0) === -1;
  },

  toWellFormed() {
    const s = thisString(this, 'toWellFormed');
    let bad = loneSurrogateIndex(s, 0);
    if (bad === -1) return s;
    let out = '';
    let from = 0;
    while (bad !== -1) {
      out += `${StringPrototypeSlice(s, from, bad)}${StringFromCharCode(0xFFFD)}`;
      from = bad + 1;
      bad = loneSurrogateIndex(s, from);
    }
    return out + StringPrototypeSlice(s, from);
  },
};

// Built-in methods: writable, configurable, not enumerable. A method already there (a
// newer V8) is kept.
function install(target, methods) {
  const names = Reflect.ownKeys(methods);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (Reflect.getOwnPropertyDescriptor(target, name)) continue;
    ReflectDefineProperty(target, name, {
      __proto__: null,
      value: methods[name],
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
}

ReflectDefineProperty(TypedArrayPrototype, Symbol.toStringTag, {
  __proto__: null,
  get: {
    get [Symbol.toStringTag]() {
      return typedArrayTag(this);
    },
  }.__lookupGetter__(Symbol.toStringTag),
  enumerable: false,
  configurable: true,
});
install(Array.prototype, arrayMethods);
install(TypedArrayPrototype, typedArrayMethods);
install(String.prototype, stringMethods);
{
  const unscopables = Array.prototype[Symbol.unscopables];
  for (const name of ['toReversed', 'toSorted', 'toSpliced']) {
    ReflectDefineProperty(unscopables, name, {
      __proto__: null, value: true, writable: true, enumerable: true, configurable: true,
    });
  }
}
