'use strict';
// The Console class: formatting with util.format, group indentation, timers,
// counters, assert, trace, dir and table, writing each message as one
// `stream.write(string)`. lib/console.js builds the global console from it.
//
// internalBinding('util') functions used: previewEntries(obj, true) (console.table
// on Map/Set iterators). Uses process.hrtime, process.emitWarning, process.env.

const {
  ArrayIsArray, ArrayPrototypePush, Boolean, ErrorCaptureStackTrace, FunctionPrototypeBind,
  MathFloor, Number, NumberPrototypeToFixed,
  ObjectDefineProperties, ObjectDefineProperty, ObjectKeys, RangeError, ReflectApply,
  ReflectConstruct, ReflectOwnKeys, SafeMap, SafeWeakMap, StringPrototypeIncludes,
  StringPrototypePadStart, StringPrototypeRepeat, StringPrototypeReplaceAll, StringPrototypeSlice,
  StringPrototypeSplit, Symbol,
} = primordials;
const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM, ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateInteger, validateObject, validateArray, validateOneOf,
} = require('internal/validators');
const { inspect } = require('internal/util/inspect');
const { formatWithOptionsInternal } = require('internal/util/inspect/format');
const { shouldColorize } = require('internal/util/colors');
const types = require('internal/util/types');

const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kColorMode = Symbol('kColorMode');
const kCounts = Symbol('counts');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');
const kMaxGroupIndentation = 1000;

const optionsMap = new SafeWeakMap();
const kColorInspectOptions = { __proto__: null, colors: true };
const kNoColorInspectOptions = { __proto__: null };

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) return ReflectConstruct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { __proto__: null, stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout, stderr = stdout, ignoreErrors = true, colorMode = 'auto', inspectOptions,
    groupIndentation,
  } = options;
  if (!stdout || typeof stdout.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  if (!stderr || typeof stderr.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }
  // Methods are bound so they can be passed around: `const { log } = console`.
  const keys = ObjectKeys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    this[key] = FunctionPrototypeBind(Console.prototype[key], this);
    ObjectDefineProperty(this[key], 'name', { __proto__: null, value: key });
  }
  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const hidden = { __proto__: null, writable: true, enumerable: false, configurable: true };

// Swallows asynchronous write errors (e.g. EPIPE) unless someone else listens.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && stream && typeof stream.listenerCount === 'function' &&
        !stream._writableState?.errorEmitted && stream.listenerCount('error') === 0) {
      stream.once('error', () => {});
    }
  };
}

ObjectDefineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    __proto__: null,
    ...hidden,
    value(stdout, stderr) {
      ObjectDefineProperties(this, {
        _stdout: { __proto__: null, ...hidden, value: stdout },
        _stderr: { __proto__: null, ...hidden, value: stderr },
      });
    },
  },
  // The global console reads process.stdout/stderr only when first used.
  [kBindStreamsLazy]: {
    __proto__: null,
    ...hidden,
    value(object) {
      let stdout; let stderr;
      ObjectDefineProperties(this, {
        _stdout: {
          __proto__: null,
          enumerable: false, configurable: true,
          get() { return stdout || (stdout = object.stdout); },
          set(value) { stdout = value; },
        },
        _stderr: {
          __proto__: null,
          enumerable: false, configurable: true,
          get() { return stderr || (stderr = object.stderr); },
          set(value) { stderr = value; },
        },
      });
    },
  },
  [kBindProperties]: {
    __proto__: null,
    ...hidden,
    value(ignoreErrors, colorMode, groupIndentation = 2) {
      ObjectDefineProperties(this, {
        _stdoutErrorHandler: { __proto__: null, ...hidden, value: createWriteErrorHandler(this, kUseStdout) },
        _stderrErrorHandler: { __proto__: null, ...hidden, value: createWriteErrorHandler(this, kUseStderr) },
        _ignoreErrors: { __proto__: null, ...hidden, value: Boolean(ignoreErrors) },
        _times: { __proto__: null, ...hidden, value: new SafeMap() },
        [kCounts]: { __proto__: null, ...hidden, value: new SafeMap() },
        [kColorMode]: { __proto__: null, ...hidden, value: colorMode },
        [kGroupIndent]: { __proto__: null, ...hidden, value: '' },
        [kGroupIndentationWidth]: { __proto__: null, ...hidden, value: groupIndentation },
      });
    },
  },
  [kWriteToConsole]: {
    __proto__: null,
    ...hidden,
    value(streamSymbol, string) {
      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;
      const groupIndent = this[kGroupIndent];
      if (groupIndent.length !== 0) {
        if (StringPrototypeIncludes(string, '\n')) string = StringPrototypeReplaceAll(string, '\n', `\n${groupIndent}`);
        string = groupIndent + string;
      }
      string += '\n';
      if (this._ignoreErrors === false) return stream.write(string);
      // Console output is best effort: a failing stream must not throw into user code.
      const canListen = typeof stream.listenerCount === 'function' && typeof stream.once === 'function';
      const noop = () => {};
      try {
        if (canListen && stream.listenerCount('error') === 0) stream.once('error', noop);
        stream.write(string, useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler);
      } catch (e) {
        if (e instanceof RangeError && StringPrototypeIncludes(e.message, 'call stack size')) throw e;
      } finally {
        if (canListen) stream.removeListener('error', noop);
      }
    },
  },
  [kGetInspectOptions]: {
    __proto__: null,
    ...hidden,
    value(stream) {
      let color = this[kColorMode];
      if (color === 'auto') color = shouldColorize(stream);
      const options = optionsMap.get(this);
      if (options) {
        if (options.colors === undefined) options.colors = color;
        return options;
      }
      return color ? kColorInspectOptions : kNoColorInspectOptions;
    },
  },
});

