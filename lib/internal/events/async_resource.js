'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose listeners run in the
// async context of the AsyncResource made with it. Built on first access of
// the static, so async_hooks is not loaded by plain `require('events')`. While
// coil has no async_hooks, a resource of one async context stands in for
// AsyncResource: listeners run directly and ids are counted here. Reading the
// static must never throw: packages copy the events module's properties
// (Object.assign({}, require('events')), xml2js).
// internalBinding: builtins (hasBuiltin, to see whether async_hooks exists).

const { ReflectApply, FunctionPrototypeBind } = primordials;
const { validateObject, validateString, validateFunction } = require('internal/validators');

let lastAsyncId = 1;
// The subset of async_hooks.AsyncResource that EventEmitterAsyncResource uses,
// for a runtime with a single async context.
class SingleContextAsyncResource {
  #asyncId;
  #triggerAsyncId;
  constructor(type, options = undefined) {
    validateString(type, 'type');
    this.#asyncId = ++lastAsyncId;
    const trigger = typeof options === 'number' ? options : options?.triggerAsyncId;
    this.#triggerAsyncId = trigger === undefined ? 1 : trigger;
  }
  runInAsyncScope(fn, thisArg, ...args) {
    return ReflectApply(fn, thisArg, args);
  }
  emitDestroy() {
    return this;
  }
  asyncId() {
    return this.#asyncId;
  }
  triggerAsyncId() {
    return this.#triggerAsyncId;
  }
  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    return FunctionPrototypeBind(fn, thisArg);
  }
}

function asyncResourceClass() {
  if (internalBinding('builtins').hasBuiltin('async_hooks')) return require('async_hooks').AsyncResource;
  return SingleContextAsyncResource;
}

module.exports = function makeEventEmitterAsyncResource(EventEmitter) {
  const AsyncResource = asyncResourceClass();
  const kResource = Symbol('kAsyncResource');

  class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) validateString(options?.name, 'options.name');
        name = options?.name || new.target.name;
      }
      if (options !== undefined) validateObject(options, 'options');
      super(options);
      const resource = new AsyncResource(name, options);
      resource.eventEmitter = this;
      this[kResource] = resource;
    }

    emit(event, ...args) {
      return this[kResource].runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      this[kResource].emitDestroy();
    }

    get asyncId() {
      return this[kResource].asyncId();
    }

    get triggerAsyncId() {
      return this[kResource].triggerAsyncId();
    }

    get asyncResource() {
      return this[kResource];
    }
  }
  return EventEmitterAsyncResource;
};
