'use strict';
// util.format / util.formatWithOptions: printf-like %s %d %i %f %j %o %O %c %%,
// with the remaining arguments appended (strings as-is, others inspected).
//
// internalBinding('util') functions used: getProxyDetails (see inspect.js).

const {
  JSONStringify, NumberParseFloat, NumberParseInt, ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf, ObjectPrototypeHasOwnProperty, StringPrototypeCharCodeAt,
  StringPrototypeSlice, StringPrototypeSplit,
} = primordials;

const { getProxyDetails } = internalBinding('util');
const { inspect, inspectDefaultOptions, builtInObjects } = require('internal/util/inspect');
const { formatNumber, formatBigInt, stylizeNoColor } = require('internal/util/inspect/primitives');

// %d %i %f %s numbers: separated when the options, else inspect.defaultOptions, say so.
function numericSeparator(inspectOptions) {
  return inspectOptions?.numericSeparator ?? inspectDefaultOptions.numericSeparator;
}
function formatNumberNoColor(number, inspectOptions) {
  return formatNumber(stylizeNoColor, number, numericSeparator(inspectOptions));
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

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (StringPrototypeCharCodeAt(first, i) !== 37) continue; // '%'
      const nextChar = StringPrototypeCharCodeAt(first, ++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            const tempArg = args[++a];
            if (typeof tempArg === 'number') tempStr = formatNumberNoColor(tempArg, inspectOptions);
            else if (typeof tempArg === 'bigint') tempStr = formatBigIntNoColor(tempArg, inspectOptions);
            else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) {
              tempStr = String(tempArg);
            } else {
              tempStr = inspect(tempArg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
            }
            break;
          }
          case 106: tempStr = tryStringify(args[++a]); break; // 'j'
          case 100: { // 'd'
            const tempNum = args[++a];
            if (typeof tempNum === 'bigint') tempStr = formatBigIntNoColor(tempNum, inspectOptions);
            else if (typeof tempNum === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(Number(tempNum), inspectOptions);
            break;
          }
          case 79: tempStr = inspect(args[++a], inspectOptions); break; // 'O'
          case 111: // 'o'
            tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
            break;
          case 105: { // 'i'
            const tempInteger = args[++a];
            if (typeof tempInteger === 'bigint') tempStr = formatBigIntNoColor(tempInteger, inspectOptions);
            else if (typeof tempInteger === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(NumberParseInt(tempInteger), inspectOptions);
            break;
          }
          case 102: { // 'f'
            const tempFloat = args[++a];
            if (typeof tempFloat === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(NumberParseFloat(tempFloat), inspectOptions);
            break;
          }
          case 99: // 'c': CSS is consumed and ignored.
            a += 1;
            tempStr = '';
            break;
          case 37: // '%'
            str += StringPrototypeSlice(first, lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += StringPrototypeSlice(first, lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += StringPrototypeSlice(first, lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += StringPrototypeSlice(first, lastPos);
    }
  }
  while (a < args.length) {
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
