'use strict';
// The vm module: compile and run code in this context or in contextified ones
// (new V8 contexts whose global forwards to a sandbox object). Scripts keep their
// source and origin and are compiled for each context they run in (V8's own
// compilation cache makes the repeat cheap). SourceTextModule and the other
// module classes wait for coil's ES modules; the SIGINT half of breakOnSigint is
// not done yet (the option is checked and accepted).

const {
  Error, ObjectDefineProperty, ObjectFreeze, Promise, Symbol,
} = primordials;
const binding = internalBinding('contextify');
const { checkScript, createCachedData, runScriptIn } = binding;
const {
  bufferOver, createContext, isContext, liveContexts, newContextOptions, runOptions, validateContext,
} = require('internal/vm/context');
const { compileFunction } = require('internal/vm/compile_function');
const {
  validateBoolean, validateBuffer, validateFunction, validateInt32, validateObject,
  validateOneOf, validateString,
} = require('internal/validators');

// runScriptIn returns this object itself when the timeout stopped the script.
const kTimedOut = ObjectFreeze({ __proto__: null });

function checkTimedOut(result, timeout) {
  if (result === kTimedOut) {
    // Node throws a plain Error carrying the code, without "[code]" in its stack.
    const err = new Error(`Script execution timed out after ${timeout}ms`);
    defineData(err, 'code', 'ERR_SCRIPT_EXECUTION_TIMEOUT');
    throw err;
  }
  return result;
}

function defineData(target, key, value) {
  ObjectDefineProperty(target, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

class Script {
  #code;
  #filename;
  #lineOffset;
  #columnOffset;

  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { __proto__: null, filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0,
      cachedData, produceCachedData = false, importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    const checked = checkScript(code, filename, lineOffset, columnOffset, cachedData);
    this.#code = code;
    this.#filename = filename;
    this.#lineOffset = lineOffset;
    this.#columnOffset = columnOffset;
    if (cachedData !== undefined) defineData(this, 'cachedDataRejected', checked[0]);
    if (produceCachedData) {
      defineData(this, 'cachedData', this.createCachedData());
      defineData(this, 'cachedDataProduced', true);
    }
    defineData(this, 'sourceMapURL', checked[1]);
  }

  createCachedData() {
    return bufferOver(createCachedData(this.#code, this.#filename, this.#lineOffset,
                                       this.#columnOffset));
  }

  // Each run method calls the binding itself, so that the frame below the script's
  // own in a stack trace is `Script.runInThisContext` or `Script.runInContext`.
  runInThisContext(options) {
    const { timeout, displayErrors } = runOptions(options);
    return checkTimedOut(runScriptIn(this.#code, this.#filename, this.#lineOffset,
                                     this.#columnOffset, undefined, timeout, displayErrors,
                                     kTimedOut), timeout);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { timeout, displayErrors } = runOptions(options);
    return checkTimedOut(runScriptIn(this.#code, this.#filename, this.#lineOffset,
                                     this.#columnOffset, contextifiedObject, timeout,
                                     displayErrors, kTimedOut), timeout);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, newContextOptions(options));
    return this.runInContext(context, options);
  }
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { __proto__: null, filename: options };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { __proto__: null, filename: options };
  contextObject = createContext(contextObject, newContextOptions(options));
  return createScript(code, options).runInContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { __proto__: null, filename: options };
  return createScript(code, options).runInThisContext(options);
}

let warnedMeasureMemory = false;

// An estimate from the heap's own numbers, not V8's per-context measurement: the
// whole heap is reported as this context's, and every other live vm context gets
// an entry of zero.
function measureMemory(options = {}) {
  if (!warnedMeasureMemory) {
    warnedMeasureMemory = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time',
                        'ExperimentalWarning');
  }
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  const used = process.memoryUsage().heapUsed;
  const estimate = (bytes) => ({ jsMemoryEstimate: bytes, jsMemoryRange: [bytes, bytes] });
  const result = { total: estimate(used) };
  if (mode === 'detailed') {
    result.current = estimate(used);
    const other = [];
    const count = liveContexts();
    for (let i = 0; i < count; i++) other[i] = estimate(0);
    result.other = other;
  }
  return Promise.resolve(result);
}

const constants = ObjectFreeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
