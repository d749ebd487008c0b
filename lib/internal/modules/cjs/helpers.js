'use strict';
// Pieces of the CommonJS loader that stand apart from resolution: the `require`
// function handed to each module, the condition set require() resolves "exports"
// with, and the warning for reading a missing export of a module still loading in
// a require cycle.

const {
  ObjectGetPrototypeOf, ObjectPrototype, ObjectPrototypeHasOwnProperty, ObjectSetPrototypeOf,
  ReflectGet, ReflectGetOwnPropertyDescriptor, String,
} = primordials;
// primordials has Proxy's statics only; this file is loaded before any user code runs.
const { Proxy } = globalThis;
const { isProxy } = require('internal/util/types');
const { conditionSet } = require('internal/modules/package_resolve');

let cjsConditions;
// require, node, node-addons, default (always on), and the user's --conditions / -C.
function getCjsConditions() {
  if (cjsConditions === undefined) {
    const user = require('internal/options').getOptionValue('--conditions');
    cjsConditions = conditionSet(['require', 'node', 'node-addons'], user);
  }
  return cjsConditions;
}

// makeRequire(mod, Module): the `require` a module's code receives, with resolve,
// resolve.paths, main, extensions and cache, as Node gives it.
function makeRequire(mod, Module) {
  function require(id) {
    return mod.require(id);
  }
  function resolve(request, options) {
    const { validateString } = lazyValidators();
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  function paths(request) {
    const { validateString } = lazyValidators();
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

let validators;
function lazyValidators() {
  validators ??= require('internal/validators');
  return validators;
}

// ---- require cycles ----
// While a module is loading, a module it requires (directly or through others) that
// requires it back receives its unfinished exports. If those are a plain object, a
// read of a property they do not have prints a warning: usually the program depends
// on an export defined only after the require. The object's prototype is swapped for
// a proxy until the module finishes loading.

function emitCircularWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
}

const circularHandler = {
  __proto__: null,
  get(target, prop, receiver) {
    if (prop in target || prop === '__esModule') return ReflectGet(target, prop, receiver);
    emitCircularWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (ObjectPrototypeHasOwnProperty(target, prop) || prop === '__esModule') {
      return ReflectGetOwnPropertyDescriptor(target, prop);
    }
    emitCircularWarning(prop);
    return undefined;
  },
};
// The prototype in place of Object.prototype: reads fall through to it for names
// Object.prototype has (toString, hasOwnProperty...).
const circularPrototype = new Proxy(ObjectPrototype, circularHandler);

function exportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports !== null && typeof exports === 'object' && !isProxy(exports) &&
      ObjectGetPrototypeOf(exports) === ObjectPrototype && !exports.__esModule) {
    ObjectSetPrototypeOf(exports, circularPrototype);
  }
  return exports;
}

// After a module has loaded: its exports get their own prototype back.
function restoreAfterCircularRequire(module) {
  const exports = module.exports;
  if (exports !== null && typeof exports === 'object' && !isProxy(exports) &&
      ObjectGetPrototypeOf(exports) === circularPrototype) {
    ObjectSetPrototypeOf(exports, ObjectPrototype);
  }
}

module.exports = { exportsForCircularRequire, getCjsConditions, makeRequire, restoreAfterCircularRequire };
