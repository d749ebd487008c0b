'use strict';
// The structured-clone wire format through V8's own ValueSerializer /
// ValueDeserializer, for the `v8` module (v8.serialize, v8.deserialize and the
// Serializer classes a program may subclass) and the IPC channel's 'advanced' mode.
//
// Serializer and Deserializer keep their engine object behind a handle
// (internalBinding('serdes')) under kHandle; the engine calls back into the
// instance's _writeHostObject, _getDataCloneError, _getSharedArrayBufferId and
// _readHostObject, so subclasses customise them as in node. The Default* classes
// write typed arrays, DataViews and Buffers as host objects: a type index, the
// byte length and the bytes of the view alone (a pooled Buffer's neighbours never
// leave the process) — the same bytes node writes, so the two read each other's.

const {
  ArrayBufferIsView, Error, ObjectDefineProperty, ObjectKeys, SafeMap, Symbol,
  TypeError, TypedArrayPrototypeGetSymbolToStringTag, TypedArrayPrototypeSet, Uint8Array,
  Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, DataView, BigInt64Array, BigUint64Array,
} = primordials;

const binding = internalBinding('serdes');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { isAnyArrayBuffer, isArrayBuffer } = require('internal/util/types');

const kHandle = Symbol('kHandle');

// A TypeError with node's code but a message of its own, as node's native classes throw.
function codedTypeError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function handleOf(self) {
  const handle = self !== null && (typeof self === 'object' || typeof self === 'function') ?
    self[kHandle] : undefined;
  if (handle === undefined) throw new TypeError('Illegal invocation');
  return handle;
}

function setHandle(self, handle) {
  ObjectDefineProperty(self, kHandle, { __proto__: null, value: handle, configurable: true });
}

// Plain functions rather than classes, so that calling one without `new` throws
// node's coded error; subclasses with `class ... extends` work the same.
function Serializer() {
  if (new.target === undefined) {
    throw codedTypeError('ERR_CONSTRUCT_CALL_REQUIRED',
                         "Class constructor Serializer cannot be invoked without 'new'");
  }
  setHandle(this, binding.newSerializer());
}

function defineMethods(proto, methods) {
  const names = ObjectKeys(methods);
  for (let i = 0; i < names.length; i++) {
    ObjectDefineProperty(proto, names[i], {
      __proto__: null, value: methods[names[i]], writable: true, enumerable: true, configurable: true,
    });
  }
}

defineMethods(Serializer.prototype, {
  writeHeader() { binding.writeHeader(handleOf(this)); },
  writeValue(value) { return binding.writeValue(handleOf(this), this, value); },
  releaseBuffer() {
    const ab = binding.releaseBuffer(handleOf(this));
    return new FastBuffer(ab, 0, ab.byteLength);
  },
  transferArrayBuffer(id, arrayBuffer) {
    const handle = handleOf(this);
    id >>>= 0;
    if (!isArrayBuffer(arrayBuffer)) {
      throw codedTypeError('ERR_INVALID_ARG_TYPE', 'arrayBuffer must be an ArrayBuffer');
    }
    binding.serializerTransferArrayBuffer(handle, id, arrayBuffer);
  },
  writeUint32(value) {
    const handle = handleOf(this);
    binding.writeUint32(handle, value >>> 0);
  },
  writeUint64(hi, lo) {
    const handle = handleOf(this);
    binding.writeUint64(handle, hi >>> 0, lo >>> 0);
  },
  writeDouble(value) {
    const handle = handleOf(this);
    binding.writeDouble(handle, +value);
  },
  writeRawBytes(source) {
    const handle = handleOf(this);
    if (!ArrayBufferIsView(source)) {
      throw codedTypeError('ERR_INVALID_ARG_TYPE', 'source must be a TypedArray or a DataView');
    }
    binding.writeRawBytes(handle, source);
  },
  _setTreatArrayBufferViewsAsHostObjects(on) {
    binding.setTreatArrayBufferViewsAsHostObjects(handleOf(this), Boolean(on));
  },
  _getDataCloneError: Error,
});

