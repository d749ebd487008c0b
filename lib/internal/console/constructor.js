'use strict';
// The Console class: formatting with util.format, group indentation, timers,
// counters, assert, trace, dir and table, writing each message as one
// `stream.write(string)`. lib/console.js builds the global console from it.
//
// internalBinding('util') functions used: previewEntries(obj, true) (console.table
// on Map/Set iterators). Uses process.hrtime, process.emitWarning, process.env.

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM, ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateInteger, validateObject, validateArray, validateOneOf,
} = require('internal/validators');
const { inspect, formatWithOptions } = require('internal/util/inspect');
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

const optionsMap = new WeakMap();
const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
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
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Console.prototype[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }
  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const hidden = { writable: true, enumerable: false, configurable: true };

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

Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    ...hidden,
    value(stdout, stderr) {
      Object.defineProperties(this, {
        _stdout: { ...hidden, value: stdout },
        _stderr: { ...hidden, value: stderr },
      });
    },
  },
  // The global console reads process.stdout/stderr only when first used.
  [kBindStreamsLazy]: {
    ...hidden,
    value(object) {
      let stdout; let stderr;
      Object.defineProperties(this, {
        _stdout: {
          enumerable: false, configurable: true,
          get() { return stdout || (stdout = object.stdout); },
          set(value) { stdout = value; },
        },
        _stderr: {
          enumerable: false, configurable: true,
          get() { return stderr || (stderr = object.stderr); },
          set(value) { stderr = value; },
        },
      });
    },
  },
  [kBindProperties]: {
    ...hidden,
    value(ignoreErrors, colorMode, groupIndentation = 2) {
      Object.defineProperties(this, {
        _stdoutErrorHandler: { ...hidden, value: createWriteErrorHandler(this, kUseStdout) },
        _stderrErrorHandler: { ...hidden, value: createWriteErrorHandler(this, kUseStderr) },
        _ignoreErrors: { ...hidden, value: Boolean(ignoreErrors) },
        _times: { ...hidden, value: new Map() },
        [kCounts]: { ...hidden, value: new Map() },
        [kColorMode]: { ...hidden, value: colorMode },
        [kGroupIndent]: { ...hidden, value: '' },
        [kGroupIndentationWidth]: { ...hidden, value: groupIndentation },
      });
    },
  },
  [kWriteToConsole]: {
    ...hidden,
    value(streamSymbol, string) {
      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;
      const groupIndent = this[kGroupIndent];
      if (groupIndent.length !== 0) {
        if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
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
        if (e instanceof RangeError && /call stack size/.test(e.message)) throw e;
      } finally {
        if (canListen) stream.removeListener('error', noop);
      }
    },
  },
  [kGetInspectOptions]: {
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
  return formatWithOptions(self[kGetInspectOptions](stream), ...args);
}

function timeLogImpl(self, name, label, data) {
  const time = self._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const ms = Number(process.hrtime.bigint() - time) / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) self.log('%s: %s', label, formatted);
  else self.log('%s: %s', label, formatted, ...data);
  return true;
}

function pad(value) { return `${value}`.padStart(2, '0'); }

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function formatTime(ms) {
  let hours = 0; let minutes = 0; let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms %= kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.'));
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

const consoleMethods = {
  log(...args) { this[kWriteToConsole](kUseStdout, formatFor(this, this._stdout, args)); },
  warn(...args) { this[kWriteToConsole](kUseStderr, formatFor(this, this._stderr, args)); },
  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
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
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      if (args.length === 0) args = ['Assertion failed'];
      else args[0] = `Assertion failed: ${args[0]}`;
      Reflect.apply(this.warn, this, args);
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
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0,
      this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    return require('internal/console/tabular').printTable(this, tabularData, properties,
      (v) => inspect(v, {
        depth: v !== null && typeof v === 'object' && !Array.isArray(v) &&
          Object.keys(v).length > 2 ? -1 : 0,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      }));
  },
};

for (const method of Reflect.ownKeys(consoleMethods)) {
  Console.prototype[method] = consoleMethods[method];
}
Console.prototype.debug = Console.prototype.log;
Console.prototype.info = Console.prototype.log;
Console.prototype.dirxml = Console.prototype.log;
Console.prototype.error = Console.prototype.warn;
Console.prototype.groupCollapsed = Console.prototype.group;

module.exports = {
  Console, kBindStreamsLazy, kBindProperties, kWriteToConsole, formatTime, types,
};
