'use strict';
// AbortController and AbortSignal (abort, timeout, any, throwIfAborted,
// onabort). Default reasons are DOMExceptions (the global one, else
// internal/dom_exception's).
// internalBinding: none (AbortSignal.timeout uses the global setTimeout and
// unrefs the timer so it does not keep the process alive).

const {
  ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, SymbolFor, SymbolToStringTag,
  SafeArrayIterator,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const { validateAbortSignal, validateArray, validateUint32 } = require('internal/validators');
const { EventTarget, Event, defineEventHandler, kTrustEvent } = require('internal/event_target');

const kInspect = SymbolFor('nodejs.util.inspect.custom');
const kDontThrow = Symbol('kDontThrow');
// Symbol-keyed state, as node keeps it: a Proxy of a signal still reads as a signal
// (the getters look the state up through it).
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');

let inspectFn;
function inspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

let DOMExceptionCtor;
function makeDOMException(message, name) {
  // The built-in class, not the global: a program may replace the global.
  DOMExceptionCtor ??= require('internal/dom_exception').DOMException;
  return new DOMExceptionCtor(message, name);
}

function customInspect(self, obj, depth, options) {
  const name = self.constructor.name;
  if (depth < 0) return name;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(obj, opts)}`;
}

class AbortSignal extends EventTarget {
  constructor(token = undefined) {
    if (token !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }

  get aborted() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this[kAborted];
  }

  get reason() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this[kReason];
  }

  throwIfAborted() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    if (this[kAborted]) throw this[kReason];
  }

  [kInspect](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = makeDOMException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kDontThrow);
    abortSignal(signal, reason);
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kDontThrow);
    // The timer holds the signal strongly, so listeners added to an otherwise
    // unreferenced timeout signal still run; it is unref'd, so it does not
    // keep the process alive.
    const timer = setTimeout(() => {
      abortSignal(signal, makeDOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    if (typeof timer?.unref === 'function') timer.unref();
    return signal;
  }

  static any(signals) {
    validateArray(signals, 'signals');
    for (let i = 0; i < signals.length; i++) validateAbortSignal(signals[i], `signals[${i}]`);
    const result = new AbortSignal(kDontThrow);
    for (let i = 0; i < signals.length; i++) {
      if (signals[i].aborted) {
        abortSignal(result, signals[i].reason);
        return result;
      }
    }
    // Sources hold the combined signal strongly so its listeners still run
    // when only they reference it.
    for (let i = 0; i < signals.length; i++) {
      const source = signals[i];
      source.addEventListener('abort', () => abortSignal(result, source.reason), { __proto__: null, once: true });
    }
    return result;
  }
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
}

function isAbortSignal(value) {
  return value !== null && typeof value === 'object' && typeof value[kAborted] === 'boolean';
}

ObjectDefineProperty(AbortSignal.prototype, 'aborted', {
  __proto__: null,
  ...ObjectGetOwnPropertyDescriptor(AbortSignal.prototype, 'aborted'), enumerable: true,
});
defineEventHandler(AbortSignal.prototype, 'abort');
ObjectDefineProperty(AbortSignal.prototype, SymbolToStringTag, {
  __proto__: null, value: 'AbortSignal', configurable: true,
});

class AbortController {
  #signal = new AbortSignal(kDontThrow);

  get signal() {
    return this.#signal;
  }

  abort(reason = makeDOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

for (const name of new SafeArrayIterator(['signal', 'abort'])) {
  ObjectDefineProperty(AbortController.prototype, name, {
    __proto__: null,
    ...ObjectGetOwnPropertyDescriptor(AbortController.prototype, name), enumerable: true,
  });
}
ObjectDefineProperty(AbortController.prototype, SymbolToStringTag, {
  __proto__: null, value: 'AbortController', configurable: true,
});

module.exports = {
  AbortController,
  AbortSignal,
  isAbortSignal,
  abortSignal,
};
