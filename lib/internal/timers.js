'use strict';
// Timers, the way Node keeps them: one list per duration (timers of equal duration
// expire in insertion order, so appending keeps each list sorted) and a binary
// heap of lists ordered by (expiry, list id). Starting or clearing a timer is O(1)
// in its list plus O(log lists) in the heap; no scans. Rust owns a single loop
// timer armed for the earliest list and calls processTimers(now) when it fires.
// Immediates are one linked queue run by processImmediate in the check phase.
// Bindings: timers.{setupTimers, scheduleTimer, toggleTimerRef, toggleImmediateRef,
// getLibuvNow, immediateInfo}.

const {
  ArrayPrototypePop, ArrayPrototypePush, FunctionPrototypeCall, MathMax, MathTrunc, ObjectFreeze,
  ReflectApply, SafeMap,
} = primordials;

const binding = internalBinding('timers');
const { scheduleTimer, toggleTimerRef, toggleImmediateRef, getLibuvNow } = binding;
const { runNextTicks } = require('internal/process/task_queues');
const asyncContext = require('internal/async_context');
const asyncState = asyncContext.state;
const kNoArgs = ObjectFreeze([]);

const immediateInfo = new Uint32Array(binding.immediateInfo);
const kCount = 0;
const kRefCount = 1;
const kHasOutstanding = 2;

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kList = Symbol('list');
// The async context a timer or immediate runs in (undefined until async_hooks is used).
const kAsyncFrame = Symbol('asyncFrame');

// ---- intrusive doubly-linked lists (the list object is its own sentinel) ----
function initList(list) { list._idleNext = list; list._idlePrev = list; }
function isEmpty(list) { return list._idleNext === list; }
function append(list, item) {
  item._idleNext = list;
  item._idlePrev = list._idlePrev;
  list._idlePrev._idleNext = item;
  list._idlePrev = item;
}
function unlink(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

// ---- the heap of lists ----
const heap = [null]; // 1-based
function listLess(a, b) { return a.expiry < b.expiry || (a.expiry === b.expiry && a.id < b.id); }
function heapSet(i, list) { heap[i] = list; list.heapIndex = i; }
function siftUp(i) {
  const item = heap[i];
  while (i > 1) {
    const parent = i >>> 1;
    if (!listLess(item, heap[parent])) break;
    heapSet(i, heap[parent]);
    i = parent;
  }
  heapSet(i, item);
}
function siftDown(i) {
  const size = heap.length - 1;
  const item = heap[i];
  for (;;) {
    let child = i * 2;
    if (child > size) break;
    if (child + 1 <= size && listLess(heap[child + 1], heap[child])) child++;
    if (!listLess(heap[child], item)) break;
    heapSet(i, heap[child]);
    i = child;
  }
  heapSet(i, item);
}
function heapPush(list) { ArrayPrototypePush(heap, list); siftUp(heap.length - 1); }
function heapRemove(list) {
  const i = list.heapIndex;
  const last = ArrayPrototypePop(heap);
  if (i < heap.length) {
    heapSet(i, last);
    siftUp(i);
    siftDown(last.heapIndex);
  }
  list.heapIndex = 0;
}

const lists = new SafeMap(); // duration -> list
let nextListId = 0;
let nextExpiry = Infinity;
let refCount = 0;
const knownTimersById = new SafeMap();

function incRefCount() { if (refCount++ === 0) toggleTimerRef(true); }
function decRefCount() { if (--refCount === 0) toggleTimerRef(false); }

function insert(item, msecs, start = getLibuvNow()) {
  // Lists are per whole millisecond, as Node's: a 1.8 ms timer joins the 1 ms list
  // and fires in the order it was set among those (no sub-millisecond accuracy).
  msecs = MathTrunc(msecs);
  item._idleStart = start;
  let list = lists.get(msecs);
  if (list === undefined) {
    const expiry = start + msecs;
    list = { msecs, expiry, id: nextListId++, heapIndex: 0, _idleNext: null, _idlePrev: null };
    initList(list);
    lists.set(msecs, list);
    heapPush(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  item[kList] = list;
  append(list, item);
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kAsyncFrame] !== undefined) asyncContext.emitDestroy(item[kAsyncFrame].id);
  if (item[kRefed]) decRefCount();
  const list = item[kList];
  if (item._idleNext) {
    unlink(item);
    if (list && isEmpty(list) && lists.get(list.msecs) === list) {
      lists.delete(list.msecs);
      heapRemove(list);
    }
  }
  if (item._asyncId !== undefined) knownTimersById.delete(item._asyncId);
  item._idleTimeout = -1;
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = null;
    this._idleNext = null;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kList] = null;
    this._asyncId = asyncContext.newAsyncId();
    this[kAsyncFrame] = asyncState.active ? asyncContext.capture('Timeout', this, this._asyncId) : undefined;
    if (isRefed) incRefCount();
  }

  refresh() {
    if (this[kRefed] !== null && !this._destroyed) {
      unlink(this);
      const list = this[kList];
      if (list && isEmpty(list) && lists.get(list.msecs) === list) {
        lists.delete(list.msecs);
        heapRemove(list);
      }
      insert(this, this._idleTimeout);
    }
    return this;
  }
  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }
  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }
  hasRef() { return this[kRefed]; }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() {
    knownTimersById.set(this._asyncId, this);
    return this._asyncId;
  }
}

