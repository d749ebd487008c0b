'use strict';
// Regular-expression helpers for lib/'s own patterns that call only the original
// RegExp.prototype.exec, through primordials. String.prototype.replace/split/match
// and RegExp.prototype[Symbol.replace]/test look `exec` up on the regexp at call
// time, so a user's patch of RegExp.prototype.exec would run inside lib/ code.
// No internalBinding.

const {
  ArrayPrototypePush, ReflectApply, RegExpPrototypeExec, RegExpPrototypeGetGlobal,
  RegExpPrototypeGetUnicode, StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice,
} = primordials;

function regExpTest(re, str) {
  return RegExpPrototypeExec(re, str) !== null;
}

// `str.replace(re, replacement)`. A string replacement may use `$&` (the match) and
// `$$`; a function gets (match, ...captures, index, str) as String.prototype.replace
// gives it (no named-groups argument: lib/ patterns have none).
function regExpReplace(str, re, replacement) {
  const global = RegExpPrototypeGetGlobal(re);
  if (global) re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (;;) {
    const match = RegExpPrototypeExec(re, str);
    if (match === null) break;
    const index = match.index;
    const matched = match[0];
    out += StringPrototypeSlice(str, last, index);
    if (typeof replacement === 'function') {
      const args = [];
      for (let i = 0; i < match.length; i++) ArrayPrototypePush(args, match[i]);
      ArrayPrototypePush(args, index, str);
      out += `${ReflectApply(replacement, undefined, args)}`;
    } else {
      out += expand(replacement, matched);
    }
    last = index + matched.length;
    if (!global) break;
    if (matched.length === 0) re.lastIndex = advance(str, re.lastIndex, RegExpPrototypeGetUnicode(re));
  }
  if (global) re.lastIndex = 0;
  return out + StringPrototypeSlice(str, last);
}

function expand(replacement, matched) {
  if (StringPrototypeIndexOf(replacement, '$') === -1) return replacement;
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '$' && i + 1 < replacement.length) {
      const next = replacement[i + 1];
      if (next === '&') {
        out += matched;
        i++;
        continue;
      }
      if (next === '$') {
        out += '$';
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// The index after a zero-length match at `index`: past a whole surrogate pair in
// unicode mode.
function advance(str, index, unicode) {
  if (unicode && index + 1 < str.length) {
    const c = StringPrototypeCharCodeAt(str, index);
    if (c >= 0xD800 && c <= 0xDBFF) {
      const d = StringPrototypeCharCodeAt(str, index + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) return index + 2;
    }
  }
  return index + 1;
}

// The index of the first match of `re` (not global) in `str`, or -1: `str.search(re)`.
function regExpSearch(str, re) {
  const match = RegExpPrototypeExec(re, str);
  return match === null ? -1 : match.index;
}

module.exports = { regExpTest, regExpReplace, regExpSearch };
