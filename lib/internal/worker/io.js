'use strict';
// MessagePort and MessageChannel, and the message format they and Worker share:
// V8's ValueSerializer (internalBinding('serdes')), with the ArrayBuffers and
// MessagePorts of a transfer list moved and SharedArrayBuffers shared. The bytes
// and what they carry go to the receiving thread through internalBinding('messaging'),
// which wakes that thread's loop; there `emit` rebuilds the value and dispatches it,
// to node-style listeners (port.on('message', (value) => ...)) and to DOM ones
// (addEventListener / onmessage, given a MessageEvent).
// A message with no transfer list goes through postValue, which serializes and
// queues it natively; one without ports arrives through emitValue, already a value.
// FileHandles (moved) and KeyObjects (copied) travel as bytes in place of the host
// object (internal/worker/js_transferable.js).
// Binding: messaging.{setup, newChannel, hostObject, post, postValue, start, stop,
// setRef, close, receive}.

const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypePush, ObjectDefineProperties,
  ObjectDefineProperty, ObjectFreeze, ObjectSetPrototypeOf, ReflectApply, SafeMap, Symbol, SymbolFor, SymbolIterator,
  TypedArrayPrototypeSubarray, TypeError,
} = primordials;

const messaging = internalBinding('messaging');
const serdes = internalBinding('serdes');
const EventEmitter = require('events');
const { CustomEvent, Event, EventTarget, initEventTarget, kEvents } = require('internal/event_target');
const {
  codes: { ERR_CONSTRUCT_CALL_INVALID, ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST },
} = require('internal/errors');
const types = require('internal/util/types');
const jsTransferable = require('internal/worker/js_transferable');

// A host object index announcing a JS transferable's bytes (src/v8/message.cc's).
const kJsTransferable = 0xFFFFFFFF;

const kId = Symbol('kId');
const kEmitter = Symbol('kEmitter');
const kRefed = Symbol('kRefed');
const kHandler = Symbol('kHandler');
const kDomListener = Symbol('kDomListener');
const kClosing = Symbol('kClosing');
// A Worker reads its internal port's traffic here (kind, value) instead of events.
const kInternal = Symbol('kInternal');
const kUntransferable = SymbolFor('nodejs.worker_threads.untransferable');

const kMessage = 0;
const kOnline = 1;
const kStdout = 4;
const kStderr = 5;
const kSnapshot = 7;
const kClose = 3;

// id -> port, for the ports living on this thread; id -> delivery, for its
// BroadcastChannels.
const ports = new SafeMap();
// process._getActiveHandles(): a user's port while it keeps the loop alive.
require('internal/process/active_resources').addHandleLister((list) => {
  for (const { 1: port } of ports) {
    if (port[kInternal] === undefined && port.hasRef()) ArrayPrototypePush(list, [port, 'MessagePort']);
  }
});
const broadcasts = new SafeMap();

// A TypeError with node's `code` (a moved port's context gives its own maker).
function codeTypeError(message, code) {
  const e = new TypeError(message);
  e.code = code;
  return e;
}

function iterableError(what, typeError = codeTypeError) {
  return typeError(`Optional ${what} argument must be an iterable`, 'ERR_INVALID_ARG_TYPE');
}

function dataCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

