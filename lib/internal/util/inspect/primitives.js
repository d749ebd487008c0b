'use strict';
// Pieces of util.inspect that do not recurse: colors and styles, string quoting
// and escaping, number/bigint formatting, string width for column layout.
//
// internalBinding functions used: none.

const {
  ArrayPrototypeJoin, ArrayPrototypePush, MathTrunc, NumberIsFinite, NumberIsNaN, ObjectAssign,
  ObjectCreate, ObjectDefineProperty, ObjectIs, SafeArrayIterator, SafeStringIterator,
  StringPrototypeCharCodeAt, StringPrototypeCodePointAt, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeNormalize, StringPrototypePadStart, StringPrototypeRepeat,
  StringPrototypeSlice, StringPrototypeToUpperCase, SymbolPrototypeToString,
} = primordials;
const { regExpReplace } = require('internal/util/regexp');

const colors = ObjectAssign(ObjectCreate(null), {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24],
  blink: [5, 25], inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29],
  doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
  yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39],
  bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49],
  bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
  framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39],
  greenBright: [92, 39], yellowBright: [93, 39], blueBright: [94, 39],
  magentaBright: [95, 39], cyanBright: [96, 39], whiteBright: [97, 39], bgGray: [100, 49],
  bgRedBright: [101, 49], bgGreenBright: [102, 49], bgYellowBright: [103, 49],
  bgBlueBright: [104, 49], bgMagentaBright: [105, 49], bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
});
// Aliases are non-enumerable accessors so that listing the colors shows each once.
for (const [alias, target] of new SafeArrayIterator([['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'],
  ['bgBlackBright', 'bgGray'], ['faint', 'dim'], ['crossedout', 'strikethrough'],
  ['strikeThrough', 'strikethrough'], ['crossedOut', 'strikethrough'], ['conceal', 'hidden'],
  ['swapColors', 'inverse'], ['swapcolors', 'inverse'], ['doubleUnderline', 'doubleunderline']])) {
  ObjectDefineProperty(colors, alias, {
    __proto__: null,
    get() { return this[target]; },
    set(value) { this[target] = value; },
    configurable: true, enumerable: false,
  });
}

const styles = ObjectAssign(ObjectCreate(null), {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
  null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red',
  module: 'underline',
});

function stylizeWithColor(str, styleType) {
  const style = styles[styleType];
  if (style !== undefined) {
    const color = colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}
function stylizeNoColor(str) { return str; }

// Escape table for C0/C1 controls, the single quote and the backslash.
const meta = [];
for (let i = 0; i < 0xa0; i++) {
  if (i < 0x20 || (i >= 0x7f)) meta[i] = `\\x${StringPrototypePadStart(StringPrototypeToUpperCase(i.toString(16)), 2, '0')}`;
  else meta[i] = '';
}
meta[8] = '\\b'; meta[9] = '\\t'; meta[10] = '\\n'; meta[12] = '\\f'; meta[13] = '\\r';
meta[39] = "\\'"; meta[92] = '\\\\';

const loneSurrogate = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const escapeAll = new RegExp(`[\\x00-\\x1f\\x27\\x5c\\x7f-\\x9f]|${loneSurrogate}`, 'g');
const escapeNoQuote = new RegExp(`[\\x00-\\x1f\\x5c\\x7f-\\x9f]|${loneSurrogate}`, 'g');

function escapeFn(ch) {
  const code = StringPrototypeCharCodeAt(ch, 0);
  return code < meta.length ? meta[code] : `\\u${code.toString(16)}`;
}

// Quotes like Node: single quotes unless the string contains one, then double
// quotes, then backticks; only as a last resort the single quote is escaped.
function strEscape(str) {
  let quote = "'";
  let re = escapeAll;
  if (StringPrototypeIncludes(str, "'")) {
    if (!StringPrototypeIncludes(str, '"')) quote = '"';
    else if (!StringPrototypeIncludes(str, '`') && !StringPrototypeIncludes(str, '${')) quote = '`';
    if (quote !== "'") re = escapeNoQuote;
  }
  if (!needsEscape(str, quote === "'")) return `${quote}${str}${quote}`;
  re.lastIndex = 0;
  const escaped = regExpReplace(str, re, escapeFn);
  return `${quote}${escaped}${quote}`;
}

// Whether `re` in strEscape could match: a control character, a backslash, a
// single quote when that is the quote, or any surrogate (paired ones are left to
// the regexp to tell apart). A scan is much cheaper than a replace that finds nothing.
function needsEscape(str, singleQuote) {
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x20 || c === 0x5c || (c === 0x27 && singleQuote) || (c >= 0x7f && c <= 0x9f) ||
        (c >= 0xd800 && c <= 0xdfff)) {
      return true;
    }
  }
  return false;
}

