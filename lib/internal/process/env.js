'use strict';
// process.env: a mirror of the real environment. Reads come from the mirror;
// writes go to both, values coerced to strings as in Node, so child processes
// and native code see them. The Proxy constructor is the one captured at
// bootstrap (passed in), and the handler has no prototype, so a user's
// Object.prototype.get cannot become a trap.
// Bindings: process_methods.{envKeys, setEnv, unsetEnv}.

const { ObjectPrototypeHasOwnProperty, StringPrototypeIncludes, TypeError } = primordials;
const { envKeys, setEnv: setRealEnv, unsetEnv: unsetRealEnv } = internalBinding('process_methods');

function noop() {}

function createEnv(ProxyConstructor) {
  const mirror = {};
  // A Worker has its own copy (options.env, or its parent's at its start): its
  // writes stay in it.
  const self = require('internal/worker/self');
  const shared = self.isMainThread;
  const setEnv = shared ? setRealEnv : noop;
  const unsetEnv = shared ? unsetRealEnv : noop;
  const pairs = shared ? envKeys() : self.envPairs();
  for (let i = 0; i < pairs.length; i++) mirror[pairs[i][0]] = pairs[i][1];
  return new ProxyConstructor(mirror, {
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
  });
}

module.exports = { createEnv };
