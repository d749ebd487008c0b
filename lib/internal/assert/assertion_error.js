'use strict';
// AssertionError and the message/diff text node prints for failed assertions
// ("Expected values to be strictly equal:\n\n1 !== 2\n", "+ actual - expected" diffs).
// No internalBinding.

const {
  ArrayFrom, ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePush, ArrayPrototypeSlice,
  Error, ErrorCaptureStackTrace, MathMax, ObjectDefineProperty, String,
  StringPrototypeEndsWith, StringPrototypeRepeat, StringPrototypeSlice, StringPrototypeSplit,
  SymbolFor, Uint32Array,
} = primordials;
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

let inspectMod;
function inspect(v, opts) {
  if (inspectMod === undefined) inspectMod = require('internal/util/inspect');
  return inspectMod.inspect(v, opts);
}

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values identical but not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};
const kMaxShortLength = 12;

function inspectValue(val) {
  return inspect(val, {
    __proto__: null, compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, showProxy: false, sorted: true, getters: true,
  });
}

// Line diff of the two inspections: '  ' common, '+ ' actual only, '- ' expected only.
function lineDiff(rawA, rawB) {
  // Lines that differ only by a trailing comma count as unchanged.
  const strip = (l) => (StringPrototypeEndsWith(l, ',') ? StringPrototypeSlice(l, 0, -1) : l);
  const a = ArrayPrototypeMap(rawA, strip);
  const b = ArrayPrototypeMap(rawB, strip);
  const n = a.length;
  const m = b.length;
  const lcs = ArrayFrom({ __proto__: null, length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : MathMax(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ArrayPrototypePush(out, ['  ', StringPrototypeEndsWith(rawA[i], ',') ? rawA[i] : rawB[j]]);
      i++;
      j++;
    } else {
      const plus = [];
      const minus = [];
      while (i < n && (j >= m || (a[i] !== b[j] && lcs[i + 1][j] >= lcs[i][j + 1]))) ArrayPrototypePush(plus, a[i++]);
      while (j < m && (i >= n || (a[i] !== b[j] && lcs[i][j + 1] > lcs[i + 1][j]))) ArrayPrototypePush(minus, b[j++]);
      if (plus.length === 0 && minus.length === 0) {
        if (i < n) ArrayPrototypePush(plus, a[i++]);
        else ArrayPrototypePush(minus, b[j++]);
      }
      // Pair changed lines as node does: each actual line followed by its expected line.
      const k = MathMax(plus.length, minus.length);
      const pStart = i - plus.length;
      const mStart = j - minus.length;
      for (let x = 0; x < plus.length; x++) plus[x] = rawA[pStart + x];
      for (let x = 0; x < minus.length; x++) minus[x] = rawB[mStart + x];
      for (let x = 0; x < k; x++) {
        if (x < plus.length) ArrayPrototypePush(out, ['+ ', plus[x]]);
        if (x < minus.length) ArrayPrototypePush(out, ['- ', minus[x]]);
      }
    }
  }
  return out;
}

function createErrDiff(actual, expected, operator, customHeader) {
  const header = customHeader !== undefined ? customHeader : kReadableOperator[operator];
  const actualLines = StringPrototypeSplit(inspectValue(actual), '\n');
  const expectedLines = StringPrototypeSplit(inspectValue(expected), '\n');
  let indicator = '';
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0];
    const e = expectedLines[0];
    const inputLength = a.length + e.length;
    if (inputLength <= kMaxShortLength) {
      if ((typeof actual !== 'object' || actual === null) && (typeof expected !== 'object' || expected === null) &&
          (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${a} !== ${e}\n`;
      }
    } else if (operator !== 'strictEqualObject' && inputLength < 80) {
      let i = 0;
      while (a[i] === e[i]) i++;
      if (i > 2) indicator = `\n  ${StringPrototypeRepeat(' ', i)}^`;
    }
  }
  if (ArrayPrototypeJoin(actualLines, '\n') === ArrayPrototypeJoin(expectedLines, '\n')) {
    const head = operator === 'strictEqualObject' ? 'Values have same structure but are not reference-equal:' :
      kReadableOperator.notIdentical;
    return `${customHeader !== undefined ? customHeader : head}\n\n${ArrayPrototypeJoin(actualLines, '\n')}\n`;
  }
  const finalHeader = customHeader !== undefined ? customHeader : kReadableOperator[operator];
  const diff = lineDiff(actualLines, expectedLines);
  // Long runs of unchanged lines are elided like node: keep two lines each side.
  const lines = [];
  let skipped = false;
  let k = 0;
  while (k < diff.length) {
    if (diff[k][0] !== '  ') {
      ArrayPrototypePush(lines, diff[k][0] + diff[k][1]);
      k++;
      continue;
    }
    let end = k;
    while (end < diff.length && diff[end][0] === '  ') end++;
    const run = ArrayPrototypeSlice(diff, k, end);
    const pushRun = (from, to) => {
      for (let r = from; r < to; r++) ArrayPrototypePush(lines, run[r][0] + run[r][1]);
    };
    if (run.length > 4) {
      pushRun(0, 2);
      ArrayPrototypePush(lines, '...');
      if (end < diff.length) pushRun(run.length - 2, run.length);
      skipped = true;
    } else {
      pushRun(0, run.length);
    }
    k = end;
  }
  return `${finalHeader}\n+ actual - expected${skipped ? ' ... Lines skipped' : ''}\n\n${ArrayPrototypeJoin(lines, '\n')}${indicator}`;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    if (message != null) {
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        super(createErrDiff(actual, expected, operator, String(message)));
      } else {
        super(String(message));
      }
    } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      super(createErrDiff(actual, expected, operator));
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let base = kReadableOperator[operator];
      const res = StringPrototypeSplit(inspectValue(actual), '\n');
      if (operator === 'notStrictEqual' &&
          ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
        base = kReadableOperator.notStrictEqualObject;
      }
      if (res.length > 50) {
        res[46] = '...';
        res.length = 47;
      }
      if (res.length === 1) super(`${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`);
      else super(`${base}\n\n${ArrayPrototypeJoin(res, '\n')}\n`);
    } else {
      let res = inspectValue(actual);
      let other = inspectValue(expected);
      const knownOperator = kReadableOperator[operator];
      if (operator === 'notDeepEqual' && res === other) {
        res = `${knownOperator}\n\n${res}`;
        if (res.length > 1024) res = `${StringPrototypeSlice(res, 0, 1021)}...`;
        super(res);
      } else {
        if (res.length > 512) res = `${StringPrototypeSlice(res, 0, 509)}...`;
        if (other.length > 512) other = `${StringPrototypeSlice(other, 0, 509)}...`;
        if (operator === 'deepEqual') {
          res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
        } else {
          const newOp = kReadableOperator[`${operator}Unequal`];
          if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
          else other = ` ${operator} ${other}`;
        }
        super(`${res}${other}`);
      }
    }
    this.generatedMessage = !message;
    ObjectDefineProperty(this, 'name', {
      __proto__: null, value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this['message ' + i] = details[i].message;
        this['actual ' + i] = details[i].actual;
        this['expected ' + i] = details[i].expected;
        this['operator ' + i] = details[i].operator;
        this['stack trace ' + i] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    ErrorCaptureStackTrace(this, stackStartFn || this.constructor);
    this.stack; // eslint-disable-line no-unused-expressions
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [SymbolFor('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return inspect(this, { __proto__: null, ...ctx, customInspect: false, depth: 0 });
  }
}

module.exports = { AssertionError, inspectValue };
