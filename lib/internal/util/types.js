'use strict';
// util.types: value-kind checks. Most come from the native `types` binding;
// typed-array checks read %TypedArray%.prototype[Symbol.toStringTag], which is
// undefined for anything that is not a typed array.
//
// internalBinding('types') functions used (each (value) -> boolean):
//   isExternal, isDate, isArgumentsObject, isBigIntObject, isBooleanObject,
//   isNumberObject, isStringObject, isSymbolObject, isBoxedPrimitive, isNativeError,
//   isRegExp, isAsyncFunction, isGeneratorFunction, isGeneratorObject, isPromise,
//   isMap, isSet, isMapIterator, isSetIterator, isWeakMap, isWeakSet, isArrayBuffer,
//   isDataView, isSharedArrayBuffer, isAnyArrayBuffer, isProxy, isModuleNamespaceObject

const {
  ArrayBufferIsView, ObjectDefineProperty, SafeArrayIterator,
  TypedArrayPrototypeGetSymbolToStringTag,
} = primordials;

const binding = internalBinding('types');

const typedArrayTag = TypedArrayPrototypeGetSymbolToStringTag;

function isTypedArray(value) { return TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined; }
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
};

for (const name of new SafeArrayIterator(['isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject',
  'isBooleanObject', 'isNumberObject', 'isStringObject', 'isSymbolObject', 'isBoxedPrimitive',
  'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject',
  'isPromise', 'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet',
  'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer', 'isAnyArrayBuffer', 'isProxy',
  'isModuleNamespaceObject'])) {
  types[name] = binding[name];
}

module.exports = types;
ObjectDefineProperty(module.exports, 'typedArrayTag', { __proto__: null, value: typedArrayTag, enumerable: false });
