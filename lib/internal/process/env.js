'use strict';
// process.env: a mirror of the real environment. Reads come from the mirror;
// writes go to both, values coerced to strings as in Node, so child processes
// and native code see them. The Proxy constructor is the one captured at
// bootstrap (passed in), and the handler has no prototype, so a user's
// Object.prototype.get cannot become a trap.
// Once threads share the environment (a Worker made with SHARE_ENV, and the thread
// that made it), reads go to the real environment too: traps for them are added to
// the handler then, so a process that never shares pays nothing for them.
// Bindings: process_methods.{envKeys, getEnv, setEnv, unsetEnv}.

const {
  ObjectPrototypeHasOwnProperty, ReflectGetOwnPropertyDescriptor, ReflectHas, StringPrototypeIncludes,
  TypeError,
} = primordials;
const {
  envKeys, getEnv, setEnv: setRealEnv, unsetEnv: unsetRealEnv,
} = internalBinding('process_methods');

function noop() {}

let handler;

// Traps that read the real environment, shared with other threads.
const liveTraps = {
  __proto__: null,
  get(target, key) {
    return typeof key === 'string' ? getEnv(key) : target[key];
  },
  has(target, key) {
    return typeof key === 'string' ? getEnv(key) !== undefined : ReflectHas(target, key);
  },
  ownKeys() {
    const pairs = envKeys();
    const names = [];
    for (let i = 0; i < pairs.length; i++) names[i] = pairs[i][0];
    return names;
  },
  getOwnPropertyDescriptor(target, key) {
    if (typeof key !== 'string') return ReflectGetOwnPropertyDescriptor(target, key);
    const value = getEnv(key);
    if (value === undefined) return undefined;
    return { __proto__: null, value, writable: true, enumerable: true, configurable: true };
  },
};

// This thread starts a Worker with SHARE_ENV: its process.env reads the real
// environment from now on.
function shareEnv() {
  if (handler === undefined || handler.get !== undefined) return;
  handler.get = liveTraps.get;
  handler.has = liveTraps.has;
  handler.ownKeys = liveTraps.ownKeys;
  handler.getOwnPropertyDescriptor = liveTraps.getOwnPropertyDescriptor;
}

function createEnv(ProxyConstructor) {
  const mirror = {};
  // A Worker has its own copy (options.env, or its parent's at its start) whose
  // writes stay in it, unless it shares its parent's (SHARE_ENV).
  const self = require('internal/worker/self');
  const shared = self.isMainThread || self.sharesEnv;
  const setEnv = shared ? setRealEnv : noop;
  const unsetEnv = shared ? unsetRealEnv : noop;
  const pairs = shared ? envKeys() : self.envPairs();
  for (let i = 0; i < pairs.length; i++) mirror[pairs[i][0]] = pairs[i][1];
  handler = {
    __proto__: null,
    set(target, key, value) {
      if (typeof key === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      if (typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      const str = `${value}`;
      // An empty name (or one with '='/NUL) cannot be an environment variable:
      // node ignores it (setenv refuses it).
      if (key === '' || StringPrototypeIncludes(key, '=') || StringPrototypeIncludes(key, '\0')) {
        return true;
      }
      target[key] = str;
      setEnv(key, str);
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key === 'string') {
        delete target[key];
        unsetEnv(key);
      }
      return true;
    },
    defineProperty(target, key, desc) {
      const { codes: { ERR_INVALID_OBJECT_DEFINE_PROPERTY } } = require('internal/errors');
      if (ObjectPrototypeHasOwnProperty(desc, 'get') || ObjectPrototypeHasOwnProperty(desc, 'set')) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          "'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      }
      const str = `${desc.value}`;
      target[key] = str;
      setEnv(key, str);
      return true;
    },
  };
  const env = new ProxyConstructor(mirror, handler);
  if (self.sharesEnv) shareEnv();
  return env;
}

module.exports = { createEnv, shareEnv };
