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
// (same length, newlines kept); plain string literals are kept for the patterns,
// their [start, end) offsets listed in `strings`.
function codeOnly(source, strings) {
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
      const end = skipString(source, i, c);
      ArrayPrototypePush(strings, i, end);
      i = end;
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
// A string literal holding an identifier: 'name' or "name".
const identStr = `(?:'(${ident})'|"(${ident})")`;
const str = `(?:'([^'\\n]*)'|"([^"\\n]*)")`;
const assignExport = new RegExp(
  `(?:^|[^\\w$.])(?:module\\s*\\.\\s*)?exports\\s*(?:\\.\\s*(${ident})|\\[\\s*${str}\\s*\\])\\s*=(?!=)`, 'g');
const defineExport = new RegExp(
  `Object\\s*\\.\\s*defineProperty\\s*\\(\\s*(?:module\\s*\\.\\s*)?exports\\s*,\\s*${identStr}`, 'g');
// What may follow a defineProperty's name for the export to count: a value, or a
// getter that only returns an identifier or a member of one.
const defineValue = new RegExp(
  `\\s*,\\s*\\{\\s*(?:enumerable\\s*:\\s*true\\s*,\\s*)?(?:value\\s*:|get\\s*(?::\\s*function\\s*(?:${ident})?\\s*)?` +
  `\\(\\s*\\)\\s*\\{\\s*return\\s+${ident}\\s*(?:\\.\\s*${ident}|\\[\\s*${str}\\s*\\])?\\s*;?\\s*\\})`, 'y');
const literalExport = /(?:^|[^\w$.])module\s*\.\s*exports\s*=\s*\{/g;
const requireReexport = new RegExp(
  `(?:^|[^\\w$.])module\\s*\\.\\s*exports\\s*=\\s*require\\s*\\(\\s*${str}\\s*\\)`, 'g');
const tsReexport = new RegExp(`(?:__exportStar|__export)\\s*\\(\\s*require\\s*\\(\\s*${str}`, 'g');
const babelKeys = new RegExp(`Object\\s*\\.\\s*keys\\s*\\(\\s*(${ident})\\s*\\)\\s*\\.\\s*forEach\\s*\\(`, 'g');
const requireVar = new RegExp(
  `(?:var|let|const)\\s+(${ident})\\s*=\\s*(?:${ident}\\s*\\(\\s*)?require\\s*\\(\\s*${str}\\s*\\)`, 'g');

// Each match of `re` that does not start inside a string literal.
function matches(re, text, each, strings) {
  re.lastIndex = 0;
  let m;
  while ((m = RegExpPrototypeExec(re, text)) !== null) {
    if (strings === undefined || !insideString(strings, m.index + 1)) each(m);
  }
}

// Is `at` inside one of the [start, end) ranges (sorted, flat) of `strings`?
function insideString(strings, at) {
  let lo = 0;
  let hi = strings.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strings[mid * 2 + 1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < strings.length / 2 && strings[lo * 2] <= at;
}

// One entry of an exports literal: `name`, `name: value`, `'name': value`, or a
// spread `...name` / `...require('x')`; then what follows it.
const entryRe = new RegExp(
  `\\s*(?:(${ident})\\s*(?::\\s*(${ident}))?|${identStr}\\s*:\\s*(${ident})|\\.\\.\\.\\s*(?:require\\s*\\(\\s*${str}\\s*\\)|${ident}))` +
  '\\s*([,}]?)', 'y');

// The keys of the exports literal whose '{' is at `start`, up to the first entry
// that is not of those forms; returns its require() spreads.
function literalKeys(text, start, names) {
  const reexports = [];
  let i = start + 1;
  for (;;) {
    entryRe.lastIndex = i;
    const m = RegExpPrototypeExec(entryRe, text);
    if (m === null) return reexports;
    const key = m[1] ?? m[3] ?? m[4];
    // `name: <not an identifier>` ends the detection before `name` counts.
    if (key !== undefined && (m[2] !== undefined || m[3] !== undefined || m[4] !== undefined || m[8] !== '')) {
      names.add(key);
    }
    const spread = m[6] ?? m[7];
    if (spread !== undefined) ArrayPrototypePush(reexports, spread);
    if (m[8] !== ',') return reexports;
    i = entryRe.lastIndex;
  }
}

// lex(source) -> { names: Set of export names, reexports: [specifier] }.
function lex(source) {
  const strings = [];
  const text = codeOnly(source, strings);
  const names = new SafeSet();
  let reexports = [];
  let lastReexportAt = -1;
  matches(assignExport, text, (m) => names.add(m[1] ?? m[2] ?? m[3]), strings);
  // A name defined even once with a getter of another form is left out: reading
  // it could run code.
  const defined = new SafeSet();
  const unsafe = new SafeSet();
  matches(defineExport, text, (m) => {
    const name = m[1] ?? m[2];
    defineValue.lastIndex = defineExport.lastIndex;
    if (RegExpPrototypeExec(defineValue, text) !== null) defined.add(name);
    else unsafe.add(name);
  }, strings);
  for (const name of defined) if (!unsafe.has(name)) names.add(name);
  // Only the last `module.exports = require(...)` or exports literal gives reexports.
  matches(literalExport, text, (m) => {
    const found = literalKeys(text, m.index + m[0].length - 1, names);
    if (m.index > lastReexportAt) {
      reexports = found;
      lastReexportAt = m.index;
    }
  }, strings);
  matches(requireReexport, text, (m) => {
    if (m.index > lastReexportAt) {
      reexports = [m[1] ?? m[2]];
      lastReexportAt = m.index;
    }
  }, strings);
  matches(tsReexport, text, (m) => ArrayPrototypePush(reexports, m[1] ?? m[2]), strings);
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
