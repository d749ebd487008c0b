'use strict';
// assert.ok() without a message quotes the failing call's source:
// "The expression evaluated to a falsy value:\n\n  assert.ok(x)\n". The call site
// comes from a V8 stack trace; the file is read with require('fs'). No internalBinding.

const {
  ArrayIsArray, ArrayPrototypeJoin, MathMin, StringPrototypeSlice, StringPrototypeSplit,
  StringPrototypeStartsWith, StringPrototypeTrim,
} = primordials;
const { regExpTest } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

function callSite(fn) {
  const saved = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  Error.prepareStackTrace = (_, frames) => frames;
  const holder = {};
  Error.captureStackTrace(holder, fn);
  const frames = holder.stack;
  Error.prepareStackTrace = saved;
  Error.stackTraceLimit = savedLimit;
  return ArrayIsArray(frames) ? frames[0] : undefined;
}

// Returns the call expression starting at `col` (0-based) up to its closing ')'.
function extractCall(source, line, col) {
  const lines = StringPrototypeSplit(source, '\n');
  const first = lines[line - 1] || '';
  // V8 points at the called property (`ok` in `assert.ok(`); include its receiver chain.
  // Identifiers may be any Unicode ID_Continue characters (`ässört.ok(`).
  while (col > 0 && regExpTest(/[\p{ID_Continue}$\u200C\u200D.]/u, first[col - 1])) col--;
  let text = sliceOf(ArrayPrototypeJoin(sliceOf(lines, line - 1), '\n'), col);
  let depth = 0;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return sliceOf(text, 0, i + 1);
    }
  }
  return undefined;
}

function leadingSpaces(line) {
  let n = 0;
  while (n < line.length && line[n] === ' ') n++;
  return n;
}

function getOkMessage(fn) {
  try {
    const site = callSite(fn);
    if (!site) return undefined;
    const file = site.getFileName();
    const line = site.getLineNumber();
    const col = site.getColumnNumber();
    if (!file || line == null || col == null) return undefined;
    const fs = require('fs');
    const src = fs.readFileSync(StringPrototypeStartsWith(file, 'file://') ? new URL(file) : file, 'utf8');
    let code = extractCall(src, line, col - 1);
    if (code === undefined) return undefined;
    // Continuation lines are re-indented relative to the first, as node prints them.
    const lines = StringPrototypeSplit(code, '\n');
    if (lines.length > 1) {
      let indent = Infinity;
      for (let i = 1; i < lines.length; i++) {
        if (StringPrototypeTrim(lines[i]) !== '') indent = MathMin(indent, leadingSpaces(lines[i]));
      }
      for (let i = 1; i < lines.length; i++) {
        lines[i] = StringPrototypeSlice(lines[i], MathMin(indent, leadingSpaces(lines[i])));
      }
      code = ArrayPrototypeJoin(lines, '\n  ');
    }
    return `The expression evaluated to a falsy value:\n\n  ${code}\n`;
  } catch {
    return undefined;
  }
}

module.exports = { getOkMessage };