// Called by Rust when the loop timer fires. Returns the next expiry: positive if a
// referenced timer remains, negative if only unreferenced ones, 0 if none.
function processTimers(now) {
  nextExpiry = Infinity;
  let ranOne = false;
  let list;
  while ((list = heap[1]) !== undefined) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranOne) runNextTicks();
    else ranOne = true;
    listOnTimeout(list, now);
  }
  return 0;
}

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let ranOne = false;
  let timer;
  while ((timer = list._idleNext) !== list) {
    const diff = now - timer._idleStart;
    if (diff < msecs) {
      // The rest of this list is not due yet: move the list down the heap.
      list.expiry = MathMax(timer._idleStart + msecs, now + 1);
      list.id = nextListId++;
      siftDown(list.heapIndex);
      return;
    }
    if (ranOne) runNextTicks();
    else ranOne = true;
    unlink(timer);
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) decRefCount();
      }
      continue;
    }
    let start;
    if (timer._repeat) start = getLibuvNow();
    const frame = timer[kAsyncFrame];
    const prev = frame === undefined ? undefined : asyncContext.enter(frame);
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else ReflectApply(timer._onTimeout, timer, args);
      // Not left when it threw: see async_context's enter().
      if (frame !== undefined) asyncContext.leave(frame, prev, false);
    } finally {
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) decRefCount();
        knownTimersById.delete(timer._asyncId);
        if (frame !== undefined) asyncContext.emitDestroy(frame.id);
      }
    }
  }
  if (lists.get(msecs) === list) {
    lists.delete(msecs);
    heapRemove(list);
  }
}

// ---- immediates ----
const immediateQueue = { _idleNext: null, _idlePrev: null };
initList(immediateQueue);
let outstanding = null; // the queue being run, kept if a callback threw

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this[kAsyncFrame] = asyncState.active ? asyncContext.capture('Immediate', this) : undefined;
    this.ref();
    immediateInfo[kCount]++;
    append(immediateQueue, this);
  }
  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }
  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }
  hasRef() { return !!this[kRefed]; }
}

function destroyImmediate(immediate) {
  immediate._destroyed = true;
  immediateInfo[kCount]--;
  if (immediate[kRefed] && --immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
}

function clearImmediateItem(immediate) {
  if (!immediate || immediate._destroyed) return;
  if (immediate[kAsyncFrame] !== undefined) asyncContext.emitDestroy(immediate[kAsyncFrame].id);
  destroyImmediate(immediate);
  immediate._onImmediate = null;
  unlink(immediate);
}

// Called by Rust in the check phase. Immediates queued while it runs wait for the
// next turn: the current queue is detached first.
function processImmediate() {
  let queue = outstanding;
  if (queue === null) {
    if (isEmpty(immediateQueue)) return;
    queue = { _idleNext: immediateQueue._idleNext, _idlePrev: immediateQueue._idlePrev };
    queue._idleNext._idlePrev = queue;
    queue._idlePrev._idleNext = queue;
    initList(immediateQueue);
    outstanding = queue;
    immediateInfo[kHasOutstanding] = 1;
  }
  let ranOne = false;
  for (;;) {
    if (ranOne) runNextTicks();
    const immediate = queue._idleNext;
    if (immediate === queue) break;
    ranOne = true;
    unlink(immediate);
    const callback = immediate._onImmediate;
    const argv = immediate._argv;
    destroyImmediate(immediate);
    immediate._onImmediate = null;
    const frame = immediate[kAsyncFrame];
    if (frame !== undefined) runImmediateInFrame(immediate, callback, argv, frame);
    else if (argv === undefined) FunctionPrototypeCall(callback, immediate);
    else ReflectApply(callback, immediate, argv);
  }
  outstanding = null;
  immediateInfo[kHasOutstanding] = 0;
}

function runImmediateInFrame(immediate, callback, argv, frame) {
  const prev = asyncContext.enter(frame);
  let completed = false;
  try {
    ReflectApply(callback, immediate, argv === undefined ? kNoArgs : argv);
    completed = true;
  } finally {
    asyncContext.finish(frame, prev, true, completed);
  }
}

binding.setupTimers(processImmediate, processTimers);

// [referenced timeouts, referenced immediates], for process.getActiveResourcesInfo().
function refedCounts() { return [refCount, immediateInfo[kRefCount]]; }

module.exports = {
  Timeout, Immediate, insert, unenroll, clearImmediateItem, knownTimersById, TIMEOUT_MAX, kRefed,
  refedCounts,
};
