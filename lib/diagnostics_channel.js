'use strict';
// node:diagnostics_channel: named channels that publishers post messages to and
// subscribers listen on, AsyncLocalStorage stores bound to a channel (runStores),
// and TracingChannel's five channels around sync, promise and callback functions.
// A channel nobody subscribes to (and with no bound store) is held only weakly, as
// node's: channel(name) may hand back a new object after a collection, which no
// one can tell since it has no state.

const { ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice,
  ObjectGetPrototypeOf, ObjectSetPrototypeOf, ReflectApply, SafeMap, SafeFinalizationRegistry,
  SafeWeakRef, SymbolHasInstance } = primordials;
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateFunction } = require('internal/validators');

// name -> WeakRef(channel); active channels are also kept in `held`.
const channels = new SafeMap();
const held = new SafeMap();
const cleanup = new SafeFinalizationRegistry((name) => {
  const ref = channels.get(name);
  if (ref !== undefined && ref.deref() === undefined) channels.delete(name);
});

function reportSubscriberError(err) {
  process.nextTick(() => {
    require('internal/process/execution').triggerUncaughtException(err, false);
  });
}

// An inactive channel: no subscribers and no stores, so publishing does nothing.
class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    channels.set(name, new SafeWeakRef(this));
    cleanup.register(this, name);
  }
  static [SymbolHasInstance](instance) {
    // As node's: undefined and null throw (tracingChannel({}) reports that).
    const proto = ObjectGetPrototypeOf(instance);
    return proto === ActiveChannel.prototype || proto === Channel.prototype;
  }
  get hasSubscribers() { return false; }
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    activate(this);
    this.subscribe(subscription);
  }
  unsubscribe() { return false; }
  bindStore(store, transform) {
    activate(this);
    this.bindStore(store, transform);
  }
  unbindStore() { return false; }
  publish() {}
  runStores(data, fn, thisArg, ...args) { return ReflectApply(fn, thisArg, args); }
}

function activate(channel) {
  ObjectSetPrototypeOf(channel, ActiveChannel.prototype);
  channel._subscribers = [];
  channel._stores = new SafeMap();
  held.set(channel.name, channel);
}
function maybeDeactivate(channel) {
  if (channel._subscribers.length !== 0 || channel._stores.size !== 0) return;
  ObjectSetPrototypeOf(channel, Channel.prototype);
  channel._subscribers = undefined;
  channel._stores = undefined;
  held.delete(channel.name);
}

class ActiveChannel {
  get hasSubscribers() { return true; }
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // Copy on write: a publish in progress keeps the list it started with.
    const list = ArrayPrototypeSlice(this._subscribers);
    ArrayPrototypePush(list, subscription);
    this._subscribers = list;
  }
  unsubscribe(subscription) {
    const i = ArrayPrototypeIndexOf(this._subscribers, subscription);
    if (i === -1) return false;
    const list = ArrayPrototypeSlice(this._subscribers);
    ArrayPrototypeSplice(list, i, 1);
    this._subscribers = list;
    maybeDeactivate(this);
    return true;
  }
  bindStore(store, transform) {
    this._stores.set(store, transform);
  }
  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    this._stores.delete(store);
    maybeDeactivate(this);
    return true;
  }
  publish(data) {
    const list = this._subscribers;
    for (let i = 0; i < list.length; i++) {
      try {
        list[i](data, this.name);
      } catch (err) {
        reportSubscriberError(err);
      }
    }
  }
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return ReflectApply(fn, thisArg, args);
    };
    for (const { 0: store, 1: transform } of this._stores) {
      run = storeRunner(store, data, transform, run);
    }
    return run();
  }
}
ObjectSetPrototypeOf(ActiveChannel.prototype, Channel.prototype);

// Runs `next` with `store` set to transform(data); a throwing transform is reported
// like a subscriber's error and leaves that store as it was.
function storeRunner(store, data, transform, next) {
  return () => {
    let value = data;
    if (transform !== undefined) {
      try {
        value = transform(data);
      } catch (err) {
        reportSubscriberError(err);
        return next();
      }
    }
    return store.run(value, next);
  };
}

function validateName(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
}

function channel(name) {
  const ref = channels.get(name);
  const existing = ref === undefined ? undefined : ref.deref();
  if (existing !== undefined) return existing;
  validateName(name);
  return new Channel(name);
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}
function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}
function hasSubscribers(name) {
  const ref = channels.get(name);
  const existing = ref === undefined ? undefined : ref.deref();
  return existing === undefined ? false : existing.hasSubscribers;
}

module.exports = { channel, hasSubscribers, subscribe, tracingChannel: undefined, unsubscribe, Channel };
module.exports.tracingChannel = require('internal/tracing_channel')(channel, Channel);