function formatFor(self, stream, args) {
  return formatWithOptionsInternal(self[kGetInspectOptions](stream), args);
}

function timeLogImpl(self, name, label, data) {
  const time = self._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const ms = Number(process.hrtime.bigint() - time) / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    const args = ['%s: %s', label, formatted];
    for (let i = 0; i < data.length; i++) ArrayPrototypePush(args, data[i]);
    ReflectApply(self.log, self, args);
  }
  return true;
}

function pad(value) { return StringPrototypePadStart(`${value}`, 2, '0'); }

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function formatTime(ms) {
  let hours = 0; let minutes = 0; let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = MathFloor(ms / kHour);
        ms %= kHour;
      }
      minutes = MathFloor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = StringPrototypeSplit(NumberPrototypeToFixed(seconds, 3), '.'));
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${NumberPrototypeToFixed(seconds, 3)}s`;
  return `${Number(NumberPrototypeToFixed(ms, 3))}ms`;
}

const consoleMethods = {
  log(...args) { this[kWriteToConsole](kUseStdout, formatFor(this, this._stdout, args)); },
  warn(...args) { this[kWriteToConsole](kUseStderr, formatFor(this, this._stderr, args)); },
  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      __proto__: null,
      customInspect: false, ...this[kGetInspectOptions](this._stdout), ...options,
    }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime.bigint());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this._times.delete(label);
  },
  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },
  trace: function trace(...args) {
    const err = { name: 'Trace', message: formatFor(this, this._stderr, args) };
    ErrorCaptureStackTrace(err, trace);
    this.error(err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      if (args.length === 0) args = ['Assertion failed'];
      else args[0] = `Assertion failed: ${args[0]}`;
      ReflectApply(this.warn, this, args);
    }
  },
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      // Cursor to the top-left corner, then erase everything below it.
      this._stdout.write('\x1b[1;1H\x1b[0J');
    }
  },
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },
  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },
  group(...data) {
    if (data.length > 0) ReflectApply(this.log, this, data);
    this[kGroupIndent] += StringPrototypeRepeat(' ', this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = StringPrototypeSlice(this[kGroupIndent], 0,
      this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    return require('internal/console/tabular').printTable(this, tabularData, properties,
      (v) => inspect(v, {
        __proto__: null,
        depth: v !== null && typeof v === 'object' && !ArrayIsArray(v) &&
          ObjectKeys(v).length > 2 ? -1 : 0,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      }));
  },
};

{
  const methods = ReflectOwnKeys(consoleMethods);
  for (let i = 0; i < methods.length; i++) Console.prototype[methods[i]] = consoleMethods[methods[i]];
}
Console.prototype.debug = Console.prototype.log;
Console.prototype.info = Console.prototype.log;
Console.prototype.dirxml = Console.prototype.log;
Console.prototype.error = Console.prototype.warn;
Console.prototype.groupCollapsed = Console.prototype.group;

module.exports = {
  Console, kBindStreamsLazy, kBindProperties, kWriteToConsole, formatTime, types,
};
