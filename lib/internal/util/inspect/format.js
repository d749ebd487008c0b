'use strict';
// util.format / util.formatWithOptions: printf-like %s %d %i %f %j %o %O %c %%,
// with the remaining arguments appended (strings as-is, others inspected).
//
// internalBinding('util') functions used: getProxyDetails (see inspect.js).

const {
  ArrayPrototypePush, JSONStringify, NumberIsFinite, NumberParseFloat, NumberParseInt,
  ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ObjectPrototypeHasOwnProperty,
  SafeMap, StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeSlice, StringPrototypeSplit,
} = primordials;

const { getProxyDetails } = internalBinding('util');
const { inspect, inspectDefaultOptions, builtInObjects } = require('internal/util/inspect');
const { formatNumber, formatBigInt, stylizeNoColor } = require('internal/util/inspect/primitives');

// %d %i %f %s numbers: separated when the options, else inspect.defaultOptions, say so.
function numericSeparator(inspectOptions) {
  return inspectOptions?.numericSeparator ?? inspectDefaultOptions.numericSeparator;
}
function formatBigIntNoColor(bigint, inspectOptions) {
  return formatBigInt(stylizeNoColor, bigint, numericSeparator(inspectOptions));
}

let circularErrorMessage;

function tryStringify(arg) {
  try {
    return JSONStringify(arg);
  } catch (err) {
    if (!circularErrorMessage) {
      try {
        const a = {};
        a.a = a;
        JSONStringify(a);
      } catch (circularError) {
        circularErrorMessage = StringPrototypeSplit(circularError.message, '\n')[0];
      }
    }
    if (err.name === 'TypeError' && StringPrototypeSplit(err.message, '\n')[0] === circularErrorMessage) {
      return '[Circular]';
    }
    throw err;
  }
}

// %s prints objects with their own toString() through it, and built-ins inspected.
function hasBuiltInToString(value) {
  const proxyTarget = getProxyDetails(value, false);
  if (proxyTarget !== undefined) {
    if (proxyTarget === null) return true;
    value = proxyTarget;
  }
  if (typeof value.toString !== 'function') return true;
  if (ObjectPrototypeHasOwnProperty(value, 'toString')) return false;
  let pointer = value;
  do {
    pointer = ObjectGetPrototypeOf(pointer);
  } while (!ObjectPrototypeHasOwnProperty(pointer, 'toString'));
  const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' &&
    builtInObjects.has(descriptor.value.name);
}

// JSON text of a primitive string without entering JSON.stringify, whose setup
// costs more than the work for a short string: only when no character needs an
// escape (controls, '"', '\\', surrogates that might be lone).
function jsonString(string) {
  const length = string.length;
  if (length > 256) return JSONStringify(string);
  for (let i = 0; i < length; i++) {
    const code = StringPrototypeCharCodeAt(string, i);
    if (code < 0x20 || code === 34 || code === 92 || (code >= 0xd800 && code <= 0xdfff)) {
      return JSONStringify(string);
    }
  }
  return `"${string}"`;
}

// %j: primitives as JSON.stringify writes them; objects (toJSON, cycles) through it.
function formatJson(arg) {
  switch (typeof arg) {
    case 'string': return jsonString(arg);
    case 'number': return NumberIsFinite(arg) ? `${arg}` : 'null';
    case 'boolean': return arg ? 'true' : 'false';
    case 'undefined': return undefined;
  }
  if (arg === null) return 'null';
  return tryStringify(arg);
}

function formatNumberPlain(number, inspectOptions) {
  if (numericSeparator(inspectOptions)) return formatNumber(stylizeNoColor, number, true);
  if (number === 0 && 1 / number < 0) return '-0';
  return `${number}`;
}

// %s
function formatString(arg, inspectOptions) {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return formatNumberPlain(arg, inspectOptions);
  if (typeof arg === 'bigint') return formatBigIntNoColor(arg, inspectOptions);
  if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) return String(arg);
  return inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
}

