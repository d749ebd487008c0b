'use strict';
// The module compile cache's switch (node 22's module.enableCompileCache(),
// NODE_COMPILE_CACHE=dir, NODE_DISABLE_COMPILE_CACHE=1): while it is on, the CommonJS
// and ES module loaders compile user files through internalBinding('compile_cache'),
// which keeps V8's code cache of each on disk (src/binding/compile_cache.rs).
// Enabling never throws: the result says what happened.

const { ObjectFreeze } = primordials;
const binding = internalBinding('compile_cache');
const { validateString } = require('internal/validators');

const compileCacheStatus = ObjectFreeze({
  __proto__: null, FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3,
});
let on = false;

function enableCompileCache(cacheDir) {
  const path = require('path');
  if (cacheDir === undefined) {
    cacheDir = process.env.NODE_COMPILE_CACHE ||
      path.join(require('os').tmpdir(), 'node-compile-cache');
  } else {
    validateString(cacheDir, 'cacheDir');
  }
  if (process.env.NODE_DISABLE_COMPILE_CACHE) {
    return { status: compileCacheStatus.DISABLED, message: 'Disabled by NODE_DISABLE_COMPILE_CACHE' };
  }
  const { 0: status, 1: text } = binding.enable(path.resolve(cacheDir));
  if (status === compileCacheStatus.FAILED) return { status, message: text };
  on = true;
  return { status, directory: text };
}

// Called at start-up: the environment turns the cache on before any user code loads.
function enableFromEnvironment() {
  const dir = process.env.NODE_COMPILE_CACHE || process.env.COIL_COMPILE_CACHE;
  if (dir) enableCompileCache(dir);
}

module.exports = {
  compileCacheStatus,
  enableCompileCache,
  enableFromEnvironment,
  getCompileCacheDir: () => binding.getDir(),
  flushCompileCache: () => binding.flush(),
  isOn: () => on,
  compileFunction: binding.compileFunction,
  compileModule: binding.compileModule,
};
