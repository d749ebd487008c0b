'use strict';
// "JS transferables": objects of lib/ that a MessagePort, a Worker or
// structuredClone may move (FileHandle: only when in the transfer list) or copy
// (KeyObject, CryptoKey). Such an object is a host object (hostThis), so V8's
// serializer hands it to io.js's hook instead of copying its properties. Its class
// says how: [kTransfer]() or [kClone]() returns { data, deserializeInfo }, where
// deserializeInfo is 'module:Class' of a lib/ module and data is itself cloneable;
// after a transfer [kDetach]() leaves the sender's object unusable. On the wire it
// is bytes (pack): deserializeInfo and data through V8's serializer; the receiver
// (revive) calls Class[kDeserialize](data) of that module.

const { Error, ObjectSetPrototypeOf, StringPrototypeIndexOf, StringPrototypeSlice, Symbol } = primordials;

const serdes = internalBinding('serdes');
const { hasBuiltin } = internalBinding('builtins');

const kTransfer = Symbol('messaging_transfer_symbol');
const kClone = Symbol('messaging_clone_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');
const kDetach = Symbol('messaging_detach_symbol');

// `this` for a constructor whose objects are JS transferables: a host object with
// the prototype new.target asks for.
function hostThis(newTarget) {
  const obj = internalBinding('messaging').hostObject();
  ObjectSetPrototypeOf(obj, newTarget.prototype);
  return obj;
}

function isJsTransferable(obj) {
  return obj !== null && typeof obj === 'object' &&
    (typeof obj[kTransfer] === 'function' || typeof obj[kClone] === 'function');
}

function cloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

// The data of a JS transferable holds no host object of its own.
class PackOwner {
  _getDataCloneError(message) { return cloneError(message); }
  _writeHostObject() { throw cloneError('Cannot clone a nested transferable object'); }
}

// The bytes that stand for `desc` ({ data, deserializeInfo }) in a message.
function pack(desc) {
  const h = serdes.newSerializer();
  try {
    serdes.writeHeader(h);
    serdes.writeValue(h, new PackOwner(), [`${desc.deserializeInfo}`, desc.data]);
    return new Uint8Array(serdes.releaseBuffer(h));
  } finally {
    serdes.dispose(h);
  }
}

// What a cloneable object is sent as; undefined when `obj` must be transferred.
function cloneBytes(obj) {
  if (typeof obj[kClone] !== 'function') return undefined;
  return pack(obj[kClone]());
}

// The object `bytes` (pack's) stand for, made on this thread.
function revive(bytes) {
  const h = serdes.newDeserializer(bytes);
  let info;
  let data;
  try {
    serdes.readHeader(h, { __proto__: null });
    const parts = serdes.readValue(h, { __proto__: null });
    info = parts[0];
    data = parts[1];
  } finally {
    serdes.dispose(h);
  }
  const colon = StringPrototypeIndexOf(info, ':');
  const id = StringPrototypeSlice(info, 0, colon);
  const name = StringPrototypeSlice(info, colon + 1);
  if (colon <= 0 || !hasBuiltin(id)) throw new Error(`Missing internal module '${id}'`);
  const Class = require(id)[name];
  if (typeof Class !== 'function' || typeof Class[kDeserialize] !== 'function') {
    throw new Error(`Unknown deserialize spec ${info}`);
  }
  return Class[kDeserialize](data);
}

// A JS transferable sent to a port moved into another vm context (node cannot
// make it there either).
function unavailable() {
  const e = new Error('A message object could not be deserialized successfully in the target vm.Context');
  e.code = 'ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE';
  throw e;
}

// A copy made on this thread (structuredClone): through the same bytes.
function cloneHere(desc) {
  return revive(pack(desc));
}

module.exports = {
  kTransfer, kClone, kDeserialize, kDetach, hostThis, isJsTransferable, pack, cloneBytes, revive, unavailable,
  cloneHere,
};
