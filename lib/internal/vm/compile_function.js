'use strict';
// vm.compileFunction: a function compiled from a body and parameter names, in this
// context or a contextified object's, its free names also looked up in the
// contextExtensions objects; it may consume or produce a V8 code cache.

const { ObjectDefineProperty } = primordials;
const { compileFunctionIn, isContext } = internalBinding('contextify');
const { bufferOver } = require('internal/vm/context');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const {
  validateArray, validateBoolean, validateBuffer, validateFunction, validateInt32,
  validateObject, validateString, kValidateObjectAllowNullable,
} = require('internal/validators');

function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    for (let i = 0; i < params.length; i++) validateString(params[i], `params[${i}]`);
  }
  validateObject(options, 'options');
  const {
    filename = '', columnOffset = 0, lineOffset = 0, cachedData = undefined,
    produceCachedData = false, parsingContext = undefined, contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined &&
      (typeof parsingContext !== 'object' || parsingContext === null ||
       !isContext(parsingContext))) {
    throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  for (let i = 0; i < contextExtensions.length; i++) {
    validateObject(contextExtensions[i], `options.contextExtensions[${i}]`,
                   kValidateObjectAllowNullable);
  }
  if (importModuleDynamically !== undefined) {
    validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  }
  const result = compileFunctionIn(code, filename, lineOffset, columnOffset, params || [],
                                   parsingContext, contextExtensions, cachedData,
                                   produceCachedData);
  const fn = result[0];
  const define = (key, value) => ObjectDefineProperty(fn, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
  if (typeof result[1] === 'boolean') define('cachedDataRejected', result[1]);
  if (produceCachedData) {
    define('cachedDataProduced', result[2] !== undefined);
    if (result[2] !== undefined) {
        define('cachedData', bufferOver(result[2]));
    }
  }
  return fn;
}

module.exports = { compileFunction };
