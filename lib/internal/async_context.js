'use strict';
// The async context AsyncLocalStorage's stores and async_hooks' ids live in.
// A frame is an immutable record { stores, id, trigger, resource }; the current
// frame is V8's continuation-preserved embedder data, which V8 captures whenever a
// promise reaction is made (await, .then) and restores while it runs, so promise
// continuations carry their frame at no cost to us. The loop's own hops (nextTick,
// queueMicrotask, timers, immediates, fs callbacks) capture the frame when they are
// scheduled and enter it when they run -- but only once async_hooks was used
// (state.active): until then scheduling costs one property read.
// Promise hooks (V8's context-level PromiseHook) are installed only while a
// createHook() hook is enabled, since they cost on every promise.
// Bindings: async_context.{getContinuationData, setContinuationData, activate},
// promise hooks through internal/promise_hooks,
// task_queue.enqueueMicrotask.

const { ArrayPrototypePush, ArrayPrototypePop, ArrayPrototypeIndexOf, ArrayPrototypeSlice,
  ArrayPrototypeSplice, FunctionPrototypeCall, ReflectApply, Symbol } = primordials;
const binding = internalBinding('async_context');
const { getContinuationData, setContinuationData } = binding;
const { enqueueMicrotask } = internalBinding('task_queue');

const state = { active: false };
// executionAsyncResource() at the top level: an empty object, as node's.
const root = { __proto__: null, stores: null, id: 1, trigger: 0, resource: {} };
let nextId = 2;

function activate() {
  if (state.active) return;
  state.active = true;
  binding.activate();
}
function newAsyncId() { return ++nextId; }
function current() { return getContinuationData() ?? root; }

// ---- createHook's registry ----
// Enabled hooks: { owner, init, before, after, destroy, promiseResolve }. The list is
// replaced, never changed, so a hook that enables or disables hooks while it runs
// does not disturb the emit in progress, and emitting needs no copy.
let hooks = [];
let hookCount = 0;
function emit(kind, id, a, b, c) {
  const list = hooks;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    const fn = entry[kind];
    if (fn === undefined) continue;
    try {
      if (kind === 'init') FunctionPrototypeCall(fn, entry.owner, id, a, b, c);
      else FunctionPrototypeCall(fn, entry.owner, id);
    } catch (err) {
      hookThrew(err);
    }
  }
}
// A throwing hook is fatal, as in node: the uncaught-exception path with no
// 'uncaughtException' listener left to stop it.
function hookThrew(err) {
  process.removeAllListeners('uncaughtException');
  require('internal/process/execution').triggerUncaughtException(err, false);
}
function hasDestroyHooks() {
  for (let i = 0; i < hooks.length; i++) if (hooks[i].destroy !== undefined) return true;
  return false;
}
function emitInit(id, type, trigger, resource) { if (hookCount !== 0) emit('init', id, type, trigger, resource); }
// destroy hooks run later, as node's do: queued, then run from a V8 microtask
// (not queueMicrotask's, which would itself be an async resource).
let destroyQueue = [];
function flushDestroys() {
  const ids = destroyQueue;
  destroyQueue = [];
  for (let i = 0; i < ids.length; i++) emit('destroy', ids[i]);
}
function emitDestroy(id) {
  if (hookCount === 0) return;
  if (ArrayPrototypePush(destroyQueue, id) === 1) enqueueMicrotask(flushDestroys);
}

// The frame a callback scheduled now will run in, with a fresh async id.
function capture(type, resource, id = newAsyncId()) {
  const cur = getContinuationData() ?? root;
  const frame = { __proto__: null, stores: cur.stores, id, trigger: cur.id, resource };
  if (hookCount !== 0) emit('init', id, type, cur.id, resource);
  return frame;
}

// Enter `frame` for one callback; returns what leave() needs. A callback that
// throws is not left: its frame stays current while 'uncaughtException' listeners
// run (executionAsyncId() there is the failed callback's, as in node), and
// afterUncaughtException() then emits the pending afters.
const entered = [];
function enter(frame) {
  const prev = getContinuationData();
  setContinuationData(frame);
  ArrayPrototypePush(entered, frame);
  if (hookCount !== 0) emit('before', frame.id);
  return prev;
}
function leave(frame, prev, destroy) {
  // Already unwound when an uncaught exception was handled inside the callback.
  if (entered.length !== 0 && entered[entered.length - 1] === frame) {
    ArrayPrototypePop(entered);
    if (hookCount !== 0) emit('after', frame.id);
  }
  if (destroy) emitDestroy(frame.id);
  setContinuationData(prev);
}
// leave() for a callback that returned; one that threw keeps its frame entered
// (destroy still comes).
function finish(frame, prev, destroy, completed) {
  if (completed) leave(frame, prev, destroy);
  else if (destroy) emitDestroy(frame.id);
}
function afterUncaughtException() {
  if (entered.length === 0) return;
  for (let i = entered.length - 1; i >= 0; i--) {
    if (hookCount !== 0) emit('after', entered[i].id);
  }
  entered.length = 0;
  setContinuationData(undefined);
}

