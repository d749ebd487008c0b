'use strict';
// process.getActiveResourcesInfo(), process._getActiveHandles() and
// process._getActiveRequests(), computed only when called: the loop lists its
// referenced open handles and the runtime its requests with an op in flight; this
// module maps a handle id to the JS object that owns it (set when lib/ opens the
// handle, cleared when it closes it: an array store each, nothing per read or
// write) and keeps the request kinds node lists, by their prototype.
// Bindings: process_methods.{referencedHandles, pendingRequests}.

const { ArrayPrototypePush, ObjectGetPrototypeOf, Promise, SafeMap } = primordials;

// Handle id -> owner object, and -> node's wrap name: ids are a slab's, small
// and reused, so the arrays stay dense (and setting one makes no object).
const owners = [];
const names = [];
// Request prototype -> node's name for it in getActiveResourcesInfo().
const requestNames = new SafeMap();
// Handles lib/ makes of a timer (fs.watchFile's StatWatcher): owner -> [name,
// timer]. Listed while their timer is referenced, which then is not a 'Timeout'.
// A null name: a timer node keeps out of sight (the resolver's), not listed at all.
const timerHandles = new SafeMap();
// Functions that push [owner, name] for handles a module keeps track of itself
// (MessagePorts: their ref state is the port's, in lib/).
const listers = [];

function setHandleOwner(id, owner, name) {
  owners[id] = owner;
  names[id] = name;
}

function clearHandleOwner(id) {
  if (id >= 0 && id < owners.length) owners[id] = undefined;
}

function setTimerHandle(owner, name, timer) {
  timerHandles.set(owner, [name, timer]);
}

function clearTimerHandle(owner) {
  timerHandles.delete(owner);
}

function addHandleLister(fn) {
  ArrayPrototypePush(listers, fn);
}

// `Class`'s instances, while their op is in flight, are active requests named `name`.
function addRequestKind(Class, name) {
  requestNames.set(Class.prototype, name);
}

// A timer counted in internal/timers' referenced count (one that ran is not).
function live(timer) { return !timer._destroyed && timer.hasRef(); }

function binding() { return internalBinding('process_methods'); }

// [request, name] of each listed request, oldest first.
function requests() {
  const list = [];
  const pending = binding().pendingRequests();
  for (let i = 0; i < pending.length; i++) {
    const req = pending[i];
    // fs/promises' requests are their promises.
    if (ObjectGetPrototypeOf(req) === Promise.prototype) {
      ArrayPrototypePush(list, [req, 'FSReqPromise']);
      continue;
    }
    if (typeof req !== 'object' || req === null) continue;
    const name = requestNames.get(ObjectGetPrototypeOf(req));
    if (name !== undefined) ArrayPrototypePush(list, [req, name]);
  }
  return list;
}

// [owner, name] of each referenced handle lib/ owns (the loop's own handles —
// timers, wake-ups, the resolver's sockets — have no owner and are not listed).
function handles() {
  const list = [];
  const ids = binding().referencedHandles();
  for (let i = 0; i < ids.length; i++) {
    const owner = owners[ids[i]];
    if (owner !== undefined) ArrayPrototypePush(list, [owner, names[ids[i]]]);
  }
  for (const { 0: owner, 1: { 0: name, 1: timer } } of timerHandles) {
    if (name !== null && live(timer)) ArrayPrototypePush(list, [owner, name]);
  }
  for (let i = 0; i < listers.length; i++) listers[i](list);
  return list;
}

function getActiveResourcesInfo() {
  const info = [];
  const reqs = requests();
  for (let i = 0; i < reqs.length; i++) ArrayPrototypePush(info, reqs[i][1]);
  const hs = handles();
  for (let i = 0; i < hs.length; i++) ArrayPrototypePush(info, hs[i][1]);
  const { refedCounts } = require('internal/timers');
  const [timeouts, immediates] = refedCounts();
  let timerOwned = 0;
  for (const { 1: { 1: timer } } of timerHandles) if (live(timer)) timerOwned++;
  for (let i = 0; i < timeouts - timerOwned; i++) ArrayPrototypePush(info, 'Timeout');
  for (let i = 0; i < immediates; i++) ArrayPrototypePush(info, 'Immediate');
  return info;
}

function getActiveHandles() {
  const hs = handles();
  const list = [];
  for (let i = 0; i < hs.length; i++) ArrayPrototypePush(list, hs[i][0]);
  return list;
}

function getActiveRequests() {
  const reqs = requests();
  const list = [];
  for (let i = 0; i < reqs.length; i++) ArrayPrototypePush(list, reqs[i][0]);
  return list;
}

module.exports = {
  setHandleOwner, clearHandleOwner, setTimerHandle, clearTimerHandle, addHandleLister, addRequestKind,
  getActiveResourcesInfo, getActiveHandles, getActiveRequests,
};
