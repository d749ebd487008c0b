'use strict';
// util.inspect / util.format: turns any value into the same text Node prints.
// This file holds the options and the recursion (formatValue/formatRaw,
// properties). Line layout is in inspect/layout.js, kind-specific formatters in
// inspect/collections.js and inspect/errors.js, escaping and numbers in
// inspect/primitives.js, own keys and name prefixes in inspect/keys.js, format()
// in inspect/format.js.
//
// internalBinding('util') functions used:
//   getProxyDetails(value, showProxy) -> undefined when not a proxy; else
//       [target, handler] when showProxy is true, or target alone when false
//       (null target/handler for a revoked proxy)
//   getConstructorName(obj) -> string (V8's class name for the receiver)
// (collections.js additionally uses getPromiseDetails and previewEntries.)

const {
  ArrayIsArray, ArrayPrototypeFilter, ArrayPrototypePush,
  ArrayPrototypeSlice, ArrayPrototypeSort, ArrayPrototypeUnshift, DatePrototypeGetTime,
  DatePrototypeToISOString, DatePrototypeToString, FunctionPrototypeBind, FunctionPrototypeCall,
  MapPrototypeGetSize, NumberIsNaN, ObjectAssign, ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames,
  ObjectGetPrototypeOf, ObjectKeys, ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable, ObjectSeal, ObjectSetPrototypeOf, ReflectOwnKeys,
  RegExpPrototypeToString, SafeArrayIterator, SafeMap, SafeSet, SetPrototypeGetSize,
  StringPrototypeCharCodeAt, StringPrototypeRepeat, StringPrototypeReplaceAll, StringPrototypeSlice,
  SymbolFor, SymbolIterator, SymbolToStringTag,
} = primordials;
const { regExpTest } = require('internal/util/regexp');

const { getProxyDetails, getConstructorName: internalGetConstructorName } =
  internalBinding('util');
const types = require('internal/util/types');
const {
  colors, styles, stylizeWithColor, stylizeNoColor, formatPrimitive, getStringWidth,
  strEscape, escapeNoQuotes, symbolToString,
} = require('internal/util/inspect/primitives');
const collections = require('internal/util/inspect/collections');
const { reduceToSingleString } = require('internal/util/inspect/layout');
const {
  getCtxName, getKeys, getOwnNonIndexProperties, getPrefix, isInstanceof,
} = require('internal/util/inspect/keys');

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
const objectPrototype = primordials.Object.prototype;
const functionPrototype = primordials.Function.prototype;

const inspectDefaultOptions = ObjectSeal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

// A key printed without quotes: [a-zA-Z_][a-zA-Z_0-9]*.
function isPlainKey(key) {
  const len = key.length;
  if (len === 0) return false;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) continue;
    if (i > 0 && c >= 48 && c <= 57) continue;
    return false;
  }
  return true;
}

// Constructors whose instances need no "<Complex prototype>"-style detail.
const builtInObjects = new SafeSet(new SafeArrayIterator(ArrayPrototypeFilter(
  ObjectGetOwnPropertyNames(globalThis), (e) => regExpTest(/^[A-Z][a-zA-Z0-9]+$/, e))));

function isError(e) {
  return types.isNativeError(e) || e instanceof Error;
}