class MessageEvent extends Event {
  #data;
  #ports;
  constructor(type, options = undefined) {
    super(type, options);
    this.#data = options?.data ?? null;
    this.#ports = options?.ports ?? [];
  }
  get data() { return this.#data; }
  get ports() { return this.#ports; }
  get origin() { return ''; }
  get lastEventId() { return ''; }
  get source() { return null; }
}

// node's NodeEventTarget: an EventTarget that also takes node-style listeners.
// 'message' and 'messageerror' listeners of both kinds share one list, so they run
// in the order they were added; a DOM one gets a MessageEvent, a node one the value.
class NodeEventTarget extends EventTarget {
  addEventListener(type, listener, options) {
    if (type !== 'message' && type !== 'messageerror') {
      return ReflectApply(EventTarget.prototype.addEventListener, this, arguments);
    }
    if (listener === null || (typeof listener !== 'function' && typeof listener !== 'object')) return;
    const raw = this[kEmitter].rawListeners(type);
    for (let i = 0; i < raw.length; i++) {
      if ((raw[i].listener ?? raw[i])[kDomListener] === listener) return;
    }
    const port = this;
    const wrapper = (data, ports) => {
      const e = new MessageEvent(type, { data, ports });
      ObjectDefineProperty(e, 'target', { __proto__: null, value: port, enumerable: true });
      ObjectDefineProperty(e, 'currentTarget', { __proto__: null, value: port, enumerable: true });
      if (typeof listener === 'function') ReflectApply(listener, port, [e]);
      else listener.handleEvent(e);
    };
    wrapper[kDomListener] = listener;
    if (options !== null && typeof options === 'object' && options.once) this[kEmitter].once(type, wrapper);
    else this[kEmitter].on(type, wrapper);
    if (type === 'message') listening(this);
  }

  removeEventListener(type, listener, options) {
    if (type !== 'message' && type !== 'messageerror') {
      return ReflectApply(EventTarget.prototype.removeEventListener, this, arguments);
    }
    const raw = this[kEmitter].rawListeners(type);
    for (let i = 0; i < raw.length; i++) {
      if ((raw[i].listener ?? raw[i])[kDomListener] === listener) {
        this[kEmitter].removeListener(type, raw[i].listener ?? raw[i]);
        break;
      }
    }
    if (type === 'message') maybeUnref(this);
  }

  // Node listeners get `arg`; DOM ones of other types a CustomEvent with it as detail.
  // (DOM listeners of those types run first: they are a separate list here.)
  emit(type, arg) {
    let had = false;
    if (type !== 'message' && type !== 'messageerror' && this[kEvents].has(type)) {
      this.dispatchEvent(new CustomEvent(type, { detail: arg }));
      had = true;
    }
    return this[kEmitter].emit(type, arg) || had;
  }
}

const emitterMethods = ['listenerCount', 'listeners', 'eventNames', 'setMaxListeners',
  'getMaxListeners', 'rawListeners'];
for (let i = 0; i < emitterMethods.length; i++) {
  const name = emitterMethods[i];
  ObjectDefineProperty(NodeEventTarget.prototype, name, {
    __proto__: null, configurable: true, writable: true,
    value: function(...args) { return ReflectApply(EventEmitter.prototype[name], this[kEmitter], args); },
  });
}
function addNodeListener(how) {
  return function(type, listener) {
    ReflectApply(EventEmitter.prototype[how], this[kEmitter], [type, listener]);
    if (type === 'message') listening(this);
    return this;
  };
}
function removeNodeListener(how) {
  return function(...args) {
    ReflectApply(EventEmitter.prototype[how], this[kEmitter], args);
    maybeUnref(this);
    return this;
  };
}
ObjectDefineProperties(NodeEventTarget.prototype, {
  __proto__: null,
  on: { __proto__: null, configurable: true, writable: true, value: addNodeListener('on') },
  addListener: { __proto__: null, configurable: true, writable: true, value: addNodeListener('on') },
  once: { __proto__: null, configurable: true, writable: true, value: addNodeListener('once') },
  prependListener: { __proto__: null, configurable: true, writable: true, value: addNodeListener('prependListener') },
  off: { __proto__: null, configurable: true, writable: true, value: removeNodeListener('removeListener') },
  removeListener: { __proto__: null, configurable: true, writable: true, value: removeNodeListener('removeListener') },
  removeAllListeners: {
    __proto__: null, configurable: true, writable: true, value: removeNodeListener('removeAllListeners'),
  },
});

class MessagePort extends NodeEventTarget {
  constructor() {
    throw new ERR_CONSTRUCT_CALL_INVALID();
  }

  postMessage(value, transferList = undefined) {
    if (arguments.length === 0) {
      const e = new TypeError('Not enough arguments to MessagePort.postMessage');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    const id = this[kId];
    if (transferList === undefined || transferList === null) {
      // closed (or not a port): serialized all the same, then dropped, as node does
      messaging.postValue(id === undefined ? -1 : id, value);
      return;
    }
    const list = checkTransferList(transferList, this);
    if (list[1].length === 0 && list[2].length === 0) {
      // ArrayBuffers only (the common transfer): serialized, detached and queued
      // in one native call.
      messaging.postTransfer(id === undefined ? -1 : id, value, list[0]);
      return;
    }
    const msg = serializeChecked(value, list);
    if (id === undefined || id < 0) return; // closed: dropped, as node drops it
    messaging.post(id, kMessage, msg[0], msg[1], msg[2], msg[3]);
  }

  start() {
    if (this[kId] >= 0) messaging.start(this[kId]);
  }

  close(callback) {
    if (typeof callback === 'function') this.once('close', callback);
    if (this[kId] >= 0) {
      // Closed from now on for transfer lists, though 'close' comes later.
      this[kClosing] = true;
      messaging.close(this[kId]);
    }
  }

  ref() {
    this[kRefed] = true;
    if (this[kId] >= 0) messaging.setRef(this[kId], true);
  }

  unref() {
    this[kRefed] = false;
    if (this[kId] >= 0) messaging.setRef(this[kId], false);
  }

  hasRef() {
    return this[kId] >= 0 && this[kRefed] === true && hasMessageListener(this);
  }

  // As node's: whether the port is still open (active) and, if so, keeps the loop
  // alive (refed). The result is an object of MessagePort's class, not a port, so
  // inspecting it formats it plainly.
  [SymbolFor('nodejs.util.inspect.custom')]() {
    if (typeof this[kId] !== 'number') return this;
    if (this[kId] < 0) return { __proto__: MessagePort.prototype, active: false };
    return { __proto__: MessagePort.prototype, active: true, refed: this.hasRef() };
  }

  get onmessage() { return this[kHandler]?.message ?? null; }
  set onmessage(fn) { setHandler(this, 'message', fn); }
  get onmessageerror() { return this[kHandler]?.messageerror ?? null; }
  set onmessageerror(fn) { setHandler(this, 'messageerror', fn); }
}

function setHandler(port, type, fn) {
  port[kHandler] ??= { __proto__: null };
  const old = port[kHandler][type];
  if (old) port.removeEventListener(type, old);
  if (typeof fn !== 'function' && (typeof fn !== 'object' || fn === null)) {
    port[kHandler][type] = null;
    return;
  }
  port[kHandler][type] = fn;
  port.addEventListener(type, fn);
}

function hasMessageListener(port) {
  return port[kEmitter].listenerCount('message') > 0;
}

// A 'message' listener starts the port and makes it keep the loop alive.
function listening(port) {
  if (port[kId] < 0) return;
  if (port[kRefed] !== false) port.ref();
  port.start();
}

function maybeUnref(port) {
  if (port[kId] >= 0 && !hasMessageListener(port) && port[kInternal] === undefined) {
    messaging.setRef(port[kId], false);
  }
}

// A MessagePort for binding port `id`.
function makePort(id) {
  const port = messaging.hostObject();
  ObjectSetPrototypeOf(port, MessagePort.prototype);
  initEventTarget(port);
  port[kId] = id;
  port[kEmitter] = new EventEmitter();
  port[kRefed] = undefined;
  ports.set(id, port);
  messaging.setRef(id, false);
  return port;
}

class MessageChannel {
  constructor() {
    const ids = messaging.newChannel();
    this.port1 = makePort(ids[0]);
    this.port2 = makePort(ids[1]);
  }
}

// What V8's serializer calls back (src/v8/serializer.cc): a class, not a literal
// with __proto__: null, whose objects V8 would build on its slow path per message.
class SerializerOwner {
  constructor(h, transferPorts, shared, cloneError, moved, movedBytes) {
    this.h = h;
    this.transferPorts = transferPorts;
    this.shared = shared;
    this.cloneError = cloneError;
    this.moved = moved;
    this.movedBytes = movedBytes;
  }

  _getDataCloneError(message) { return this.cloneError(message); }

  _getSharedArrayBufferId(sab) {
    let i = ArrayPrototypeIndexOf(this.shared, sab);
    if (i === -1) i = ArrayPrototypePush(this.shared, sab) - 1;
    return i;
  }

  _writeHostObject(obj) {
    const i = ArrayPrototypeIndexOf(this.transferPorts, obj);
    if (i !== -1) {
      serdes.writeUint32(this.h, i);
      return;
    }
    const j = ArrayPrototypeIndexOf(this.moved, obj);
    const bytes = j !== -1 ? this.movedBytes[j] : hostIndex(obj);
    serdes.writeUint32(this.h, kJsTransferable);
    serdes.writeUint32(this.h, bytes.length);
    serdes.writeRawBytes(this.h, bytes);
  }
}

class DeserializerOwner {
  constructor(h, received, shared, input) {
    this.h = h;
    this.received = received;
    this.shared = shared;
    this.input = input;
  }

  _readHostObject() {
    const i = serdes.readUint32(this.h);
    if (i !== kJsTransferable) return this.received[i];
    const len = serdes.readUint32(this.h);
    const at = serdes.readRawBytes(this.h, len);
    return jsTransferable.revive(TypedArrayPrototypeSubarray(this.input, at, at + len));
  }
  _getSharedArrayBuffer(i) { return this.shared[i]; }
}

// Ports moved into other vm contexts (internal/worker/context_port.js) are not
// objects of this file: their ids come from there ({ idOf(port), detach(port),
// receive(port) }).
let foreignPorts = null;
function setForeignPorts(lookup) { foreignPorts = lookup; }

// A port's binding id (-1 once closed or transferred); undefined for a non-port.
function portIdOf(item) {
  const id = item[kId];
  return id === undefined && foreignPorts !== null ? foreignPorts.idOf(item) : id;
}

// [ArrayBuffers, MessagePorts, JS transferables, their bytes] of a transfer list,
// checked as node checks it; a port of a vm context gives its context's error
// makers. A JS transferable says here whether it can go (a FileHandle in use
// cannot); one that is only cloneable (a KeyObject) is copied whether listed or not.
function checkTransferList(transferList, source, cloneError = dataCloneError, typeError = codeTypeError) {
  const buffers = [];
  const transferPorts = [];
  const moved = [];
  const movedBytes = [];
  if (transferList !== undefined && transferList !== null) {
    let list = transferList;
    if (typeof list !== 'object' && typeof list !== 'function') {
      throw iterableError('transferList', typeError);
    }
    if (typeof list[SymbolIterator] !== 'function') {
      list = list.transfer;
      if (list !== undefined && (list === null || typeof list !== 'object' ||
                                 typeof list[SymbolIterator] !== 'function')) {
        throw iterableError('options.transfer', typeError);
      }
    }
    // A real array is read by index, as node's native code reads it (a patched
    // Array.prototype[Symbol.iterator] is not reached); other iterables are iterated.
    let items = list === undefined ? [] : list;
    if (!ArrayIsArray(items)) {
      const iter = list[SymbolIterator]();
      if (iter === null || typeof iter !== 'object' || typeof iter.next !== 'function') {
        throw iterableError(list === transferList ? 'transferList' : 'options.transfer', typeError);
      }
      items = [];
      for (let step = iter.next(); !step.done; step = iter.next()) ArrayPrototypePush(items, step.value);
    }
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (types.isArrayBuffer(item)) {
        // Marked untransferable: it is copied instead, as node does.
        if (item[kUntransferable] === true) continue;
        if (ArrayPrototypeIncludes(buffers, item)) throw cloneError('Transfer list contains duplicate ArrayBuffer');
        ArrayPrototypePush(buffers, item);
      } else if (item !== null && typeof item === 'object' && portIdOf(item) !== undefined) {
        if (item === source) throw cloneError('Transfer list contains source port');
        if (portIdOf(item) < 0 || item[kClosing] === true) {
          throw cloneError('MessagePort in transfer list is already detached');
        }
        if (ArrayPrototypeIncludes(transferPorts, item)) {
          throw cloneError('Transfer list contains duplicate MessagePort');
        }
        ArrayPrototypePush(transferPorts, item);
      } else if (jsTransferable.isJsTransferable(item)) {
        if (typeof item[jsTransferable.kTransfer] !== 'function') continue;
        if (ArrayPrototypeIncludes(moved, item)) {
          throw cloneError(`Transfer list contains duplicate ${item.constructor.name}`);
        }
        ArrayPrototypePush(movedBytes, jsTransferable.pack(item[jsTransferable.kTransfer](cloneError)));
        ArrayPrototypePush(moved, item);
      } else {
        throw typeError('Found invalid object in transferList', 'ERR_INVALID_TRANSFER_OBJECT');
      }
    }
  }
  return [buffers, transferPorts, moved, movedBytes];
}

// [data, buffers, shared, port ids] of a message.
function serialize(value, transferList, source) {
  return serializeChecked(value, checkTransferList(transferList, source));
}

// serialize() with the transfer list already checked (checkTransferList's answer).
function serializeChecked(value, checked, cloneError = dataCloneError) {
  const buffers = checked[0];
  const transferPorts = checked[1];
  const portIds = [];
  for (let i = 0; i < transferPorts.length; i++) ArrayPrototypePush(portIds, portIdOf(transferPorts[i]));
  const shared = [];
  const h = serdes.newSerializer();
  const owner = new SerializerOwner(h, transferPorts, shared, cloneError, checked[2], checked[3]);
  let data;
  try {
    for (let i = 0; i < buffers.length; i++) serdes.serializerTransferArrayBuffer(h, i, buffers[i]);
    serdes.writeHeader(h);
    serdes.writeValue(h, owner, value);
    data = new Uint8Array(serdes.releaseBuffer(h));
  } finally {
    serdes.dispose(h);
  }
  // What moved is unusable here from now on (a FileHandle's fd is the receiver's).
  for (let i = 0; i < checked[2].length; i++) checked[2][i][jsTransferable.kDetach]();
  // The ports leave this thread: they are unusable here from now on.
  for (let i = 0; i < transferPorts.length; i++) {
    const port = transferPorts[i];
    if (port[kId] === undefined) {
      foreignPorts.detach(port);
      continue;
    }
    ports.delete(port[kId]);
    port[kId] = -1;
  }
  return [data, buffers, shared, portIds];
}

// The value of a received message: [data, buffers, shared, port ids] from the binding.
function deserialize(data, buffers, shared, portIds) {
  const received = [];
  for (let i = 0; i < portIds.length; i++) ArrayPrototypePush(received, makePort(portIds[i]));
  const input = new Uint8Array(data);
  const h = serdes.newDeserializer(input);
  const owner = new DeserializerOwner(h, received, shared, input);
  try {
    for (let i = 0; i < buffers.length; i++) serdes.deserializerTransferArrayBuffer(h, i, buffers[i]);
    serdes.readHeader(h, owner);
    return { value: serdes.readValue(h, owner), ports: received };
  } finally {
    serdes.dispose(h);
  }
}

function emit(id, kind, data, buffers, shared, portIds) {
  const port = ports.get(id);
  if (port === undefined && kind === kMessage && broadcasts.has(id)) {
    broadcasts.get(id)(deserialize(data, buffers, shared, portIds).value);
    return;
  }
  if (kind === kClose) {
    ports.delete(id);
    if (port === undefined) return;
    port[kId] = -1;
    port[kEmitter].emit('close');
    port.dispatchEvent(new Event('close'));
    return;
  }
  if (port === undefined) return;
  if (kind === kOnline) {
    port[kInternal]?.(kind, undefined);
    return;
  }
  if (kind === kStdout || kind === kStderr || kind === kSnapshot) {
    const { FastBuffer } = require('internal/buffer/fast_buffer');
    port[kInternal]?.(kind, new FastBuffer(data));
    return;
  }
  let msg;
  try {
    msg = deserialize(data, buffers, shared, portIds);
  } catch (err) {
    port[kEmitter].emit('messageerror', err);
    return;
  }
  if (port[kInternal] !== undefined) {
    port[kInternal](kind, msg.value);
    return;
  }
  try {
    port[kEmitter].emit('message', msg.value, msg.ports);
  } finally {
    // A once() listener is gone now (even if it threw): without listeners the
    // port lets its loop end.
    maybeUnref(port);
  }
}
const kNoPorts = ObjectFreeze([]);

// A message without ports, rebuilt natively; `failed`: `value` is the error that
// rebuilding it threw.
function emitValue(id, value, failed) {
  const port = ports.get(id);
  if (port === undefined) {
    if (!failed && broadcasts.has(id)) broadcasts.get(id)(value);
    return;
  }
  if (failed) {
    port[kEmitter].emit('messageerror', value);
    return;
  }
  if (port[kInternal] !== undefined) {
    port[kInternal](kMessage, value);
    return;
  }
  try {
    port[kEmitter].emit('message', value, kNoPorts);
  } finally {
    maybeUnref(port);
  }
}

// A host object met outside the transfer list: a KeyObject's bytes (it is copied),
// else (a MessagePort, a FileHandle) node's error.
function hostIndex(obj) {
  const bytes = jsTransferable.cloneBytes(obj);
  if (bytes === undefined) throw new ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST();
  return bytes;
}

messaging.setup(emit, emitValue, hostIndex, dataCloneError, jsTransferable.revive, jsTransferable.unavailable);

function receiveMessageOnPort(port) {
  const { BroadcastChannel } = require('internal/worker/broadcast_channel');
  if (port instanceof BroadcastChannel) {
    const id = BroadcastChannel.idOf(port);
    const m = id === -1 ? undefined : messaging.receive(id);
    return m === undefined ? undefined : { message: deserialize(m[1], m[2], m[3], m[4]).value };
  }
  if (port === null || typeof port !== 'object' || port[kId] === undefined) {
    if (foreignPorts !== null && foreignPorts.idOf(port) !== undefined) return foreignPorts.receive(port);
    const e = new TypeError('The "port" argument must be a MessagePort instance');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (port[kId] < 0) return undefined;
  const m = messaging.receive(port[kId]);
  if (m === undefined) return undefined;
  return { message: deserialize(m[1], m[2], m[3], m[4]).value };
}

function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return;
  ObjectDefineProperty(obj, kUntransferable, { __proto__: null, value: true, configurable: false });
}

module.exports = {
  MessagePort, MessageChannel, MessageEvent, makePort, serialize, deserialize, receiveMessageOnPort,
  markAsUntransferable, kInternal, kId, kHandler, kClosing, ports, broadcasts, checkTransferList, serializeChecked,
  setForeignPorts, dataCloneError,
};
