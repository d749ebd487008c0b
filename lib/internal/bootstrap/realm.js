'use strict';
// The built-in module loader. Compiled by Rust as a function of
// (process, internalBinding, primordials); returns requireBuiltin(id), which compiles
// a lib/ file on its first require and caches its module object.
// Binding used: builtins.compileBuiltin(id) -> function(exports, require, module,
// process, internalBinding, primordials); builtins.hasBuiltin(id); builtins.builtinIds.

const { compileBuiltin, hasBuiltin } = internalBinding('builtins');
const { Error, FunctionPrototypeCall, SafeMap } = primordials;
const cache = new SafeMap();

function requireBuiltin(id) {
  const cached = cache.get(id);
  if (cached !== undefined) return cached.exports;
  if (!hasBuiltin(id)) {
    const err = new Error(`No such built-in module: ${id}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const fn = compileBuiltin(id);
  const module = { id, exports: {}, loaded: false };
  cache.set(id, module);
  try {
    FunctionPrototypeCall(fn, undefined, module.exports, requireBuiltin, module, process,
                          internalBinding, primordials);
  } catch (err) {
    // A module that threw while loading is not kept half-made: the next require
    // runs it again (and most likely throws the same error again).
    cache.delete(id);
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

requireBuiltin.cache = cache;
return requireBuiltin;
