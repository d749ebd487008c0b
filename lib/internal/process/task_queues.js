'use strict';
// process.nextTick's queue and queueMicrotask. Rust calls
// processTicksAndRejections after every callback into JS when tickInfo says there
// is work; it drains ticks, then V8's microtasks, repeatedly, then looks at
// unhandled rejections (lib/internal/process/promises.js).
// Bindings: task_queue.{tickInfo, runMicrotasks, enqueueMicrotask, setTickCallback}.

const { Array, ObjectFreeze, ReflectApply } = primordials;
const { tickInfo, runMicrotasks, enqueueMicrotask, setTickCallback } = internalBinding('task_queue');
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;
const kTicksInCallback = 2;
const kDrainedInCallback = 3;
// Ticks and microtasks carry the async context only once async_hooks was used.
const asyncContext = require('internal/async_context');
const asyncState = asyncContext.state;
const kNoArgs = ObjectFreeze([]);

// A growable ring of fixed-size arrays: push and shift are O(1) and never copy.
const kSize = 2048;
const kMask = kSize - 1;
class Chunk {
  constructor() { this.bottom = 0; this.top = 0; this.list = new Array(kSize); this.next = null; }
}
let head = new Chunk();
let tail = head;
function push(item) {
  if (((head.top + 1) & kMask) === head.bottom) {
    head = head.next = new Chunk();
  }
  head.list[head.top] = item;
  head.top = (head.top + 1) & kMask;
}
function shift() {
  const t = tail;
  if (t.top === t.bottom) return null;
  const item = t.list[t.bottom];
  t.list[t.bottom] = undefined;
  t.bottom = (t.bottom + 1) & kMask;
  if (t.top === t.bottom && t.next !== null) tail = t.next;
  return item;
}
function isEmpty() { return tail.top === tail.bottom; }

let validateFunction;
// No rest parameter: the common no-argument call must not allocate an array.
function nextTick(callback) {
  if (typeof callback !== 'function') {
    validateFunction ??= require('internal/validators').validateFunction;
    validateFunction(callback, 'callback');
  }
  if (process._exiting) return;
  let args;
  const n = arguments.length;
  if (n > 1) {
    args = new Array(n - 1);
    for (let i = 1; i < n; i++) args[i - 1] = arguments[i];
  }
  if (tickInfo[kHasTickScheduled] === 0) tickInfo[kHasTickScheduled] = 1;
  const tock = { callback, args, frame: undefined };
  if (asyncState.active) tock.frame = asyncContext.capture('TickObject', tock);
  push(tock);
}

function runTickInFrame(callback, args, frame) {
  const prev = asyncContext.enter(frame);
  let completed = false;
  try {
    ReflectApply(callback, undefined, args === undefined ? kNoArgs : args);
    completed = true;
  } finally {
    asyncContext.finish(frame, prev, true, completed);
  }
}

let promises;
function processPromiseRejections() {
  promises ??= require('internal/process/promises');
  return promises.processPromiseRejections();
}

function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = shift()) !== null) {
      const { callback, args, frame } = tock;
      if (frame !== undefined) runTickInFrame(callback, args, frame);
      else if (args === undefined) callback();
      else switch (args.length) {
        case 1: callback(args[0]); break;
        case 2: callback(args[0], args[1]); break;
        case 3: callback(args[0], args[1], args[2]); break;
        default: ReflectApply(callback, undefined, args);
      }
    }
    runMicrotasks();
  } while (!isEmpty() || (tickInfo[kHasRejectionToWarn] === 1 && processPromiseRejections()));
  tickInfo[kHasTickScheduled] = 0;
  tickInfo[kHasRejectionToWarn] = 0;
}

// The end of a loop callback that may have queued ticks (a socket's read, whose
// 'data' listener wrote: the Writable's afterWrite is a tick): run them before
// returning, so the loop need not enter JS a second time for them. A tick that
// throws ends the callback with its exception, and the mark left set tells the
// loop to run the rest at once, as it does when it runs the ticks itself.
function runTicksNow() {
  if (tickInfo[kHasTickScheduled] === 0) return;
  tickInfo[kTicksInCallback] = 1;
  processTicksAndRejections();
  tickInfo[kTicksInCallback] = 0;
  // Ended with V8's microtasks run (and nothing after them): the loop need not
  // run them again when this callback returns.
  tickInfo[kDrainedInCallback] = 1;
}

// Between two timers or two immediates: microtasks always, ticks if any.
function runNextTicks() {
  if (tickInfo[kHasTickScheduled] === 0 && tickInfo[kHasRejectionToWarn] === 0) runMicrotasks();
  if (tickInfo[kHasTickScheduled] === 0 && tickInfo[kHasRejectionToWarn] === 0) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    validateFunction ??= require('internal/validators').validateFunction;
    validateFunction(callback, 'callback');
  }
  const frame = asyncState.active ? asyncContext.capture('Microtask', undefined) : undefined;
  enqueueMicrotask(function runMicrotask() {
    const prev = frame === undefined ? undefined : asyncContext.enter(frame);
    try {
      callback();
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    } finally {
      if (frame !== undefined) asyncContext.leave(frame, prev, true);
    }
  });
}

function setHasRejectionToWarn(value) { tickInfo[kHasRejectionToWarn] = value ? 1 : 0; }

setTickCallback(processTicksAndRejections);

module.exports = {
  nextTick, queueMicrotask, runNextTicks, runTicksNow, processTicksAndRejections, setHasRejectionToWarn,
};
