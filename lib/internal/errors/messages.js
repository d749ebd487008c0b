'use strict';
// The wording shared by Node's error messages: how a received value is described
// (`type string ('abc')`, `an instance of Foo`), ERR_INVALID_ARG_TYPE's list of
// expected types, and numbers with `_` separators.
//
// internal/util/inspect is required lazily: it throws errors built from these.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  RegExpPrototypeExec,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  TypeError,
} = primordials;

let inspectModule;
function inspect(v, opts) {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule.inspect(v, opts);
}

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object',
  'boolean', 'bigint', 'symbol'];
const classRegExp = /^([A-Z][a-z0-9]*)+$/;

function joinList(list, sep) {
  if (list.length > 2) {
    return `${ArrayPrototypeJoin(ArrayPrototypeSlice(list, 0, -1), ', ')}, ${sep} ${list[list.length - 1]}`;
  }
  if (list.length === 2) return `${list[0]} ${sep} ${list[1]}`;
  return list[0];
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${StringPrototypeSlice(val, i - 3, i)}${res}`;
  return `${StringPrototypeSlice(val, 0, i)}${res}`;
}

// Describes a received value: `null`, `function f`, `an instance of X`,
// `type string ('abc')`.
function determineSpecificType(value) {
  if (value == null) return '' + value;
  if (typeof value === 'function' && value.name !== undefined) return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && 'name' in value.constructor) {
      return `an instance of ${value.constructor.name}`;
    }
    return inspect(value, { depth: -1 });
  }
  return `type ${typeof value} (${inspect(value, { colors: false })})`;
}

function argDescription(name) {
  if (StringPrototypeEndsWith(name, ' argument')) return `The ${name} `;
  return `The "${name}" ${StringPrototypeIncludes(name, '.') ? 'property' : 'argument'} `;
}

function invalidArgTypeMessage(name, expected, actual) {
  if (typeof name !== 'string') throw new TypeError("'name' must be a string");
  if (!ArrayIsArray(expected)) expected = [expected];
  let msg = argDescription(name) + 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (let i = 0; i < expected.length; i++) {
    const value = expected[i];
    if (typeof value !== 'string') throw new TypeError('All expected entries have to be of type string');
    if (ArrayPrototypeIncludes(kTypes, value)) ArrayPrototypePush(types, StringPrototypeToLowerCase(value));
    else if (RegExpPrototypeExec(classRegExp, value) !== null) ArrayPrototypePush(instances, value);
    else ArrayPrototypePush(other, value);
  }
  // 'object' reads better as "an instance of Object" next to other classes.
  if (instances.length > 0) {
    const pos = ArrayPrototypeIndexOf(types, 'object');
    if (pos !== -1) { ArrayPrototypeSplice(types, pos, 1); ArrayPrototypePush(instances, 'Object'); }
  }
  if (types.length > 0) {
    msg += types.length > 1 ? `one of type ${joinList(types, 'or')}` : `of type ${types[0]}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${joinList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${joinList(other, 'or')}`;
    else {
      if (StringPrototypeToLowerCase(other[0]) !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  if (typeof actual === 'string' && actual.length > 28) actual = `${StringPrototypeSlice(actual, 0, 25)}...`;
  return `${msg}. Received ${determineSpecificType(actual)}`;
}

module.exports = { addNumericalSeparator, determineSpecificType, invalidArgTypeMessage };