function checkView(buffer) {
  if (!ArrayBufferIsView(buffer)) {
    throw codedTypeError('ERR_INVALID_ARG_TYPE', 'buffer must be a TypedArray or a DataView');
  }
}

function Deserializer(buffer) {
  if (new.target === undefined) {
    throw codedTypeError('ERR_CONSTRUCT_CALL_REQUIRED',
                         "Class constructor Deserializer cannot be invoked without 'new'");
  }
  checkView(buffer);
  setHandle(this, binding.newDeserializer(buffer));
  this.buffer = buffer;
}

defineMethods(Deserializer.prototype, {
  readHeader() { return binding.readHeader(handleOf(this), this); },
  readValue() { return binding.readValue(handleOf(this), this); },
  getWireFormatVersion() { return binding.getWireFormatVersion(handleOf(this)); },
  transferArrayBuffer(id, arrayBuffer) {
    const handle = handleOf(this);
    id >>>= 0;
    if (!isAnyArrayBuffer(arrayBuffer)) {
      throw codedTypeError('ERR_INVALID_ARG_TYPE',
                           'arrayBuffer must be an ArrayBuffer or SharedArrayBuffer');
    }
    binding.deserializerTransferArrayBuffer(handle, id, arrayBuffer);
  },
  readUint32() { return binding.readUint32(handleOf(this)); },
  readUint64() { return binding.readUint64(handleOf(this)); },
  readDouble() { return binding.readDouble(handleOf(this)); },
  _readRawBytes(length) {
    const handle = handleOf(this);
    return binding.readRawBytes(handle, length >>> 0);
  },
  // A view of the input itself, not a copy.
  readRawBytes(length) {
    const offset = this._readRawBytes(length);
    return new FastBuffer(this.buffer.buffer, this.buffer.byteOffset + offset, length);
  },
});

// The host-object type index of each kind of view, on the wire (node's numbering).
const kBufferIndex = 10;
const viewTypes = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, DataView, FastBuffer, BigInt64Array, BigUint64Array,
];
const indexOfTag = new SafeMap();
for (let i = 0; i < viewTypes.length; i++) {
  if (i !== 9 && i !== kBufferIndex) indexOfTag.set(viewTypes[i].name, i);
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  // A Buffer is told apart by its constructor (so it comes back a Buffer); other
  // views by their kind, whatever subclass or `constructor` they have.
  _writeHostObject(view) {
    let index;
    if (view.constructor === Buffer) {
      index = kBufferIndex;
    } else if (ArrayBufferIsView(view)) {
      const tag = TypedArrayPrototypeGetSymbolToStringTag(view);
      index = tag === undefined ? 9 : indexOfTag.get(tag);
    }
    if (index === undefined) {
      const { inspect } = require('internal/util/inspect');
      throw new this._getDataCloneError(`Unserializable host object: ${inspect(view)}`);
    }
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  // The view shares the input's memory when its alignment allows, as node's does;
  // otherwise it gets an aligned copy.
  _readHostObject() {
    const index = this.readUint32();
    const byteLength = this.readUint32();
    const at = this._readRawBytes(byteLength);
    const Type = viewTypes[index];
    if (Type === undefined) throw new Error('Unable to deserialize cloned data.');
    const size = Type.BYTES_PER_ELEMENT || 1;
    const offset = this.buffer.byteOffset + at;
    if (offset % size === 0) return new Type(this.buffer.buffer, offset, byteLength / size);
    const copy = new Uint8Array(byteLength);
    TypedArrayPrototypeSet(copy, new Uint8Array(this.buffer.buffer, offset, byteLength));
    return new Type(copy.buffer, 0, byteLength / size);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  try {
    ser.writeHeader();
    ser.writeValue(value);
    return ser.releaseBuffer();
  } finally {
    binding.dispose(ser[kHandle]);
  }
}

function deserialize(buffer) {
  checkView(buffer);
  const des = new DefaultDeserializer(buffer);
  try {
    des.readHeader();
    return des.readValue();
  } finally {
    binding.dispose(des[kHandle]);
  }
}

module.exports = {
  kHandle,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  serialize,
};
