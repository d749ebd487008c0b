'use strict';
// BroadcastChannel: one binding port per channel, registered under its name for the
// whole process; it keeps the loop alive until close() or unref(), as node's does.
// Its messages arrive through io.js's emit / emitValue, which look its delivery up
// in io.broadcasts.

const { SymbolFor } = primordials;

const messaging = internalBinding('messaging');
const { EventTarget } = require('internal/event_target');
const { MessageEvent, broadcasts, kHandler, serialize } = require('internal/worker/io');

class BroadcastChannel extends EventTarget {
  #id;
  #name;
  constructor(name) {
    if (arguments.length === 0) {
      const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
      throw new ERR_MISSING_ARGS('name');
    }
    super();
    this.#name = `${name}`;
    this.#id = messaging.broadcastJoin(this.#name);
    const channel = this;
    broadcasts.set(this.#id, (value) => {
      channel.dispatchEvent(new MessageEvent('message', { data: value }));
    });
    messaging.start(this.#id);
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#id in self)) {
      const { codes: { ERR_INVALID_THIS } } = require('internal/errors');
      throw new ERR_INVALID_THIS('BroadcastChannel');
    }
  }

  static idOf(self) { return self.#id; }

  get name() {
    BroadcastChannel.#check(this);
    return this.#name;
  }

  postMessage(message) {
    BroadcastChannel.#check(this);
    if (arguments.length === 0) {
      const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
      throw new ERR_MISSING_ARGS('message');
    }
    if (this.#id === -1) {
      const { DOMException } = require('internal/dom_exception');
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const msg = serialize(message, undefined, undefined);
    messaging.broadcastPost(this.#id, this.#name, msg[0], msg[2]);
  }

  close() {
    BroadcastChannel.#check(this);
    if (this.#id === -1) return;
    broadcasts.delete(this.#id);
    messaging.broadcastLeave(this.#id, this.#name);
    this.#id = -1;
  }

  ref() {
    BroadcastChannel.#check(this);
    if (this.#id !== -1) messaging.setRef(this.#id, true);
    return this;
  }

  unref() {
    BroadcastChannel.#check(this);
    if (this.#id !== -1) messaging.setRef(this.#id, false);
    return this;
  }

  get onmessage() { return this[kHandler]?.message ?? null; }
  set onmessage(fn) {
    this[kHandler] ??= { __proto__: null };
    if (this[kHandler].message) this.removeEventListener('message', this[kHandler].message);
    this[kHandler].message = typeof fn === 'function' ? fn : null;
    if (typeof fn === 'function') this.addEventListener('message', fn);
  }

  [SymbolFor('nodejs.util.inspect.custom')](depth, options, inspect) {
    return `BroadcastChannel { name: ${inspect(this.#name, options)}, active: ${this.#id !== -1} }`;
  }
}
module.exports = { BroadcastChannel };
