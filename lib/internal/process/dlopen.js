'use strict';
// process.dlopen(module, filename[, flags]): loads a Node-API addon into
// module.exports (internalBinding('napi'), coil's own Node-API). Failures to load
// are ERR_DLOPEN_FAILED with dlopen's own message, as node's.
const { Error, Object: ObjectCtor, TypeError } = primordials;

const binding = internalBinding('napi');
const RTLD_LAZY = 1;
let bufferPrototype;

function coded(err, code) {
  err.code = code;
  return err;
}

// As node: flags, when given (even undefined), are coerced to an int32.
function dlopen(module, filename, flags) {
  if (arguments.length < 2) {
    throw coded(new TypeError('process.dlopen needs at least 2 arguments'), 'ERR_MISSING_ARGS');
  }
  flags = arguments.length > 2 ? flags | 0 : RTLD_LAZY;
  // As node's ToObject: null and undefined throw; other primitives are boxed.
  let exports = module.exports;
  if (exports === null || exports === undefined) {
    throw new TypeError('Cannot convert undefined or null to object');
  }
  if (typeof exports !== 'object' && typeof exports !== 'function') exports = ObjectCtor(exports);
  bufferPrototype ??= require('buffer').Buffer.prototype;
  const failure = binding.dlopen(module, exports, `${filename}`, flags, bufferPrototype);
  if (failure !== undefined) throw coded(new Error(failure), 'ERR_DLOPEN_FAILED');
}

module.exports = { dlopen };
