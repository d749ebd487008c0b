'use strict';
// The export names of a CommonJS file, found without running it, for the named
// exports of `import { x } from './file.cjs'` (the rules Node's cjs-module-lexer
// documents, in a smaller form): `exports.x =`, `module.exports.x =`,
// `exports['x'] =`, `Object.defineProperty(exports, 'x', ...)`, the keys of a
// `module.exports = { a, b: c, 'd': e }` literal; and reexports, whose names come
// from the required file: `module.exports = require('y')`, `...require('y')` in
// such a literal, TypeScript's `__exportStar(require('y'), exports)` /
// `__export(require('y'))`, and Babel's `Object.keys(_y).forEach(...)` over a
// `var _y = require('y')`. Comments are skipped, and so are strings, template
// literals and regular expressions outside those patterns, so that text in them
// is not taken for code.

const {
  ArrayPrototypePush, RegExpPrototypeExec, SafeMap, SafeSet, StringPrototypeCharCodeAt,
  StringPrototypeIndexOf, StringPrototypeSlice,
} = primordials;

const QUOTE_S = 0x27;
const QUOTE_D = 0x22;
const BACKTICK = 0x60;
const SLASH = 0x2F;

// Characters after which a '/' starts a regular expression rather than a division.
const regexPrecedes = '(,=:[!&|?{};+-*%<>~^';

function blank(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += ' ';
  return s;
}

// The source with comments, template literals and regular expressions blanked
// (same length, newlines kept); plain string literals are kept for the patterns.
function codeOnly(source) {
  let out = '';
  let from = 0;
  let i = 0;
  let lastSignificant = 0x28; // as if after '(': a leading '/' is a regex
  const n = source.length;
  while (i < n) {
    const c = StringPrototypeCharCodeAt(source, i);
    if (c === SLASH && StringPrototypeCharCodeAt(source, i + 1) === SLASH) {
      let end = StringPrototypeIndexOf(source, '\n', i);
      if (end === -1) end = n;
      out += StringPrototypeSlice(source, from, i) + blank(end - i);
      i = from = end;
      continue;
    }
    if (c === SLASH && StringPrototypeCharCodeAt(source, i + 1) === 0x2A) {
      let end = StringPrototypeIndexOf(source, '*/', i + 2);
      end = end === -1 ? n : end + 2;
      out += StringPrototypeSlice(source, from, i) + blankKeepingLines(source, i, end);
      i = from = end;
      continue;
    }
    if (c === QUOTE_S || c === QUOTE_D) {
      i = skipString(source, i, c);
      lastSignificant = c;
      continue;
    }
    if (c === BACKTICK || (c === SLASH && isRegexStart(lastSignificant))) {
      const end = c === BACKTICK ? skipTemplate(source, i) : skipRegex(source, i);
      out += StringPrototypeSlice(source, from, i) + blankKeepingLines(source, i, end);
      i = from = end;
      lastSignificant = 0x29;
      continue;
    }
    if (c > 0x20) lastSignificant = c;
    i++;
  }
  return out + StringPrototypeSlice(source, from);
}

function isRegexStart(prev) {
  for (let i = 0; i < regexPrecedes.length; i++) {
    if (StringPrototypeCharCodeAt(regexPrecedes, i) === prev) return true;
  }
  return false;
}

function blankKeepingLines(source, start, end) {
  let s = '';
  for (let i = start; i < end; i++) s += StringPrototypeCharCodeAt(source, i) === 0x0A ? '\n' : ' ';
  return s;
}

function skipString(source, i, quote) {
  for (i++; i < source.length; i++) {
    const c = StringPrototypeCharCodeAt(source, i);
    if (c === 0x5C) i++;
    else if (c === quote) return i + 1;
    else if (c === 0x0A) return i;
  }
  return i;
}

function skipTemplate(source, i) {
  let depth = 0;
  for (i++; i < source.length; i++) {
    const c = StringPrototypeCharCodeAt(source, i);
    if (c === 0x5C) i++;
    else if (depth === 0 && c === BACKTICK) return i + 1;
    else if (c === 0x24 && StringPrototypeCharCodeAt(source, i + 1) === 0x7B) { depth++; i++; }
    else if (c === 0x7D && depth > 0) depth--;
  }
  return i;
}

function skipRegex(source, i) {
  let inClass = false;
  for (i++; i < source.length; i++) {
    const c = StringPrototypeCharCodeAt(source, i);
    if (c === 0x5C) i++;
    else if (c === 0x5B) inClass = true;
    else if (c === 0x5D) inClass = false;
    else if (c === SLASH && !inClass) return i + 1;
    else if (c === 0x0A) return i;
  }
  return i;
}

