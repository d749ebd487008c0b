'use strict';
// The public `util` module. Heavy pieces (inspect, parseArgs, deep equality,
// encoding) are loaded on first use.
//
// internalBinding functions used: none directly (see internal/util/inspect and
// internal/util/types for theirs).

const {
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypeMap, NumberIsSafeInteger, ObjectDefineProperty,
  ObjectKeys, ObjectPrototypeToString, ObjectSetPrototypeOf, PromiseResolve, RegExpPrototypeExec,
  SafeArrayIterator, StringPrototypeEndsWith, StringPrototypePadStart, StringPrototypeToWellFormed,
  StringPrototypeTrim,
} = primordials;
const { regExpReplace } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

const errors = require('internal/errors');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_INVALID_ARG_VALUE },
  errnoInfo,
} = errors;
const {
  validateNumber, validateString, validateObject, validateAbortSignal,
  kValidateObjectAllowFunction,
} = require('internal/validators');
const { inspect, format, formatWithOptions, stripVTControlCharacters } =
  require('internal/util/inspect');
const { colors } = require('internal/util/inspect/primitives');
const types = require('internal/util/types');
const { promisify, callbackify, deprecate } = require('internal/util/promisify');
const { debuglog } = require('internal/util/debuglog');

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  ObjectDefineProperty(ctor, 'super_', { __proto__: null, value: superCtor, writable: true, configurable: true });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function toUSVString(input) {
  const str = `${input}`;
  if (typeof str.toWellFormed === 'function') return StringPrototypeToWellFormed(str);
  return regExpReplace(str, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !NumberIsSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  return errors.getSystemErrorName(err);
}

function getSystemErrorMap() { return errors.getSystemErrorMap(); }

function isStreamLike(stream) {
  return stream !== null && typeof stream === 'object' &&
    (typeof stream.pipe === 'function' || typeof stream.write === 'function' ||
     typeof stream.getReader === 'function' || typeof stream.getWriter === 'function');
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  let skipColorize = false;
  if (validateStream) {
    if (!isStreamLike(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !require('internal/util/colors').shouldColorize(stream);
  }
  const formats = ArrayIsArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of new SafeArrayIterator(formats)) {
    const code = typeof key === 'string' ? colors[key] : undefined;
    if (code === undefined) {
      const allowed = ArrayPrototypeJoin(ArrayPrototypeMap(ObjectKeys(colors), (k) => `'${k}'`), ', ');
      throw new ERR_INVALID_ARG_VALUE('format', key, `must be one of: ${allowed}`);
    }
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  // Node 20 applies the stream check only to a single format name.
  if (skipColorize && !ArrayIsArray(format)) return text;
  return `${left}${text}${right}`;
}

// Resolves once `signal` aborts (or at once when it already has).
async function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' ||
      (typeof AbortSignal === 'function' ? !(signal instanceof AbortSignal) : !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowFunction);
  // Returning (not awaiting) the promises keeps Node's microtask timing.
  if (signal.aborted) return PromiseResolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

// coil has no workers, so nothing needs to be marked transferable.
function transferableAbortSignal(signal) { return signal; }
function transferableAbortController() { return new AbortController(); }

// dotenv-style `KEY=value` lines; quoted values may span lines ("..." expands \n).
function parseEnv(content) {
  validateString(content, 'content');
  const result = {};
  const lines = regExpReplace(content, /\r\n?/g, '\n');
  const re = /^[ \t]*(?:export[ \t]+)?([^=#\n]+?)[ \t]*=[ \t]*("(?:\\.|[^"\\])*"|'[^']*'|`[^`]*`|[^\n#]*)[^\n]*$/gm;
  let m;
  while ((m = RegExpPrototypeExec(re, lines)) !== null) {
    let value = m[2];
    const q = value[0];
    if ((q === '"' || q === "'" || q === '`') && StringPrototypeEndsWith(value, q) && value.length > 1) {
      value = sliceOf(value, 1, -1);
      if (q === '"') value = regExpReplace(value, /\\n/g, '\n');
    } else {
      value = StringPrototypeTrim(value);
    }
    result[StringPrototypeTrim(m[1])] = value;
  }
  return result;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function pad(n) { return StringPrototypePadStart(n.toString(), 2, '0'); }
function timestamp() {
  const d = new Date();
  const t = ArrayPrototypeJoin([pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())], ':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}
function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = ObjectKeys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// Node's legacy `errnoException(err, syscall, original)`: err is a negative errno.
function _errnoException(err, syscall, original) {
  const [code] = errnoInfo(err);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = new Error(message);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

function _exceptionWithHostPort(err, syscall, address, port, additional) {
  return errors.exceptionWithHostPort(err, syscall, address, port, additional);
}

function isError(e) {
  return ObjectPrototypeToString(e) === '[object Error]' || e instanceof Error;
}

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: ArrayIsArray,
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer: (arg) => require('buffer').Buffer.isBuffer(arg),
  isDeepStrictEqual,
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg === null || arg === undefined,
  isNumber: (arg) => typeof arg === 'number',
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
  isRegExp: types.isRegExp,
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isDate: types.isDate,
  isError,
  isFunction: (arg) => typeof arg === 'function',
  isPrimitive: (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
  log,
  promisify,
  stripVTControlCharacters(str) {
    validateString(str, 'str');
    return stripVTControlCharacters(str);
  },
  toUSVString,
  transferableAbortSignal,
  transferableAbortController,
  aborted,
  types,
  parseEnv,
  parseArgs(config) { return require('internal/util/parse_args').parseArgs(config); },
};

for (const name of new SafeArrayIterator(['MIMEType', 'MIMEParams'])) {
  ObjectDefineProperty(module.exports, name, {
    __proto__: null,
    get() { return require('internal/mime')[name]; },
    enumerable: true,
    configurable: true,
  });
}

// Loaded on first access: they pull in the encoding module.
for (const name of new SafeArrayIterator(['TextDecoder', 'TextEncoder'])) {
  ObjectDefineProperty(module.exports, name, {
    __proto__: null,
    get() {
      let value;
      try {
        value = require('internal/encoding')[name];
      } catch {
        // Until the encoding module exists, fall back to a global one if any.
        value = globalThis[name];
      }
      ObjectDefineProperty(module.exports, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    enumerable: true,
    configurable: true,
  });
}
