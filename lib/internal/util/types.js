'use strict';
// util.types: value-kind checks. Most come from the native `types` binding;
// typed-array checks read %TypedArray%.prototype[Symbol.toStringTag]'s function,
// which is undefined for anything that is not a typed array.
//
// internalBinding('types') functions used (each (value) -> boolean):
//   isExternal, isDate, isArgumentsObject, isBigIntObject, isBooleanObject,
//   isNumberObject, isStringObject, isSymbolObject, isBoxedPrimitive, isNativeError,
//   isRegExp, isAsyncFunction, isGeneratorFunction, isGeneratorObject, isPromise,
//   isMap, isSet, isMapIterator, isSetIterator, isWeakMap, isWeakSet, isArrayBuffer,
//   isDataView, isSharedArrayBuffer, isAnyArrayBuffer, isProxy, isModuleNamespaceObject

const {
  ArrayBufferIsView, ObjectDefineProperty,
} = primordials;

const binding = internalBinding('types');

// %TypedArray%.prototype[@@toStringTag]'s own function (es2023.js), undefined for
// anything but a typed array.
const typedArrayTag = binding.typedArrayTag;

function isTypedArray(value) { return typedArrayTag(value) !== undefined; }
function isArrayBufferView(value) { return ArrayBufferIsView(value); }

const types = {
  isArrayBufferView,
  isTypedArray,
  isUint8Array: (v) => typedArrayTag(v) === 'Uint8Array',
  isUint8ClampedArray: (v) => typedArrayTag(v) === 'Uint8ClampedArray',
  isUint16Array: (v) => typedArrayTag(v) === 'Uint16Array',
  isUint32Array: (v) => typedArrayTag(v) === 'Uint32Array',
  isInt8Array: (v) => typedArrayTag(v) === 'Int8Array',
  isInt16Array: (v) => typedArrayTag(v) === 'Int16Array',
  isInt32Array: (v) => typedArrayTag(v) === 'Int32Array',
  isFloat32Array: (v) => typedArrayTag(v) === 'Float32Array',
  isFloat64Array: (v) => typedArrayTag(v) === 'Float64Array',
  isBigInt64Array: (v) => typedArrayTag(v) === 'BigInt64Array',
  isBigUint64Array: (v) => typedArrayTag(v) === 'BigUint64Array',
  // coil has no crypto KeyObject/CryptoKey yet.
  isKeyObject: () => false,
  isCryptoKey: () => false,
  // One literal (not properties added in a loop, which left V8 10.2 a
  // dictionary-mode object): optimized callers then load each check as a constant
  // and call its fast path directly.
  isExternal: binding.isExternal,
  isDate: binding.isDate,
  isArgumentsObject: binding.isArgumentsObject,
  isBigIntObject: binding.isBigIntObject,
  isBooleanObject: binding.isBooleanObject,
  isNumberObject: binding.isNumberObject,
  isStringObject: binding.isStringObject,
  isSymbolObject: binding.isSymbolObject,
  isBoxedPrimitive: binding.isBoxedPrimitive,
  isNativeError: binding.isNativeError,
  isRegExp: binding.isRegExp,
  isAsyncFunction: binding.isAsyncFunction,
  isGeneratorFunction: binding.isGeneratorFunction,
  isGeneratorObject: binding.isGeneratorObject,
  isPromise: binding.isPromise,
  isMap: binding.isMap,
  isSet: binding.isSet,
  isMapIterator: binding.isMapIterator,
  isSetIterator: binding.isSetIterator,
  isWeakMap: binding.isWeakMap,
  isWeakSet: binding.isWeakSet,
  isArrayBuffer: binding.isArrayBuffer,
  isDataView: binding.isDataView,
  isSharedArrayBuffer: binding.isSharedArrayBuffer,
  isAnyArrayBuffer: binding.isAnyArrayBuffer,
  isProxy: binding.isProxy,
  isModuleNamespaceObject: binding.isModuleNamespaceObject,
};

module.exports = types;
ObjectDefineProperty(module.exports, 'typedArrayTag', { __proto__: null, value: typedArrayTag, enumerable: false });
