'use strict';
// The spec reporter: one line per test ('✔ name (1.2ms)', '✖ ...' with the error
// under it), a '▶ name' header before a test's subtests, 'ℹ' diagnostics, and at
// the end the failing tests again. Colours when the destination is a terminal.
// The dot reporter shares its error formatting.

const {
  ArrayPrototypePop, ArrayPrototypePush, StringPrototypeRepeat, StringPrototypeSplit,
} = primordials;

const colors = {
  __proto__: null, pass: '\u001b[32m', fail: '\u001b[31m', skip: '\u001b[90m', todo: '\u001b[90m',
  info: '\u001b[34m', reset: '\u001b[39m',
};
const symbols = {
  __proto__: null, pass: '\u2714 ', fail: '\u2716 ', skip: '\ufe63 ', todo: '\u2714 ', info: '\u2139 ',
  start: '\u25b6 ',
};

function indentOf(nesting) { return StringPrototypeRepeat('  ', nesting); }

// The thrown value under a failed test, each line indented.
function formatError(error, indent, color = false) {
  if (error === undefined || error === null) return '';
  const shown = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  const { inspect } = require('internal/util/inspect');
  const text = inspect(shown, { __proto__: null, colors: color });
  const lines = StringPrototypeSplit(text, '\n');
  let out = '';
  for (let i = 0; i < lines.length; i++) out += `${indent}  ${lines[i]}\n`;
  return out;
}

function kindOf(type, data) {
  if (data.skip !== undefined) return 'skip';
  if (type === 'test:fail') return 'fail';
  if (data.todo !== undefined) return 'todo';
  return 'pass';
}

function directiveOf(data) {
  if (data.skip !== undefined) return ` # ${typeof data.skip === 'string' && data.skip !== '' ? data.skip : 'SKIP'}`;
  if (data.todo !== undefined) return ` # ${typeof data.todo === 'string' && data.todo !== '' ? data.todo : 'TODO'}`;
  return '';
}

function resultLine(type, data, indent, color) {
  const kind = kindOf(type, data);
  const duration = `(${data.details?.duration_ms}ms)`;
  if (!color) return `${indent}${symbols[kind]}${data.name} ${duration}${directiveOf(data)}\n`;
  // The duration in grey inside the line's colour, as node writes it.
  return `${indent}${colors[kind]}${symbols[kind]}${data.name} ${colors.skip}${duration}${colors.reset}` +
    `${directiveOf(data)}${colors.reset}\n`;
}

class SpecFormatter {
  constructor(color = false) {
    this.color = color;
    this.stack = [];
    this.failures = [];
  }

  format({ type, data }) {
    switch (type) {
      case 'test:start':
        ArrayPrototypePush(this.stack, { __proto__: null, data, printed: false });
        return '';
      case 'test:pass':
      case 'test:fail':
        return this.result(type, data);
      case 'test:diagnostic': {
        const c = this.color ? colors.info : '';
        const r = this.color ? colors.reset : '';
        return `${indentOf(data.nesting)}${c}${symbols.info}${data.message}${r}\n`;
      }
      case 'test:stdout':
      case 'test:stderr':
        return data.message;
      default:
        return '';
    }
  }

  result(type, data) {
    let out = '';
    // Headers of the ancestors not shown yet, outermost first.
    let own = null;
    const stack = this.stack;
    if (stack.length > 0 && stack[stack.length - 1].data.nesting === data.nesting &&
        stack[stack.length - 1].data.name === data.name) {
      own = ArrayPrototypePop(stack);
    }
    for (let i = 0; i < stack.length; i++) {
      const entry = stack[i];
      if (entry.printed) continue;
      entry.printed = true;
      out += `${indentOf(entry.data.nesting)}${symbols.start}${entry.data.name}\n`;
    }
    const hadChildren = own !== null && own.printed;
    const indent = indentOf(data.nesting);
    out += resultLine(type, data, indent, this.color);
    if (type === 'test:fail') {
      // A test that failed only through its subtests is not listed again at the end.
      if (data.details?.error?.failureType !== 'subtestsFailed') {
        ArrayPrototypePush(this.failures, { __proto__: null, type, data });
      }
      if (!hadChildren) {
        const err = formatError(data.details?.error, indent, this.color);
        if (err !== '') out += `${err}\n`;
      }
    }
    return out;
  }

  flush() {
    if (this.failures.length === 0) return '';
    const c = this.color ? colors.fail : '';
    const r = this.color ? colors.reset : '';
    let out = `\n${c}${symbols.fail}failing tests:${r}\n\n`;
    const path = require('path');
    for (let i = 0; i < this.failures.length; i++) {
      const { type, data } = this.failures[i];
      if (i > 0) out += '\n';
      if (data.file !== undefined && data.file !== null) {
        out += `test at ${path.relative(process.cwd(), data.file)}:${data.line}:${data.column}\n`;
      }
      out += resultLine(type, data, '', this.color);
      out += formatError(data.details?.error, '', this.color);
    }
    return out;
  }
}

// The public form is a Transform stream: run().compose(new spec()).
class SpecReporter extends require('stream').Transform {
  constructor() {
    super({ __proto__: null, writableObjectMode: true });
    this.formatter = new SpecFormatter(false);
  }

  _transform(event, encoding, callback) { callback(null, this.formatter.format(event)); }
  _flush(callback) { callback(null, this.formatter.flush()); }
}

module.exports = { spec: SpecReporter, SpecFormatter, formatError, resultLine };
