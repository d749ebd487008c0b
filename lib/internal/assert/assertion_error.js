'use strict';
// AssertionError and the message/diff text node prints for failed assertions
// ("Expected values to be strictly equal:\n\n1 !== 2\n", "+ actual - expected" diffs).
// No internalBinding.

const {
  ArrayPrototypeJoin, ArrayPrototypePop,
  Error, ErrorCaptureStackTrace, MathMax, ObjectAssign, ObjectDefineProperty, ObjectGetPrototypeOf,
  String,
  StringPrototypeEndsWith, StringPrototypeRepeat, StringPrototypeSlice, StringPrototypeSplit,
  SymbolFor,
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
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};
const kMaxShortLength = 12;

function inspectValue(val) {
  return inspect(val, {
    __proto__: null, compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, showProxy: false, sorted: true, getters: true,
  });
}

// Two inspected lines count as equal when they differ only by a trailing comma (the
// last element of one side). Returns the line to print, or undefined if they differ.
function sameLine(actualLine, expectedLine) {
  if (actualLine === expectedLine) return actualLine;
  if (StringPrototypeEndsWith(actualLine, ',') && StringPrototypeSlice(actualLine, 0, -1) === expectedLine) {
    return actualLine;
  }
  if (StringPrototypeEndsWith(expectedLine, ',') && StringPrototypeSlice(expectedLine, 0, -1) === actualLine) {
    return `${actualLine},`;
  }
  return undefined;
}

// The "+ actual - expected" diff, laid out as node lays it out. Lines are paired by
// position, not aligned by a longest common subsequence. Equal lines at the very end
// are cut off first and shown as context: the last three, preceded by the first of
// them when there were four or more, with '...' in between from five on. Inside, a run
// of equal lines shows its first two lines; when a difference follows, it also shows
// the run's last one to three lines (three when exactly five were equal, else '...'
// and two when more). A changed block prints its '+' lines, then its '-' lines. Past
// 50 printed lines the rest is cut.
function createErrDiff(actual, expected, operator, customHeader) {
  const actualLines = StringPrototypeSplit(inspectValue(actual), '\n');
  const expectedLines = StringPrototypeSplit(inspectValue(expected), '\n');
  let indicator = '';
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const header = customHeader !== undefined ? customHeader : kReadableOperator[operator];
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

  let tail = '';
  let tailCount = 0;
  let tailFirst;
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = ArrayPrototypePop(actualLines);
    ArrayPrototypePop(expectedLines);
    if (tailCount < 3) tail = `\n  ${line}${tail}`;
    else tailFirst = line;
    tailCount++;
  }
  const width = MathMax(actualLines.length, expectedLines.length);
  if (width === 0) {
    const head = customHeader !== undefined ? customHeader :
      'Values have same structure but are not reference-equal:';
    const whole = StringPrototypeSplit(inspectValue(actual), '\n');
    if (whole.length > 50) {
      whole[46] = '...';
      whole.length = 47;
    }
    return `${head}\n\n${ArrayPrototypeJoin(whole, '\n')}\n`;
  }
  let skipped = false;
  if (tailCount >= 5) {
    tail = `\n...${tail}`;
    skipped = true;
  }
  if (tailFirst !== undefined) tail = `\n  ${tailFirst}${tail}`;

  const title = `${header}\n+ actual - expected`;
  const longer = actualLines.length >= expectedLines.length ? actualLines : expectedLines;
  const shorterLength = longer === actualLines ? expectedLines.length : actualLines.length;
  let plus = '';
  let minus = '';
  let printed = 0;
  let equalRun = 0;
  // The end of the run of equal lines before line i, printed before a difference.
  const closeRun = (source, i) => {
    if (equalRun === 5) {
      plus += `\n  ${source[i - 3]}\n  ${source[i - 2]}\n  ${source[i - 1]}`;
      printed += 3;
    } else if (equalRun > 5) {
      plus += `\n...\n  ${source[i - 2]}\n  ${source[i - 1]}`;
      printed += 2;
      skipped = true;
    } else if (equalRun === 4) {
      plus += `\n  ${source[i - 2]}\n  ${source[i - 1]}`;
      printed += 2;
    } else if (equalRun === 3) {
      plus += `\n  ${source[i - 1]}`;
      printed += 1;
    }
    equalRun = 0;
  };
  for (let i = 0; i < width; i++) {
    if (i >= shorterLength) {
      closeRun(longer, i);
      if (longer === actualLines) plus += `\n+ ${longer[i]}`;
      else minus += `\n- ${longer[i]}`;
      printed++;
    } else {
      const line = sameLine(actualLines[i], expectedLines[i]);
      if (line === undefined) {
        closeRun(actualLines, i);
        plus += `\n+ ${actualLines[i]}`;
        minus += `\n- ${expectedLines[i]}`;
        printed += 2;
      } else {
        plus += minus;
        minus = '';
        equalRun++;
        if (equalRun <= 2) {
          plus += `\n  ${line}`;
          printed++;
        }
      }
    }
    if (printed > 50 && i < width - 2) {
      return `${title} ... Lines skipped\n${plus}\n...${minus}\n...`;
    }
  }
  return `${title}${skipped ? ' ... Lines skipped' : ''}\n${plus}${minus}${tail}${indicator}`;
}

function isErrorWithStack(value) {
  return typeof value === 'object' && value !== null && 'stack' in value && value instanceof Error;
}

// Same prototype, own enumerable properties and a non-enumerable message, but no
// stack (nor cause, as node's copy has none): inspect prints `[TypeError: foo] {...}`.
function stacklessCopy(error) {
  const copy = ObjectAssign({ __proto__: ObjectGetPrototypeOf(error) }, error);
  ObjectDefineProperty(copy, 'message', { __proto__: null, value: error.message });
  return copy;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    // Two errors are compared without their stacks (which differ by where each was
    // made): the diff shows look-alike copies, as node's does.
    if (message == null && isErrorWithStack(actual) && isErrorWithStack(expected)) {
      actual = stacklessCopy(actual);
      expected = stacklessCopy(expected);
    }
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