function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    // The objects being formatted, outermost first: seen[0 .. seenDepth - 1]. A
    // depth instead of push/pop, which V8 10.2 leaves as builtin calls (and pop to
    // its C++ side) when uncurried.
    seen: [],
    seenDepth: 0,
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    // Legacy signature: inspect(value, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      const optKeys = ObjectKeys(opts);
      for (let i = 0; i < optKeys.length; i++) {
        const key = optKeys[i];
        if (ObjectPrototypeHasOwnProperty(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          // Unknown options are handed on to custom inspect functions.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}
inspect.custom = customInspectSymbol;

ObjectDefineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() { return inspectDefaultOptions; },
  set(options) {
    const { validateObject } = require('internal/validators');
    validateObject(options, 'options');
    return ObjectAssign(inspectDefaultOptions, options);
  },
});
inspect.colors = colors;
inspect.styles = styles;

function getUserOptions(ctx, isCrossContext) {
  const ret = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  if (isCrossContext) {
    ObjectSetPrototypeOf(ret, null);
    const retKeys = ObjectKeys(ret);
    for (let i = 0; i < retKeys.length; i++) {
      const key = retKeys[i];
      if ((typeof ret[key] === 'object' || typeof ret[key] === 'function') && ret[key] !== null) {
        delete ret[key];
      }
    }
    ret.stylize = ObjectSetPrototypeOf((value, flavour) => {
      let stylized;
      try { stylized = `${ctx.stylize(value, flavour)}`; } catch { /* ignore */ }
      if (typeof stylized !== 'string') return value;
      return stylized;
    }, null);
  }
  return ret;
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  const context = value;
  // isProxy is a fast API call; getProxyDetails a full native call.
  const proxy = types.isProxy(value) ? getProxyDetails(value, !!ctx.showProxy) : undefined;
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy;
  }

  if (ctx.customInspect) {
    const maybeCustom = value[customInspectSymbol];
    if (typeof maybeCustom === 'function' && maybeCustom !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const isCrossContext = proxy !== undefined || !(context instanceof Object);
      const ret = FunctionPrototypeCall(maybeCustom, context, depth, getUserOptions(ctx, isCrossContext), inspect);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return StringPrototypeReplaceAll(ret, '\n', `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
      }
    }
  }

  if (isBeingFormatted(ctx, value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new SafeMap();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function isBeingFormatted(ctx, value) {
  const seen = ctx.seen;
  for (let i = ctx.seenDepth - 1; i >= 0; i--) {
    if (seen[i] === value) return true;
  }
  return false;
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) return ctx.stylize('Proxy [Array]', 'special');
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const res = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

// The name of the nearest constructor in the prototype chain; for objects whose
// chain has none, V8's class name plus a description of the prototype.
// With `protoProps` (an array; showHidden only), the non-method properties of
// user-defined prototypes on the way are formatted into it, as Node shows them.
function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const tmp = obj;
  while (obj) {
    // Reached as a prototype, Object.prototype names the object 'Object' and
    // Function.prototype 'Function', whatever their `constructor` now is, as node 20
    // has it (no descriptor read, no instanceof).
    if (obj !== tmp && (obj === objectPrototype || obj === functionPrototype)) {
      if (protoProps !== undefined && firstProto !== obj) {
        addPrototypeProperties(ctx, tmp, firstProto, recurseTimes, protoProps);
      }
      return obj === objectPrototype ? 'Object' : 'Function';
    }
    const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '' &&
        isInstanceof(tmp, descriptor.value, obj === firstProto && !types.isProxy(tmp) ? obj : undefined)) {
      if (protoProps !== undefined && (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
        addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;
  const res = internalGetConstructorName(tmp);
  if (recurseTimes > ctx.depth && ctx.depth !== null) return `${res} <Complex prototype>`;
  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1);
  if (protoConstr === null) {
    return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
  }
  return `${res} <${protoConstr}>`;
}

// Walks at most three prototypes from `proto`, stopping at a built-in's prototype;
// a key already shown (own, or on a nearer prototype) and methods are skipped.
function addPrototypeProperties(ctx, main, proto, recurseTimes, output) {
  const shown = new SafeSet();
  for (let level = 0; level < 3; level++) {
    if (level !== 0 || proto === main) {
      proto = ObjectGetPrototypeOf(proto);
      if (proto === null) return;
      const descriptor = ObjectGetOwnPropertyDescriptor(proto, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' &&
          builtInObjects.has(descriptor.value.name)) {
        return;
      }
    }
    const keys = ReflectOwnKeys(proto);
    const seenDepth = ctx.seenDepth;
    ctx.seen[seenDepth] = main;
    ctx.seenDepth = seenDepth + 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'constructor' || shown.has(key) || ObjectPrototypeHasOwnProperty(main, key)) continue;
      const desc = ObjectGetOwnPropertyDescriptor(proto, key);
      if (typeof desc.value === 'function') continue;
      const str = formatProperty(ctx, proto, recurseTimes, key, kObjectType, desc, main);
      ArrayPrototypePush(output, ctx.colors ? `\u001b[2m${str}\u001b[22m` : str);
    }
    ctx.seenDepth = seenDepth;
    for (let i = 0; i < keys.length; i++) shown.add(keys[i]);
  }
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];
  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;
  let tag = value[SymbolToStringTag];
  // The tag is shown only when it is not already printed as a property.
  if (typeof tag !== 'string' ||
      (tag !== '' && (ctx.showHidden ? ObjectPrototypeHasOwnProperty
        : ObjectPrototypePropertyIsEnumerable)(value, SymbolToStringTag))) {
    tag = '';
  }
  let base = '';
  let formatter = getEmptyFormatArray;
  let braces;
  let noIterator = true;
  let extrasType = kObjectType;
  const C = collections;

  if (value[SymbolIterator] || constructor === null) {
    noIterator = false;
    if (ArrayIsArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '')
        ? getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      keys = getOwnNonIndexProperties(value, ctx.showHidden);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && (keys.length === 0 && protoProps === undefined)) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = C.formatArray;
    } else if (types.isSet(value)) {
      const size = SetPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = FunctionPrototypeBind(C.formatSet, null, value);
      if (size === 0 && (keys.length === 0 && protoProps === undefined)) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isMap(value)) {
      const size = MapPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = FunctionPrototypeBind(C.formatMap, null, value);
      if (size === 0 && (keys.length === 0 && protoProps === undefined)) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isTypedArray(value)) {
      keys = getOwnNonIndexProperties(value, ctx.showHidden);
      let bound = value;
      let fallback = '';
      if (constructor === null) {
        fallback = types.typedArrayTag(value);
        bound = new globalThis[fallback](value);
      }
      const size = bound.length;
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && (keys.length === 0 && protoProps === undefined) && !ctx.showHidden) return `${braces[0]}]`;
      formatter = FunctionPrototypeBind(C.formatTypedArray, null, bound, size);
      extrasType = kArrayExtrasType;
    } else if (types.isMapIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = C.getIteratorBraces('Map', tag);
      formatter = FunctionPrototypeBind(C.formatIterator, null, braces);
    } else if (types.isSetIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = C.getIteratorBraces('Set', tag);
      formatter = FunctionPrototypeBind(C.formatIterator, null, braces);
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (constructor === 'Object') {
      if (types.isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = C.getFunctionBase(value, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (types.isRegExp(value)) {
      base = RegExpPrototypeToString(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if ((keys.length === 0 && protoProps === undefined) || (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (types.isDate(value)) {
      base = NumberIsNaN(DatePrototypeGetTime(value))
        ? DatePrototypeToString(value) : DatePrototypeToISOString(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (isError(value)) {
      base = C.formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (types.isAnyArrayBuffer(value)) {
      const arrayType = types.isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) {
        formatter = C.formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        return `${prefix}{ byteLength: ${C.formatByteLength(ctx, value)} }`;
      }
      braces[0] = `${prefix}{`;
      ArrayPrototypeUnshift(keys, 'byteLength');
    } else if (types.isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      ArrayPrototypeUnshift(keys, 'byteLength', 'byteOffset', 'buffer');
    } else if (types.isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = C.formatPromise;
    } else if (types.isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = ctx.showHidden ? C.formatWeakSet : C.formatWeakCollection;
    } else if (types.isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = ctx.showHidden ? C.formatWeakMap : C.formatWeakCollection;
    } else if (types.isModuleNamespaceObject(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
      formatter = FunctionPrototypeBind(C.formatNamespaceObject, null, keys);
    } else if (types.isBoxedPrimitive(value)) {
      base = C.getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else {
      if (keys.length === 0 && protoProps === undefined) {
        if (types.isExternal(value)) return ctx.stylize('[External: <address>]', 'special');
        return `${getCtxName(value, constructor, tag)}{}`;
      }
      braces[0] = `${getCtxName(value, constructor, tag)}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let constructorName = StringPrototypeSlice(getCtxName(value, constructor, tag), 0, -1);
    if (constructor !== null) constructorName = `[${constructorName}]`;
    return ctx.stylize(constructorName, 'special');
  }
  recurseTimes += 1;
  // Indexed stores instead of push() on these arrays (lib's own): TurboFan
  // inlines a store, while the uncurried push stays a builtin call per entry.
  const seenDepth = ctx.seenDepth;
  ctx.seen[seenDepth] = value;
  ctx.seenDepth = seenDepth + 1;
  ctx.currentDepth = recurseTimes;
  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      output[output.length] = formatProperty(ctx, value, recurseTimes, keys[i], extrasType);
    }
    if (protoProps !== undefined) {
      for (let i = 0; i < protoProps.length; i++) ArrayPrototypePush(output, protoProps[i]);
    }
  } catch (err) {
    const constructorName = StringPrototypeSlice(getCtxName(value, constructor, tag), 0, -1);
    return handleMaxCallStackSize(ctx, err, constructorName, indentationLvl, seenDepth);
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
      else braces[0] = `${reference} ${braces[0]}`;
    }
  }
  ctx.seenDepth = seenDepth;
  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      ArrayPrototypeSort(output, comparator);
    } else if (keys.length > 1) {
      const start = output.length - keys.length;
      const sorted = ArrayPrototypeSort(ArrayPrototypeSlice(output, start), comparator);
      for (let i = 0; i < sorted.length; i++) output[start + i] = sorted[i];
    }
  }
  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  // Past 128 MiB of output at one level, stop descending (like Node) so huge
  // graphs cannot exhaust memory.
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function getEmptyFormatArray() { return []; }

