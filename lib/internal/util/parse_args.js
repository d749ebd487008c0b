'use strict';
// util.parseArgs: command-line parsing with Node's semantics (short groups,
// --opt=value, `--` terminator, tokens, defaults, strict-mode errors).
//
// internalBinding functions used: none. Reads process.argv / process.execArgv.

const {
  ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeUnshift, ObjectEntries,
  ObjectPrototypeHasOwnProperty, SafeArrayIterator, StringPrototypeStartsWith,
} = primordials;
const { includesIn, indexOfIn, sliceOf } = require('internal/util/either');

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION, ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');
const {
  validateArray, validateBoolean, validateBooleanArray, validateObject, validateString,
  validateStringArray,
} = require('internal/validators');

const hasOwn = (obj, key) => ObjectPrototypeHasOwnProperty(obj, key);
function objectGetOwn(obj, prop) { if (obj != null && hasOwn(obj, prop)) return obj[prop]; }
function optionsGetOwn(options, longOption, prop) {
  if (hasOwn(options, longOption)) return objectGetOwn(options[longOption], prop);
}

// The script's own arguments: after the script path, or after the node
// flags when the code came from -e/-p.
function getMainArgs() {
  const execArgv = process.execArgv || [];
  if (includesIn(execArgv, '-e') || includesIn(execArgv, '--eval') ||
      includesIn(execArgv, '-p') || includesIn(execArgv, '--print')) {
    return sliceOf(process.argv, 1);
  }
  return sliceOf(process.argv, 2);
}

function isLoneShortOption(arg) { return arg.length === 2 && arg[0] === '-' && arg[1] !== '-'; }
function isLoneLongOption(arg) { return arg.length > 2 && StringPrototypeStartsWith(arg, '--') && !includesIn(arg, '=', 3); }
function isLongOptionAndValue(arg) { return arg.length > 2 && StringPrototypeStartsWith(arg, '--') && includesIn(arg, '=', 3); }
function isOptionValue(value) { return value != null; }
function isOptionLikeValue(value) { return value != null && value.length > 1 && value[0] === '-'; }

function findLongOptionForShort(shortOption, options) {
  for (const [longOption, optionConfig] of new SafeArrayIterator(ObjectEntries(options))) {
    if (objectGetOwn(optionConfig, 'short') === shortOption) return longOption;
  }
  return shortOption;
}

function isShortOptionGroup(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionsGetOwn(options, findLongOptionForShort(arg[1], options), 'type') !== 'string';
}

function isShortOptionAndValue(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionsGetOwn(options, findLongOptionForShort(arg[1], options), 'type') === 'string';
}

