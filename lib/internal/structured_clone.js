'use strict';
// structuredClone(value, { transfer }) per the HTML structured clone algorithm, as
// Node 20 (V8's serializer) behaves: primitives, wrapper objects, Date, RegExp
// (lastIndex reset), Map, Set, ArrayBuffer, typed arrays and DataView (views of one
// buffer keep sharing its clone), Error types (name, message, stack, cause), arrays
// (holes and extra keys kept) and other ordinary objects as plain objects of their
// own enumerable string keys (getters run). Cycles and shared references are kept.
// Functions, symbols and exotic objects throw a DataCloneError DOMException.
// ArrayBuffers in the transfer list are moved: the clone gets their contents and the
// originals are left detached. KeyObjects and CryptoKeys are copied, a FileHandle
// in the transfer list is moved (internal/worker/js_transferable.js).
// internalBinding('buffer').detachArrayBuffer(ab); internalBinding('types').cloneKind(v) classifies
// an object in one call.

const {
  ArrayBuffer, ArrayIsArray, ArrayPrototypePush, MapPrototypeSet, ObjectCreate,
  ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ObjectKeys,
  ObjectPrototypeHasOwnProperty, SafeMap, SafeMapIterator, SafeSetIterator,
  SetPrototypeAdd, SymbolIterator,
} = primordials;
const { includesIn } = require('internal/util/either');

const types = require('internal/util/types');
const jsTransferable = require('internal/worker/js_transferable');

const kErrorNames = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
const kTypedArrays = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

function dataCloneError(value) {
  const { DOMException } = require('internal/dom_exception');
  let what;
  if (typeof value === 'function' || typeof value === 'symbol') {
    what = String(value);
  } else {
    // V8 names an object by its constructor; a proxy hides it.
    let name = 'Object';
    if (!types.isProxy(value)) {
      const ctor = ObjectGetPrototypeOf(value)?.constructor;
      if (typeof ctor === 'function' && ctor.name) name = ctor.name;
    }
    what = `#<${name}>`;
  }
  return new DOMException(`${what} could not be cloned.`, 'DataCloneError');
}

// Node's argument errors carry a code but keep V8's wording.
function typeErrorWithCode(message, code) {
  const e = new TypeError(message);
  e.code = code;
  return e;
}

// What bindingTypes.cloneKind(v) answers for an object.
const kOrdinary = 0, kArray = 1, kUncloneable = 2, kBoxed = 3, kDate = 4, kRegExp = 5, kBuffer = 6,
  kView = 7, kMap = 8, kSet = 9, kError = 10;
const { cloneKind } = internalBinding('types');

function cloneBuffer(buf) {
  if (types.isSharedArrayBuffer(buf)) return buf; // shared memory stays shared
  const out = buf.resizable ?
    new ArrayBuffer(buf.byteLength, { __proto__: null, maxByteLength: buf.maxByteLength }) :
    new ArrayBuffer(buf.byteLength);
  new Uint8Array(out).set(new Uint8Array(buf));
  return out;
}

function clone(value, memo) {
  if (typeof value === 'function' || typeof value === 'symbol') throw dataCloneError(value);
  if (value === null || typeof value !== 'object') return value;
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  // One native call classifies the object (each util.types check is a call).
  // process.env is a host object in node, cloned as an ordinary one; coil's is a
  // proxy, which structuredClone otherwise refuses.
  const kind = value === process.env ? kOrdinary : cloneKind(value);
  let out;
  switch (kind) {
    case kUncloneable:
      throw dataCloneError(value);
    case kBoxed:
      out = Object(value.valueOf());
      memo.set(value, out);
      return out;
    case kDate:
      out = new Date(value.getTime());
      memo.set(value, out);
      return out;
    case kRegExp:
      out = new RegExp(value.source, value.flags);
      memo.set(value, out);
      return out;
    case kBuffer:
      out = cloneBuffer(value);
      memo.set(value, out);
      return out;
    case kView: {
      const buf = clone(value.buffer, memo);
      if (types.isDataView(value)) {
        out = new DataView(buf, value.byteOffset, value.byteLength);
      } else {
        const Ctor = kTypedArrays[types.typedArrayTag(value)];
        out = new Ctor(buf, value.byteOffset, value.length);
      }
      memo.set(value, out);
      return out;
    }
    case kMap: {
      out = new Map();
      memo.set(value, out);
      // Entries are read first, then cloned, as the spec orders it.
      const entries = [];
      for (const entry of new SafeMapIterator(value)) ArrayPrototypePush(entries, entry);
      for (let i = 0; i < entries.length; i++) {
        MapPrototypeSet(out, clone(entries[i][0], memo), clone(entries[i][1], memo));
      }
      return out;
    }
    case kSet: {
      out = new Set();
      memo.set(value, out);
      const values = [];
      for (const v of new SafeSetIterator(value)) ArrayPrototypePush(values, v);
      for (let i = 0; i < values.length; i++) SetPrototypeAdd(out, clone(values[i], memo));
      return out;
    }
    case kError:
      return cloneError(value, memo);
    case kArray:
      out = new Array(value.length);
      break;
    case kOrdinary:
    default:
      if (jsTransferable.isJsTransferable(value)) return cloneTransferable(value, memo);
      if ((typeof WeakRef === 'function' && value instanceof WeakRef) ||
          (typeof FinalizationRegistry === 'function' && value instanceof FinalizationRegistry)) {
        throw dataCloneError(value);
      }
      out = {};
  }
  memo.set(value, out);
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) out[keys[i]] = clone(value[keys[i]], memo);
  return out;
}

