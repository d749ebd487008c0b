'use strict';
// The deprecated `domain` module. A domain's membership of the current async context
// is one AsyncLocalStorage store, so every hop the loop makes (nextTick, timers,
// immediates, fs callbacks, promise reactions) carries it with no code of its own
// here; process.domain and domain.active read that store. Errors reach a domain
// from the uncaught-exception path (internal/process/execution.js asks the handler
// installed here) and from emitters bound to it (the emit wrapper below). Nothing
// of this costs anything until a program requires 'domain'.

const {
  ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSplice, FunctionPrototypeCall,
  ObjectDefineProperty, ObjectSetPrototypeOf, ReflectApply,
} = primordials;
const EventEmitter = require('events');
const { AsyncLocalStorage } = require('async_hooks');
const asyncContext = require('internal/async_context');
const execution = require('internal/process/execution');

const store = new AsyncLocalStorage();
// Domains entered and not yet exited, innermost last (node's `_stack`), kept in
// the box with the active domain so an async callback sees the stack its
// scheduler had (node re-enters the domain from an async hook for the same).
const emptyStack = [];
function currentStack() {
  const box = store.getStore();
  return box === undefined ? emptyStack : box.stack;
}

// The store holds { domain } boxes: node's process.domain is null until a domain is
// first exited, undefined after, and null again after an emitter's error, and a
// box tells those apart from "no domain ever entered in this context".
let idle = null;
function activeDomain() {
  const box = store.getStore();
  return box === undefined ? idle : box.domain;
}
function setActive(domain, stack = emptyStack) {
  store.enterWith({ __proto__: null, domain, stack });
}
// The first `length` entries of `stack`, plus `extra` if given (a new array: boxes
// are shared by every callback that captured them).
function stackPrefix(stack, length, extra) {
  const copy = [];
  for (let i = 0; i < length; i++) copy[i] = stack[i];
  if (extra !== undefined) copy[length] = extra;
  return copy;
}

// `domain` on emitters and errors is not enumerable, as node's.
function setDomain(target, domain) {
  ObjectDefineProperty(target, 'domain', {
    __proto__: null, value: domain, writable: true, enumerable: false, configurable: true,
  });
}

function Domain() {
  FunctionPrototypeCall(EventEmitter, this);
  this.members = [];
}
ObjectSetPrototypeOf(Domain.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Domain, EventEmitter);

Domain.prototype.enter = function enter() {
  const stack = currentStack();
  setActive(this, stackPrefix(stack, stack.length, this));
};

// Leaves this domain and every domain entered after it.
Domain.prototype.exit = function exit() {
  const stack = currentStack();
  const index = ArrayPrototypeIndexOf(stack, this);
  if (index === -1) return;
  idle = undefined;
  setActive(stack[index - 1], stackPrefix(stack, index));
};

Domain.prototype.run = function run(fn, ...args) {
  this.enter();
  const result = ReflectApply(fn, this, args);
  this.exit();
  return result;
};

Domain.prototype.add = function add(emitter) {
  if (emitter.domain === this) return;
  if (emitter.domain) emitter.domain.remove(emitter);
  setDomain(emitter, this);
  ArrayPrototypePush(this.members, emitter);
};

Domain.prototype.remove = function remove(emitter) {
  setDomain(emitter, null);
  const index = ArrayPrototypeIndexOf(this.members, emitter);
  if (index !== -1) ArrayPrototypeSplice(this.members, index, 1);
};

function runBound(domain, fn, thisArg, args) {
  domain.enter();
  const result = ReflectApply(fn, thisArg, args);
  domain.exit();
  return result;
}

Domain.prototype.bind = function bind(fn) {
  const domain = this;
  function runBoundToDomain(...args) { return runBound(domain, fn, this, args); }
  runBoundToDomain.domain = this;
  return runBoundToDomain;
};

// Like bind, but an error in the first argument goes to the domain instead.
Domain.prototype.intercept = function intercept(fn) {
  const domain = this;
  function runIntercepted(...args) {
    const err = args[0];
    if (err) {
      if (typeof err === 'object' || typeof err === 'function') {
        err.domainBound = fn;
        err.domainThrown = false;
        setDomain(err, domain);
      }
      domain.emit('error', err);
      return undefined;
    }
    ArrayPrototypeSplice(args, 0, 1);
    return runBound(domain, fn, this, args);
  }
  runIntercepted.domain = this;
  return runIntercepted;
};

// Called by the uncaught-exception path: true when the active domain took the error.
// Its 'error' listeners run outside every domain; one that throws makes the new
// error uncaught in turn.
function handleUncaught(err) {
  const domain = activeDomain();
  if (!domain) return false;
  if (domain.listenerCount('error') === 0) {
    // 'uncaughtException' listeners run outside every domain.
    setActive(null);
    return false;
  }
  if ((typeof err === 'object' && err !== null) || typeof err === 'function') {
    setDomain(err, domain);
    err.domainThrown = true;
  }
  // The handler runs in the domain's parent, if it was entered inside one.
  const stack = currentStack();
  const index = ArrayPrototypeIndexOf(stack, domain);
  const parents = index === -1 ? 0 : index;
  idle = undefined;
  setActive(stack[parents - 1], stackPrefix(stack, parents));
  domain.emit('error', err);
  // An uncaught error ends the callback: no domain stays entered after it (what
  // the handler scheduled still carries the parent domain in its frame).
  setActive(undefined);
  return true;
}

// Emitters made inside a domain belong to it; an 'error' with no listener goes to
// the emitter's domain, and other listeners run inside it.
const init = EventEmitter.init;
EventEmitter.init = function initWithDomain(opts) {
  const domain = activeDomain();
  if (domain && !(this instanceof Domain)) setDomain(this, domain);
  return FunctionPrototypeCall(init, this, opts);
};
const emit = EventEmitter.prototype.emit;
// A rest array, not a spread: a user's Array.prototype[Symbol.iterator] never runs.
EventEmitter.prototype.emit = function emitInDomain(...args) {
  const domain = this.domain;
  if (domain === null || domain === undefined || this === domain) return ReflectApply(emit, this, args);
  if (args[0] === 'error' && this.listenerCount('error') === 0) {
    const err = args[1];
    if ((typeof err === 'object' && err !== null) || typeof err === 'function') {
      err.domainEmitter = this;
      setDomain(err, domain);
      err.domainThrown = false;
    }
    setActive(null);
    domain.emit('error', err);
    return false;
  }
  domain.enter();
  const result = ReflectApply(emit, this, args);
  domain.exit();
  return result;
};
EventEmitter.usingDomains = true;

asyncContext.activate();
execution.setDomainHandler(handleUncaught);
ObjectDefineProperty(process, 'domain', {
  __proto__: null, get: activeDomain, set(d) { setActive(d); }, enumerable: true, configurable: true,
});

function create() { return new Domain(); }

module.exports = { Domain, createDomain: create, create };
ObjectDefineProperty(module.exports, '_stack', {
  __proto__: null, get: currentStack, enumerable: true, configurable: true,
});
ObjectDefineProperty(module.exports, 'active', {
  __proto__: null, get: activeDomain, set(d) { setActive(d); }, enumerable: true, configurable: true,
});
