'use strict';
// vm contexts: createContext/isContext and the option checks shared by the vm
// functions. A contextified object's context is a V8 context whose global
// forwards every property access to the object (internalBinding('contextify'),
// src/v8/context.cc); the object itself remembers that context.

const { ObjectSetPrototypeOf, SafeFinalizationRegistry, Uint8Array } = primordials;
const { makeContext, isContext: bindingIsContext } = internalBinding('contextify');
// Loaded now: loading it later could meet a user's patched built-ins.
const { Buffer } = require('buffer');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const {
  validateBoolean, validateFunction, validateObject, validateOneOf, validateString,
  validateUint32, kValidateObjectAllowArray,
} = require('internal/validators');

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowArray);
  return bindingIsContext(object);
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

// SIGINT handling (breakOnSigint) is accepted and checked, not acted on yet.
function runOptions(options) {
  if (options === undefined) return { __proto__: null, timeout: 0, displayErrors: true };
  validateObject(options, 'options');
  const { timeout, displayErrors = true, breakOnSigint = false } = options;
  let ms = 0;
  if (timeout !== undefined) {
    validateUint32(timeout, 'options.timeout', true);
    ms = timeout;
  }
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { __proto__: null, timeout: ms, displayErrors };
}

function createContext(contextObject = {}, options = {}) {
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const {
    name, origin, codeGeneration, microtaskMode, importModuleDynamically,
  } = options;
  if (name !== undefined) validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  let strings = true;
  let wasm = true;
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    if (codeGeneration.strings !== undefined) {
      validateBoolean(codeGeneration.strings, 'options.codeGeneration.strings');
      strings = codeGeneration.strings;
    }
    if (codeGeneration.wasm !== undefined) {
      validateBoolean(codeGeneration.wasm, 'options.codeGeneration.wasm');
      wasm = codeGeneration.wasm;
    }
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  if (importModuleDynamically !== undefined) {
    validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  }
  makeContext(contextObject, strings, wasm, microtaskMode === 'afterEvaluate');
  contextCount++;
  contextFinalization.register(contextObject, undefined);
  return contextObject;
}

// How many contextified objects live (vm.measureMemory reports one entry each).
// Counted with a FinalizationRegistry, not WeakRefs: a WeakRef keeps its target
// alive until the current job ends, so a loop making contexts could not free them.
let contextCount = 0;
const contextFinalization = new SafeFinalizationRegistry(() => { contextCount--; });
function liveContexts() {
  return contextCount;
}

// runInNewContext's options name the context's: contextName, contextOrigin, ...
function newContextOptions(options) {
  if (options === undefined || options === null || typeof options !== 'object') {
    return { __proto__: null };
  }
  const out = {
    __proto__: null,
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: options.contextCodeGeneration,
    microtaskMode: options.microtaskMode,
  };
  if (out.name !== undefined) validateString(out.name, 'options.contextName');
  if (out.origin !== undefined) validateString(out.origin, 'options.contextOrigin');
  if (out.codeGeneration !== undefined) {
    validateObject(out.codeGeneration, 'options.contextCodeGeneration');
  }
  return out;
}

// A Buffer over a code cache's ArrayBuffer, made without Buffer.from (which user
// patches of built-ins could reach).
function bufferOver(arrayBuffer) {
  return ObjectSetPrototypeOf(new Uint8Array(arrayBuffer), Buffer.prototype);
}

module.exports = {
  bufferOver, createContext, isContext, liveContexts, newContextOptions, runOptions,
  validateContext,
};