// Escapes a key or symbol description without quoting it.
function escapeNoQuotes(str) { escapeAll.lastIndex = 0; return regExpReplace(str, escapeAll, escapeFn); }

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${StringPrototypeSlice(val, i - 3, i)}${res}`;
  return i === val.length ? val : `${StringPrototypeSlice(val, 0, i)}${res}`;
}

function addNumericalSeparatorEnd(val) {
  let res = '';
  let i = 0;
  for (; i < val.length - 3; i += 3) res += `${StringPrototypeSlice(val, i, i + 3)}_`;
  return i === 0 ? val : `${res}${StringPrototypeSlice(val, i)}`;
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (ObjectIs(number, -0)) return fn('-0', 'number');
    return fn(`${number}`, 'number');
  }
  const integer = MathTrunc(number);
  const string = String(integer);
  if (integer === number) {
    if (!NumberIsFinite(number) || StringPrototypeIncludes(string, 'e')) return fn(string, 'number');
    return fn(addNumericalSeparator(string), 'number');
  }
  if (NumberIsNaN(number)) return fn(string, 'number');
  return fn(`${addNumericalSeparator(string)}.${addNumericalSeparatorEnd(
    StringPrototypeSlice(String(number), string.length + 1))}`, 'number');
}

function formatBigInt(fn, bigint, numericSeparator) {
  const string = String(bigint);
  if (!numericSeparator) return fn(`${string}n`, 'bigint');
  return fn(`${addNumericalSeparator(string)}n`, 'bigint');
}

const kMinLineWidth = 16;

function formatPrimitive(fn, value, ctx) {
  if (typeof value === 'string') {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    // Long strings are split at line breaks into `'a\n' +\n  'b'`.
    if (ctx.compact !== true && value.length > kMinLineWidth &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      const lines = [];
      let from = 0;
      for (;;) {
        const nl = StringPrototypeIndexOf(value, '\n', from);
        if (nl === -1 || nl === value.length - 1) break;
        ArrayPrototypePush(lines, fn(strEscape(StringPrototypeSlice(value, from, nl + 1)), 'string'));
        from = nl + 1;
      }
      ArrayPrototypePush(lines, fn(strEscape(StringPrototypeSlice(value, from)), 'string'));
      return ArrayPrototypeJoin(lines, ` +\n${StringPrototypeRepeat(' ', ctx.indentationLvl + 2)}`) + trailer;
    }
    return fn(strEscape(value), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn(symbolToString(value), 'symbol');
}

function symbolToString(sym) {
  return SymbolPrototypeToString(sym);
}

// ANSI escape sequences (CSI and OSC) as terminals understand them.
const ansi = new RegExp('[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))', 'g');

function stripVTControlCharacters(str) {
  return regExpReplace(str, ansi, '');
}

function isFullWidthCodePoint(code) {
  return code >= 0x1100 && (
    code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

function isZeroWidthCodePoint(code) {
  return code <= 0x1F || (code >= 0x7F && code <= 0x9F) || (code >= 0x300 && code <= 0x36F) ||
    (code >= 0x200B && code <= 0x200F) || (code >= 0x20D0 && code <= 0x20FF) ||
    (code >= 0xFE00 && code <= 0xFE0F) || (code >= 0xFE20 && code <= 0xFE2F) ||
    (code >= 0xE0100 && code <= 0xE01EF);
}

// Columns a string occupies in a terminal (wide East Asian characters count 2).
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  str = StringPrototypeNormalize(str, 'NFC');
  let width = 0;
  for (const char of new SafeStringIterator(str)) {
    const code = StringPrototypeCodePointAt(char, 0);
    if (isFullWidthCodePoint(code)) width += 2;
    else if (!isZeroWidthCodePoint(code)) width++;
  }
  return width;
}

module.exports = {
  colors, styles, stylizeWithColor, stylizeNoColor, strEscape, escapeNoQuotes, escapeFn,
  formatNumber, formatBigInt, formatPrimitive, symbolToString, stripVTControlCharacters,
  getStringWidth, addNumericalSeparator, escapeNoQuote,
};