const ident = '[A-Za-z_$][\\w$]*';
const str = `(?:'([^'\\n]*)'|"([^"\\n]*)")`;
const assignExport = new RegExp(
  `(?:^|[^\\w$.])(?:module\\s*\\.\\s*)?exports\\s*(?:\\.\\s*(${ident})|\\[\\s*${str}\\s*\\])\\s*=(?!=)`, 'g');
const defineExport = new RegExp(
  `Object\\s*\\.\\s*defineProperty\\s*\\(\\s*(?:module\\s*\\.\\s*)?exports\\s*,\\s*${str}`, 'g');
const literalExport = /(?:^|[^\w$.])module\s*\.\s*exports\s*=\s*\{/g;
const requireReexport = new RegExp(
  `(?:^|[^\\w$.])module\\s*\\.\\s*exports\\s*=\\s*require\\s*\\(\\s*${str}\\s*\\)`, 'g');
const tsReexport = new RegExp(`(?:__exportStar|__export)\\s*\\(\\s*require\\s*\\(\\s*${str}`, 'g');
const babelKeys = new RegExp(`Object\\s*\\.\\s*keys\\s*\\(\\s*(${ident})\\s*\\)\\s*\\.\\s*forEach\\s*\\(`, 'g');
const requireVar = new RegExp(
  `(${ident})\\s*=\\s*(?:${ident}\\s*\\(\\s*)?require\\s*\\(\\s*${str}\\s*\\)`, 'g');

function matches(re, text, each) {
  re.lastIndex = 0;
  let m;
  while ((m = RegExpPrototypeExec(re, text)) !== null) each(m);
}

// The keys of the object literal whose '{' is at `start`, up to the first entry it
// does not understand; `...require('x')` entries are reexports.
const entryRe = new RegExp(
  `\\s*(?:(${ident})|${str}|\\.\\.\\.\\s*require\\s*\\(\\s*${str}\\s*\\))\\s*([,:}(]?)`, 'y');
function literalKeys(text, start, names, reexports) {
  let i = start + 1;
  for (;;) {
    entryRe.lastIndex = i;
    const m = RegExpPrototypeExec(entryRe, text);
    if (m === null) return;
    const key = m[1] ?? m[2] ?? m[3];
    const spread = m[4] ?? m[5];
    const next = m[6];
    if (spread !== undefined) ArrayPrototypePush(reexports, spread);
    else if (key !== undefined && (next === ',' || next === '}' || next === ':')) names.add(key);
    else return;
    i = entryRe.lastIndex;
    if (next === '}' || next === '') return;
    if (next === ':') {
      i = skipValue(text, i);
      if (i === -1) return;
      if (StringPrototypeCharCodeAt(text, i) === 0x7D) return;
      i++;
    }
  }
}

// From inside a property's value to the ',' or '}' that ends it (-1 if unclear).
function skipValue(text, i) {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = StringPrototypeCharCodeAt(text, i);
    if (c === QUOTE_S || c === QUOTE_D) {
      i = skipString(text, i, c) - 1;
    } else if (c === 0x28 || c === 0x5B || c === 0x7B) {
      depth++;
    } else if (c === 0x29 || c === 0x5D || c === 0x7D) {
      if (depth === 0) return c === 0x7D ? i : -1;
      depth--;
    } else if (c === 0x2C && depth === 0) {
      return i;
    }
  }
  return -1;
}

// lex(source) -> { names: Set of export names, reexports: [specifier] }.
function lex(source) {
  const text = codeOnly(source);
  const names = new SafeSet();
  const reexports = [];
  matches(assignExport, text, (m) => names.add(m[1] ?? m[2] ?? m[3]));
  matches(defineExport, text, (m) => names.add(m[1] ?? m[2]));
  matches(literalExport, text, (m) => literalKeys(text, m.index + m[0].length - 1, names, reexports));
  matches(requireReexport, text, (m) => ArrayPrototypePush(reexports, m[1] ?? m[2]));
  matches(tsReexport, text, (m) => ArrayPrototypePush(reexports, m[1] ?? m[2]));
  let vars;
  matches(babelKeys, text, (m) => {
    if (vars === undefined) {
      vars = new SafeMap();
      matches(requireVar, text, (v) => vars.set(v[1], v[2] ?? v[3]));
    }
    const spec = vars.get(m[1]);
    if (spec !== undefined) ArrayPrototypePush(reexports, spec);
  });
  return { __proto__: null, names, reexports };
}

module.exports = { lex };
