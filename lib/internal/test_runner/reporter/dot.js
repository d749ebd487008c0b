'use strict';
// The dot reporter: '.' for each passing test, 'X' for each failing one (suites
// included), twenty to a line, then the failing tests with their errors.

const { ArrayPrototypePush } = primordials;
const { formatError, resultLine } = require('internal/test_runner/reporter/spec');

class DotFormatter {
  constructor() {
    this.count = 0;
    this.failures = [];
  }

  format({ type, data }) {
    if (type !== 'test:pass' && type !== 'test:fail') return '';
    let out = type === 'test:pass' ? '.' : 'X';
    if (type === 'test:fail') ArrayPrototypePush(this.failures, data);
    if (++this.count % 20 === 0) out += '\n';
    return out;
  }

  flush() {
    let out = '\n';
    if (this.failures.length > 0) {
      out += '\nFailed tests:\n\n';
      for (let i = 0; i < this.failures.length; i++) {
        const data = this.failures[i];
        out += resultLine('test:fail', data, '', false);
        out += formatError(data.details?.error, '');
      }
    }
    return out;
  }
}

async function* dot(source) {
  const formatter = new DotFormatter();
  for await (const event of source) {
    const text = formatter.format(event);
    if (text !== '') yield text;
  }
  yield formatter.flush();
}

module.exports = { dot, DotFormatter };
