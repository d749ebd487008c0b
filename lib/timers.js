'use strict';
// The timers module and the timer globals (setTimeout, setInterval, setImmediate
// and their clear functions). The machinery is in lib/internal/timers.js.

const { ObjectDefineProperty } = primordials;

const internal = require('internal/timers');
const { Timeout, Immediate, insert, unenroll, clearImmediateItem, knownTimersById } = internal;

let validateFunction;
function checkCallback(callback) {
  if (typeof callback !== 'function') {
    validateFunction ??= require('internal/validators').validateFunction;
    validateFunction(callback, 'callback');
  }
}

function setTimeout(callback, after, ...args) {
  checkCallback(callback);
  const timeout = new Timeout(callback, after, args.length === 0 ? undefined : args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setInterval(callback, repeat, ...args) {
  checkCallback(callback);
  const timeout = new Timeout(callback, repeat, args.length === 0 ? undefined : args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const found = knownTimersById.get(+timer);
    if (found !== undefined) {
      found._onTimeout = null;
      unenroll(found);
    }
  }
}

function clearInterval(timer) {
  // Node lets either clear function clear either kind of timer.
  clearTimeout(timer);
}

function setImmediate(callback, ...args) {
  checkCallback(callback);
  return new Immediate(callback, args.length === 0 ? undefined : args);
}

function clearImmediate(immediate) {
  clearImmediateItem(immediate);
}

// The accessor is added after the literal: a literal getter leaves V8 10.2 a
// dictionary-mode object (slower lookups of setTimeout and the rest).
module.exports = {
  setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
};
ObjectDefineProperty(module.exports, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
