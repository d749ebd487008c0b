'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose listeners run in the
// async context of the AsyncResource made with it (async_hooks.AsyncResource; its
// subclass here gives the resource an `eventEmitter` back-reference). Built on
// first access of the static, so plain `require('events')` does not load
// async_hooks. Reading the static must never throw: packages copy the events
// module's properties (Object.assign({}, require('events')), xml2js).

const { ArrayPrototypeUnshift, ReflectApply, Symbol } = primordials;
const { validateObject, validateString } = require('internal/validators');
const { codes: { ERR_INVALID_THIS } } = require('internal/errors');

module.exports = function makeEventEmitterAsyncResource(EventEmitter) {
  const { AsyncResource } = require('async_hooks');
  const kResource = Symbol('kAsyncResource');
  const kEmitter = Symbol('kEventEmitter');

  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(emitter, type, options) {
      super(type, options);
      this[kEmitter] = emitter;
    }
    get eventEmitter() {
      if (this[kEmitter] === undefined) throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
      return this[kEmitter];
    }
  }

  // The resource of an EventEmitterAsyncResource, or ERR_INVALID_THIS.
  function resourceOf(self) {
    const resource = self == null ? undefined : self[kResource];
    if (resource === undefined) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
    return resource;
  }

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
      this[kResource] = new EventEmitterReferencingAsyncResource(this, name, options);
    }

    emit(event, ...args) {
      const resource = resourceOf(this);
      ArrayPrototypeUnshift(args, super.emit, this, event);
      return ReflectApply(resource.runInAsyncScope, resource, args);
    }

    emitDestroy() {
      resourceOf(this).emitDestroy();
    }

    get asyncId() {
      return resourceOf(this).asyncId();
    }

    get triggerAsyncId() {
      return resourceOf(this).triggerAsyncId();
    }

    get asyncResource() {
      return resourceOf(this);
    }
  }
  return EventEmitterAsyncResource;
};