// Runs fn in frame (no hook events: the frame's resource emits its own).
function runInFrame(frame, fn, thisArg, args) {
  const prev = getContinuationData();
  setContinuationData(frame);
  try {
    return ReflectApply(fn, thisArg, args);
  } finally {
    setContinuationData(prev);
  }
}

// fn wrapped to run in the frame current now, with hook events as a `type` resource.
function bindToFrame(type, fn) {
  const frame = capture(type, undefined);
  return function runInCapturedFrame(...args) {
    const prev = enter(frame);
    try {
      return ReflectApply(fn, this, args);
    } finally {
      leave(frame, prev, true);
    }
  };
}

// ---- promises, while a hook is enabled ----
// A promise's ids ride on the promise itself under a symbol, as node's do: a
// WeakMap of every live promise made each one cost microseconds.
const kPromiseFrame = Symbol('async_id_symbol');
// What takes these four out of internal/promise_hooks again.
let removePromiseHooks = [];
const promiseStack = [];
function setPromiseFrame(promise, rec) { promise[kPromiseFrame] = rec; }
function promiseInit(promise, parent) {
  const parentRec = parent === undefined ? undefined : parent[kPromiseFrame];
  const trigger = parentRec !== undefined ? parentRec.id : (getContinuationData() ?? root).id;
  const id = newAsyncId();
  setPromiseFrame(promise, { __proto__: null, id, trigger });
  emit('init', id, 'PROMISE', trigger, promise);
}
function promiseBefore(promise) {
  let rec = promise[kPromiseFrame];
  const prev = getContinuationData();
  ArrayPrototypePush(promiseStack, prev);
  if (rec === undefined) {
    // Made before any hook was enabled: it gets its id now (no init for it).
    const cur = prev ?? root;
    rec = { __proto__: null, id: newAsyncId(), trigger: cur.id };
    setPromiseFrame(promise, rec);
  }
  // The reaction's stores are those V8 restored; the ids are the promise's.
  const stores = prev === undefined ? null : prev.stores;
  setContinuationData({ __proto__: null, stores, id: rec.id, trigger: rec.trigger, resource: promise });
  emit('before', rec.id);
}
function promiseAfter(promise) {
  let rec = promise[kPromiseFrame];
  if (rec === undefined) {
    // A hook was enabled while this reaction ran: its before was never seen.
    rec = { __proto__: null, id: newAsyncId(), trigger: (getContinuationData() ?? root).id };
    setPromiseFrame(promise, rec);
  }
  emit('after', rec.id);
  if (promiseStack.length !== 0) setContinuationData(ArrayPrototypePop(promiseStack));
}
function promiseResolve(promise) {
  const rec = promise[kPromiseFrame];
  if (rec !== undefined) emit('promiseResolve', rec.id);
}

function enableHook(hook) {
  if (ArrayPrototypeIndexOf(hooks, hook) !== -1) return;
  hooks = ArrayPrototypeSlice(hooks);
  ArrayPrototypePush(hooks, hook);
  hookCount = hooks.length;
  activate();
  if (hookCount === 1) {
    // A disable between a before and its after left an entry behind.
    promiseStack.length = 0;
    const { addHook } = require('internal/promise_hooks');
    removePromiseHooks = [addHook('init', promiseInit), addHook('before', promiseBefore),
      addHook('after', promiseAfter), addHook('settled', promiseResolve)];
  }
}
function disableHook(hook) {
  const i = ArrayPrototypeIndexOf(hooks, hook);
  if (i === -1) return;
  hooks = ArrayPrototypeSlice(hooks);
  ArrayPrototypeSplice(hooks, i, 1);
  hookCount = hooks.length;
  if (hookCount === 0) {
    for (let j = 0; j < removePromiseHooks.length; j++) removePromiseHooks[j]();
    removePromiseHooks = [];
  }
}

module.exports = {
  state, root, activate, newAsyncId, current, capture, enter, leave, finish, afterUncaughtException,
  runInFrame, bindToFrame,
  emitInit, emitDestroy, hasDestroyHooks, enableHook, disableHook,
  getFrame: getContinuationData, setFrame: setContinuationData,
};