function handleMaxCallStackSize(ctx, err, constructorName, indentationLvl, seenDepth) {
  if (err instanceof RangeError && regExpTest(/call stack size/, err.message)) {
    ctx.seenDepth = seenDepth;
    ctx.indentationLvl = indentationLvl;
    return ctx.stylize(`[${constructorName}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`, 'special');
  }
  throw err;
}

function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  let name; let str;
  let extra = ' ';
  desc = desc || ObjectGetOwnPropertyDescriptor(value, key) ||
    { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      extra = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const sp = 'special';
    const getters = ctx.getters || C_isNodeError(original);
    if (getters && (getters === true || (getters === 'get' && desc.set === undefined) ||
        (getters === 'set' && desc.set !== undefined))) {
      try {
        const tmp = FunctionPrototypeCall(desc.get, original);
        ctx.indentationLvl += 2;
        if (tmp === null) str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
        else if (typeof tmp === 'object') str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        else str = `${s(`[${label}:`, sp)} ${formatPrimitive(s, tmp, ctx)}${s(']', sp)}`;
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `${s(`[${label}:`, sp)} <Inspection threw (${err.message})>${s(']', sp)}`;
      }
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(escapeNoQuotes(symbolToString(key)), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${escapeNoQuotes(key)}]`;
  } else if (isPlainKey(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(key), 'string');
  }
  return `${name}:${extra}${str}`;
}

// Node's own SystemErrors show their accessor values ("[Getter/Setter: 21]").
let kIsNodeError;
function C_isNodeError(obj) {
  if (kIsNodeError === undefined) kIsNodeError = require('internal/errors').kIsNodeError;
  return obj !== null && typeof obj === 'object' && obj[kIsNodeError] === true;
}

module.exports = {
  inspect, inspectDefaultOptions, formatValue, formatProperty, reduceToSingleString,
  getPrefix, getKeys, isError, builtInObjects, customInspectSymbol,
  kObjectType, kArrayType, kArrayExtrasType,
};
collections.init(module.exports);
const fmt = require('internal/util/inspect/format');
module.exports.format = fmt.format;
module.exports.formatWithOptions = fmt.formatWithOptions;
module.exports.stripVTControlCharacters = require('internal/util/inspect/primitives').stripVTControlCharacters;
module.exports.getStringWidth = getStringWidth;