// One directive (its letter's char code) applied to its argument.
function formatDirective(code, arg, inspectOptions) {
  switch (code) {
    case 115: return formatString(arg, inspectOptions); // 's'
    case 106: return formatJson(arg); // 'j'
    case 100: // 'd'
      if (typeof arg === 'number') return formatNumberPlain(arg, inspectOptions);
      if (typeof arg === 'bigint') return formatBigIntNoColor(arg, inspectOptions);
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumberPlain(Number(arg), inspectOptions);
    case 79: return inspect(arg, inspectOptions); // 'O'
    case 111: // 'o'
      return inspect(arg, { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
    case 105: // 'i'
      if (typeof arg === 'bigint') return formatBigIntNoColor(arg, inspectOptions);
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumberPlain(NumberParseInt(arg), inspectOptions);
    case 102: // 'f'
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumberPlain(NumberParseFloat(arg), inspectOptions);
    default: // 'c': the CSS is consumed and ignored.
      return '';
  }
}

// A format string read once into the literal text between its directives
// (`pieces`, "%%" already turned into "%") and the directives' letters as char
// codes (`codes`, one fewer). `directives` is false when the string holds no
// directive and no "%%": then it is printed as a plain first argument.
class FormatTemplate {
  constructor(pieces, codes, directives) {
    this.pieces = pieces;
    this.codes = codes;
    this.directives = directives;
  }
}

function parseFormat(string) {
  const pieces = [];
  const codes = [];
  let directives = false;
  let piece = '';
  let lastPos = 0;
  // A '%' in the last place is plain text.
  for (let i = 0; i < string.length - 1; i++) {
    if (StringPrototypeCharCodeAt(string, i) !== 37) continue; // '%'
    const code = StringPrototypeCharCodeAt(string, ++i);
    switch (code) {
      case 115: case 106: case 100: case 79: case 111: case 105: case 102: case 99:
        ArrayPrototypePush(pieces, piece + StringPrototypeSlice(string, lastPos, i - 1));
        ArrayPrototypePush(codes, code);
        piece = '';
        break;
      case 37: // "%%"
        piece += StringPrototypeSlice(string, lastPos, i);
        break;
      default: // an unknown letter stays as written, and is not read as a '%'
        continue;
    }
    directives = true;
    lastPos = i + 1;
  }
  ArrayPrototypePush(pieces, piece + StringPrototypeSlice(string, lastPos));
  return new FormatTemplate(pieces, codes, directives);
}

// Callers pass the same few literal format strings over and over (logging call
// sites), so each is read once: the last four are compared first, then a map of
// recent ones, emptied when full; long strings are not kept, to bound memory.
const kMaxCachedFormatLength = 1024;
const kMaxCachedFormats = 128;
const formatTemplates = new SafeMap();
const kRecentFormats = 4; // a power of two
const emptyTemplate = parseFormat('');
const recentStrings = ['', '', '', ''];
const recentTemplates = [emptyTemplate, emptyTemplate, emptyTemplate, emptyTemplate];
let recentNext = 0;

function formatTemplate(string) {
  for (let k = 0; k < kRecentFormats; k++) {
    if (recentStrings[k] === string) return recentTemplates[k];
  }
  let template = formatTemplates.get(string);
  if (template === undefined) {
    template = parseFormat(string);
    if (string.length > kMaxCachedFormatLength) return template;
    if (formatTemplates.size >= kMaxCachedFormats) formatTemplates.clear();
    formatTemplates.set(string, template);
  }
  recentStrings[recentNext] = string;
  recentTemplates[recentNext] = template;
  recentNext = (recentNext + 1) & (kRecentFormats - 1);
  return template;
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  const argc = args.length;
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (argc === 1) return first;
    const template = formatTemplate(first);
    if (template.directives) {
      const { pieces, codes } = template;
      str = pieces[0];
      for (let k = 0; k < codes.length; k++) {
        const code = codes[k];
        // Once the arguments run out, the rest of the directives stay as written.
        if (a + 1 < argc) {
          str += formatDirective(code, args[++a], inspectOptions);
        } else {
          str += '%';
          str += StringFromCharCode(code);
        }
        str += pieces[k + 1];
      }
      a++;
      join = ' ';
    }
  }
  while (a < argc) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  const { validateObject, kValidateObjectAllowArray } = require('internal/validators');
  validateObject(inspectOptions, 'inspectOptions', kValidateObjectAllowArray);
  return formatWithOptionsInternal(inspectOptions, args);
}

module.exports = { format, formatWithOptions, formatWithOptionsInternal };
