'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose listeners run in the
// async context of the AsyncResource made with it. Built on first access of
// the static, so async_hooks is not loaded by plain `require('events')`.
// internalBinding: none (uses require('async_hooks').AsyncResource).

const { validateObject, validateString } = require('internal/validators');

module.exports = function makeEventEmitterAsyncResource(EventEmitter) {
  const { AsyncResource } = require('async_hooks');
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
