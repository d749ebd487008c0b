'use strict';
// diagnostics_channel.tracingChannel(): five channels (start, end, asyncStart,
// asyncEnd, error) published around one traced operation, with the same context
// object passed to each; `start` and `asyncStart` run the operation with their
// bound stores applied (Channel#runStores). Kept apart from
// lib/diagnostics_channel.js, which hands in channel() and Channel.

const { ArrayPrototypeAt, ArrayPrototypeSplice, ObjectDefineProperty, Promise,
  PromisePrototypeThen, PromiseReject, PromiseResolve, ReflectApply } = primordials;
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateFunction } = require('internal/validators');

const kEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

module.exports = function makeTracingChannel(channel, Channel) {
  class TracingChannel {
    constructor(nameOrChannels) {
      for (let i = 0; i < kEvents.length; i++) {
        const event = kEvents[i];
        let ch;
        if (typeof nameOrChannels === 'string') {
          ch = channel(`tracing:${nameOrChannels}:${event}`);
        } else {
          ch = nameOrChannels[event];
          if (!(ch instanceof Channel)) {
            throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, ['Channel'], ch);
          }
        }
        ObjectDefineProperty(this, event, { __proto__: null, value: ch });
      }
    }

    get hasSubscribers() {
      return this.start.hasSubscribers || this.end.hasSubscribers || this.asyncStart.hasSubscribers ||
        this.asyncEnd.hasSubscribers || this.error.hasSubscribers;
    }

    subscribe(handlers) {
      for (let i = 0; i < kEvents.length; i++) {
        const handler = handlers[kEvents[i]];
        if (handler) this[kEvents[i]].subscribe(handler);
      }
    }

    unsubscribe(handlers) {
      let done = true;
      for (let i = 0; i < kEvents.length; i++) {
        const handler = handlers[kEvents[i]];
        if (handler && !this[kEvents[i]].unsubscribe(handler)) done = false;
      }
      return done;
    }

    traceSync(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
      const { start, end, error } = this;
      return start.runStores(context, () => {
        try {
          const result = ReflectApply(fn, thisArg, args);
          context.result = result;
          return result;
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }

    tracePromise(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      const settled = (result) => {
        context.result = result;
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return result;
      };
      const failed = (err) => {
        context.error = err;
        error.publish(context);
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return PromiseReject(err);
      };
      return start.runStores(context, () => {
        try {
          let promise = ReflectApply(fn, thisArg, args);
          if (!(promise instanceof Promise)) promise = PromiseResolve(promise);
          return PromisePrototypeThen(promise, settled, failed);
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }

    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      const callback = ArrayPrototypeAt(args, position);
      validateFunction(callback, 'callback');
      function wrappedCallback(err, result) {
        if (err) {
          context.error = err;
          error.publish(context);
        } else {
          context.result = result;
        }
        return asyncStart.runStores(context, () => {
          try {
            return ReflectApply(callback, this, arguments);
          } finally {
            asyncEnd.publish(context);
          }
        });
      }
      ArrayPrototypeSplice(args, position, 1, wrappedCallback);
      return start.runStores(context, () => {
        try {
          return ReflectApply(fn, thisArg, args);
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }
  }

  return function tracingChannel(nameOrChannels) {
    if (typeof nameOrChannels !== 'string' && (nameOrChannels === null || typeof nameOrChannels !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'Channel', 'Object'], nameOrChannels);
    }
    return new TracingChannel(nameOrChannels);
  };
};