function validateUnion(value, name, union) {
  if (!includesIn(union, value)) throw new ERR_INVALID_ARG_TYPE(name, `('${ArrayPrototypeJoin(union, '|')}')`, value);
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    const example = StringPrototypeStartsWith(token.rawName, '--') ? `'${token.rawName}=-XYZ'`
      : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function checkOptionUsage(config, token) {
  if (!hasOwn(config.options, token.name)) {
    throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
  }
  const short = optionsGetOwn(config.options, token.name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${token.name}`;
  const type = optionsGetOwn(config.options, token.name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
}

function storeOption(longOption, optionValue, options, values) {
  if (longOption === '__proto__') return;
  // Stored by the given value, not the declared type: the author sees what was typed.
  const newValue = optionValue ?? true;
  if (optionsGetOwn(options, longOption, 'multiple')) {
    if (values[longOption] === undefined) values[longOption] = [newValue];
    else ArrayPrototypePush(values[longOption], newValue);
  } else {
    values[longOption] = newValue;
  }
}

function argsToTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remainingArgs = sliceOf(args);
  while (remainingArgs.length > 0) {
    const arg = ArrayPrototypeShift(remainingArgs);
    const nextArg = remainingArgs[0];
    if (groupCount > 0) groupCount--;
    else index++;

    if (arg === '--') {
      ArrayPrototypePush(tokens, { kind: 'option-terminator', index });
      for (const rest of new SafeArrayIterator(remainingArgs)) ArrayPrototypePush(tokens, { kind: 'positional', index: ++index, value: rest });
      break;
    }
    if (isLoneShortOption(arg)) {
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      let value; let inlineValue;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = ArrayPrototypeShift(remainingArgs);
        inlineValue = false;
      }
      ArrayPrototypePush(tokens, { kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isShortOptionGroup(arg, options)) {
      // -abc becomes -a -b -c; a string option inside takes the rest as its value.
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const shortOption = arg[i];
        const longOption = findLongOptionForShort(shortOption, options);
        if (optionsGetOwn(options, longOption, 'type') !== 'string' || i === arg.length - 1) {
          ArrayPrototypePush(expanded, `-${shortOption}`);
        } else {
          ArrayPrototypePush(expanded, `-${sliceOf(arg, i)}`);
          break;
        }
      }
      ArrayPrototypeUnshift(remainingArgs, ...expanded);
      groupCount = expanded.length;
      continue;
    }
    if (isShortOptionAndValue(arg, options)) {
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      ArrayPrototypePush(tokens, {
        kind: 'option', name: longOption, rawName: `-${shortOption}`, index,
        value: sliceOf(arg, 2), inlineValue: true,
      });
      continue;
    }
    if (isLoneLongOption(arg)) {
      const longOption = sliceOf(arg, 2);
      let value; let inlineValue;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = ArrayPrototypeShift(remainingArgs);
        inlineValue = false;
      }
      ArrayPrototypePush(tokens, { kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isLongOptionAndValue(arg)) {
      const equalIndex = indexOfIn(arg, '=');
      const longOption = sliceOf(arg, 2, equalIndex);
      ArrayPrototypePush(tokens, {
        kind: 'option', name: longOption, rawName: `--${longOption}`, index,
        value: sliceOf(arg, equalIndex + 1), inlineValue: true,
      });
      continue;
    }
    ArrayPrototypePush(tokens, { kind: 'positional', index, value: arg });
  }
  return tokens;
}

function parseArgs(config = {}) {
  const args = objectGetOwn(config, 'args') ?? getMainArgs();
  const strict = objectGetOwn(config, 'strict') ?? true;
  const allowPositionals = objectGetOwn(config, 'allowPositionals') ?? !strict;
  const returnTokens = objectGetOwn(config, 'tokens') ?? false;
  const options = objectGetOwn(config, 'options') ?? { __proto__: null };
  const parseConfig = { args, strict, options, allowPositionals };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateObject(options, 'options');
  for (const [longOption, optionConfig] of new SafeArrayIterator(ObjectEntries(options))) {
    validateObject(optionConfig, `options.${longOption}`);
    const optionType = objectGetOwn(optionConfig, 'type');
    validateUnion(optionType, `options.${longOption}.type`, ['string', 'boolean']);
    if (hasOwn(optionConfig, 'short')) {
      const shortOption = optionConfig.short;
      validateString(shortOption, `options.${longOption}.short`);
      if (shortOption.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${longOption}.short`, shortOption,
          'must be a single character');
      }
    }
    const multipleOption = objectGetOwn(optionConfig, 'multiple');
    if (hasOwn(optionConfig, 'multiple')) validateBoolean(multipleOption, `options.${longOption}.multiple`);
    const defaultValue = objectGetOwn(optionConfig, 'default');
    if (defaultValue !== undefined) {
      const validator = optionType === 'string'
        ? (multipleOption ? validateStringArray : validateString)
        : (multipleOption ? validateBooleanArray : validateBoolean);
      validator(defaultValue, `options.${longOption}.default`);
    }
  }

  const tokens = argsToTokens(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  for (const token of new SafeArrayIterator(tokens)) {
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(parseConfig, token);
        checkOptionLikeValue(token);
      }
      storeOption(token.name, token.value, options, result.values);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      ArrayPrototypePush(result.positionals, token.value);
    }
  }
  for (const [longOption, optionConfig] of new SafeArrayIterator(ObjectEntries(options))) {
    if (hasOwn(optionConfig, 'default') && result.values[longOption] === undefined &&
        longOption !== '__proto__') {
      result.values[longOption] = objectGetOwn(optionConfig, 'default');
    }
  }
  return result;
}

module.exports = { parseArgs };
