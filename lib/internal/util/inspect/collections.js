'use strict';
// Kind-specific parts of util.inspect: array/typed-array/Set/Map entries,
// iterators, weak collections, promises, ArrayBuffer bytes, functions, boxed
// primitives and errors. The recursive core (formatValue etc.) is handed in by
// internal/util/inspect through init(), because the two depend on each other.
//
// internalBinding('util') functions used:
//   getPromiseDetails(promise) -> [state, result]; state 0 pending, 1 fulfilled, 2 rejected
//   previewEntries(obj, true) -> [entries, isKeyValue] for Map/Set iterators and
//       WeakMap/WeakSet; key/value entries are flat: [k0, v0, k1, v1, ...]

const {
  ArrayPrototypePush, ArrayPrototypeSort, ArrayPrototypeSplice, BigIntPrototypeValueOf,
  BooleanPrototypeValueOf, FunctionPrototypeToString, MathMax, MathMin, NumberPrototypeValueOf,
  ObjectGetPrototypeOf, ObjectKeys, ObjectPrototypeHasOwnProperty, SafeArrayIterator,
  SafeMapIterator, SafeSetIterator, StringPrototypeEndsWith, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeLastIndexOf, StringPrototypePadStart, StringPrototypeSlice,
  StringPrototypeStartsWith, StringPrototypeToLowerCase, StringPrototypeValueOf,
  SymbolPrototypeValueOf,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');

const { getPromiseDetails, previewEntries } = internalBinding('util');
const types = require('internal/util/types');
const {
  formatNumber, formatBigInt, formatPrimitive, stylizeNoColor,
} = require('internal/util/inspect/primitives');

let core;
function init(c) { core = c; }

const kPending = 0;
const kRejected = 2;
const kWeak = 0;
const kIterator = 1;
const kMapEntries = 2;

function moreItems(remaining) {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function formatArray(ctx, value, recurseTimes) {
  const valLen = value.length;
  const len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
  const remaining = valLen - len;
  const output = [];
  for (let i = 0; i < len; i++) {
    // Holes switch to the slower path that counts empty items.
    if (!ObjectPrototypeHasOwnProperty(value, i)) {
      return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
    }
    output[i] = core.formatProperty(ctx, value, recurseTimes, i, core.kArrayType);
  }
  if (remaining > 0) output[len] = moreItems(remaining);
  return output;
}

const numberRegExp = /^(0|[1-9][0-9]*)$/;

function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
  const keys = ObjectKeys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!regExpTest(numberRegExp, key)) break;
      const emptyItems = tmp - index;
      const message = `<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`;
      ArrayPrototypePush(output, ctx.stylize(message, 'undefined'));
      index = tmp;
      if (output.length === maxLength) break;
    }
    ArrayPrototypePush(output, core.formatProperty(ctx, value, recurseTimes, key, core.kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      ArrayPrototypePush(output, ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    ArrayPrototypePush(output, moreItems(remaining));
  }
  return output;
}

function formatTypedArray(value, length, ctx, ignored, recurseTimes) {
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const remaining = value.length - maxLength;
  const output = new Array(maxLength);
  const elementFormatter = value.length > 0 && typeof value[0] === 'number'
    ? formatNumber : formatBigInt;
  for (let i = 0; i < maxLength; ++i) {
    output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
  }
  if (remaining > 0) output[maxLength] = moreItems(remaining);
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of new SafeArrayIterator(['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'])) {
      const str = core.formatValue(ctx, value[key], recurseTimes, true);
      ArrayPrototypePush(output, `[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatSet(value, ctx, ignored, recurseTimes) {
  const length = value.size;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length === undefined ? Infinity : length);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of new SafeSetIterator(value)) {
    if (i >= maxLength) break;
    ArrayPrototypePush(output, core.formatValue(ctx, v, recurseTimes));
    i++;
  }
  if (length !== undefined && length - maxLength > 0) ArrayPrototypePush(output, moreItems(length - maxLength));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(value, ctx, ignored, recurseTimes) {
  const length = value.size;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length === undefined ? Infinity : length);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const { 0: k, 1: v } of new SafeMapIterator(value)) {
    if (i >= maxLength) break;
    ArrayPrototypePush(output, `${core.formatValue(ctx, k, recurseTimes)} => ${core.formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (length !== undefined && length - maxLength > 0) ArrayPrototypePush(output, moreItems(length - maxLength));
  ctx.indentationLvl -= 2;
  return output;
}

function getIteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const { 0: entries, 1: isKeyValue } = previewEntries(value, true);
  if (isKeyValue) {
    braces[0] = regExpReplace(braces[0], / Iterator] {$/, ' Entries] {');
    return formatMapIterInner(ctx, recurseTimes, entries, kMapEntries);
  }
  return formatSetIterInner(ctx, recurseTimes, entries, kIterator);
}

function formatSetIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
  const maxLength = MathMin(maxArrayLength, entries.length);
  const output = new Array(maxLength);
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) output[i] = core.formatValue(ctx, entries[i], recurseTimes);
  ctx.indentationLvl -= 2;
  // Weak collections have no stable order; sorting keeps output deterministic.
  if (state === kWeak && !ctx.sorted) ArrayPrototypeSort(output);
  const remaining = entries.length - maxLength;
  if (remaining > 0) ArrayPrototypePush(output, moreItems(remaining));
  return output;
}

function formatMapIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
  const len = entries.length / 2;
  const remaining = len - maxArrayLength;
  const maxLength = MathMin(maxArrayLength, len);
  const output = new Array(maxLength);
  ctx.indentationLvl += 2;
  if (state === kWeak) {
    for (let i = 0; i < maxLength; i++) {
      const pos = i * 2;
      output[i] = `${core.formatValue(ctx, entries[pos], recurseTimes)} => ${
        core.formatValue(ctx, entries[pos + 1], recurseTimes)}`;
    }
    if (!ctx.sorted) ArrayPrototypeSort(output);
  } else {
    for (let i = 0; i < maxLength; i++) {
      const pos = i * 2;
      const res = [core.formatValue(ctx, entries[pos], recurseTimes),
        core.formatValue(ctx, entries[pos + 1], recurseTimes)];
      output[i] = core.reduceToSingleString(ctx, res, '', ['[', ']'], core.kArrayExtrasType, recurseTimes);
    }
  }
  ctx.indentationLvl -= 2;
  if (remaining > 0) ArrayPrototypePush(output, moreItems(remaining));
  return output;
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatWeakSet(ctx, value, recurseTimes) {
  return formatSetIterInner(ctx, recurseTimes, previewEntries(value, true)[0], kWeak);
}

function formatWeakMap(ctx, value, recurseTimes) {
  return formatMapIterInner(ctx, recurseTimes, previewEntries(value, true)[0], kWeak);
}

function formatPromise(ctx, value, recurseTimes) {
  const { 0: state, 1: result } = getPromiseDetails(value);
  if (state === kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = core.formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === kRejected ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatByteLength(ctx, value) {
  return formatNumber(ctx.stylize, value.byteLength, false);
}

function formatArrayBuffer(ctx, value) {
  let buffer;
  try {
    buffer = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = MathMin(ctx.maxArrayLength, buffer.length);
  let str = '';
  for (let i = 0; i < shown; i++) {
    str += (i === 0 ? '' : ' ') + StringPrototypePadStart(buffer[i].toString(16), 2, '0');
  }
  const remaining = buffer.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatNamespaceObject(keys, ctx, value, recurseTimes) {
  const output = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    try {
      output[i] = core.formatProperty(ctx, value, recurseTimes, keys[i], core.kObjectType);
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      // A binding still in its temporal dead zone.
      const tmp = { [keys[i]]: '' };
      output[i] = core.formatProperty(ctx, tmp, recurseTimes, keys[i], core.kObjectType);
      const pos = StringPrototypeLastIndexOf(output[i], ' ');
      output[i] = StringPrototypeSlice(output[i], 0, pos + 1) + ctx.stylize('<uninitialized>', 'special');
    }
  }
  keys.length = 0;
  return output;
}

const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;
const classRegExp = /^(\s+[^(]*?)\s*{/;

function getClassBase(value, constructor, tag) {
  const hasName = ObjectPrototypeHasOwnProperty(value, 'name');
  const name = (hasName && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getFunctionBase(value, constructor, tag) {
  const stringified = FunctionPrototypeToString(value);
  if (StringPrototypeStartsWith(stringified, 'class') && StringPrototypeEndsWith(stringified, '}')) {
    const slice = StringPrototypeSlice(stringified, 5, -1);
    const bracketIndex = StringPrototypeIndexOf(slice, '{');
    if (bracketIndex !== -1 &&
        (!StringPrototypeIncludes(StringPrototypeSlice(slice, 0, bracketIndex), '(') ||
         regExpTest(classRegExp, regExpReplace(slice, stripCommentsRegExp, '')))) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  if (types.isGeneratorFunction(value)) type = `Generator${type}`;
  if (types.isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '') base += ' (anonymous)';
  else base += `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let fn; let type;
  if (types.isNumberObject(value)) { fn = NumberPrototypeValueOf; type = 'Number'; }
  else if (types.isStringObject(value)) {
    fn = StringPrototypeValueOf;
    type = 'String';
    // The index keys of a String object are its characters; they are not shown.
    ArrayPrototypeSplice(keys, 0, value.length);
  } else if (types.isBooleanObject(value)) { fn = BooleanPrototypeValueOf; type = 'Boolean'; }
  else if (types.isBigIntObject(value)) { fn = BigIntPrototypeValueOf; type = 'BigInt'; }
  else { fn = SymbolPrototypeValueOf; type = 'Symbol'; }
  let base = `[${type}`;
  if (type !== constructor) {
    if (constructor === null) base += ' (null prototype)';
    else base += ` (${constructor})`;
  }
  base += `: ${formatPrimitive(stylizeNoColor, fn(value), ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, StringPrototypeToLowerCase(type));
}

module.exports = {
  init, formatArray, formatTypedArray, formatSet, formatMap, getIteratorBraces,
  formatIterator, formatWeakCollection, formatWeakSet, formatWeakMap, formatPromise,
  formatArrayBuffer, formatByteLength, formatNamespaceObject, getFunctionBase, getBoxedBase,
  formatError: (...args) => require('internal/util/inspect/errors').formatError(...args),
};