// A KeyObject (copied); anything else of its kind (a FileHandle) had to be listed.
function cloneTransferable(value, memo) {
  if (typeof value[jsTransferable.kClone] !== 'function') {
    throw typeErrorWithCode('Object that needs transfer was found in message but not listed in transferList',
                            'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST');
  }
  const out = jsTransferable.cloneHere(value[jsTransferable.kClone]());
  memo.set(value, out);
  return out;
}

function domCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

function cloneError(value, memo) {
  const name = value.name;
  const Ctor = globalThis[includesIn(kErrorNames, name) ? name : 'Error'];
  const out = ObjectCreate(Ctor.prototype);
  memo.set(value, out);
  const define = (key, v) => ObjectDefineProperty(out, key, { __proto__: null, value: v, writable: true, configurable: true, enumerable: false });
  define('stack', typeof value.stack === 'string' ? value.stack : undefined);
  const msg = ObjectGetOwnPropertyDescriptor(value, 'message');
  if (msg !== undefined && 'value' in msg) define('message', `${msg.value}`);
  if (ObjectPrototypeHasOwnProperty(value, 'cause')) define('cause', clone(value.cause, memo));
  return out;
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) throw typeErrorWithCode('The value argument must be specified', 'ERR_MISSING_ARGS');
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw typeErrorWithCode('The options argument must be either an object or undefined', 'ERR_INVALID_ARG_TYPE');
  }
  const transfer = options?.transfer;
  if (transfer !== undefined && (transfer === null || typeof transfer[SymbolIterator] !== 'function')) {
    throw typeErrorWithCode('Optional transferList argument must be an iterable', 'ERR_INVALID_ARG_TYPE');
  }
  const memo = new SafeMap();
  const moved = [];
  if (transfer !== undefined) {
    for (const item of transfer) {
      if (jsTransferable.isJsTransferable(item) && typeof item[jsTransferable.kTransfer] === 'function') {
        if (memo.has(item)) throw domCloneError(`Transfer list contains duplicate ${item.constructor.name}`);
        memo.set(item, jsTransferable.cloneHere(item[jsTransferable.kTransfer](domCloneError)));
        ArrayPrototypePush(moved, item);
        continue;
      }
      if (!types.isArrayBuffer(item)) {
        throw typeErrorWithCode('Found invalid object in transferList', 'ERR_INVALID_TRANSFER_OBJECT');
      }
      if (memo.has(item)) {
        const { DOMException } = require('internal/dom_exception');
        throw new DOMException('Transfer list contains duplicate ArrayBuffer', 'DataCloneError');
      }
      memo.set(item, cloneBuffer(item));
      ArrayPrototypePush(moved, item);
    }
  }
  const out = clone(value, memo);
  const { detachArrayBuffer } = internalBinding('buffer');
  for (let i = 0; i < moved.length; i++) {
    if (types.isArrayBuffer(moved[i])) detachArrayBuffer(moved[i]);
    else moved[i][jsTransferable.kDetach]();
  }
  return out;
}

module.exports = { structuredClone };
