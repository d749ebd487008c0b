'use strict';
// process.emitWarning and the default 'warning' printer, as node has them: the
// warning is emitted as a 'warning' event on the next tick; unless --no-warnings,
// a listener installed at start-up writes "(node:PID) [CODE] Name: message" through
// process.stderr.write, with a one-time hint naming the program as it was typed
// (`coil --trace-warnings ...`). DeprecationWarnings honour process.noDeprecation,
// process.throwDeprecation (thrown on the next tick) and process.traceDeprecation;
// --trace-warnings (process.traceProcessWarnings) prints the stack instead.

const {
  ArrayIsArray,
  Error,
  ErrorCaptureStackTrace,
  ErrorPrototypeToString,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
} = primordials;

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateString } = require('internal/validators');

let traceWarningHelperShown = false;

// The program as typed, without its directory (path.basename(argv0, '.exe')).
function programName(argv0) {
  let name = StringPrototypeSlice(argv0, StringPrototypeLastIndexOf(argv0, '/') + 1);
  if (name.length > 4 && StringPrototypeSlice(name, -4) === '.exe') name = StringPrototypeSlice(name, 0, -4);
  return name;
}

function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(${process.release.name}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ?
      `${warning.toString()}` : ErrorPrototypeToString(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHelperShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    const argv0 = programName(process.argv0 || 'coil');
    msg += `\n(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  try {
    process.stderr.write(`${msg}\n`);
  } catch {
    // A warning that cannot be printed must not become an error of its own.
  }
}

function createWarningObject(warning, type, code, ctor, detail) {
  const err = new Error(warning);
  err.name = `${type || 'Warning'}`;
  if (code !== undefined) err.code = code;
  if (detail !== undefined) err.detail = detail;
  ErrorCaptureStackTrace(err, ctor || process.emitWarning);
  return err;
}

function doEmitWarning(warning) {
  process.emit('warning', warning);
}

// emitWarning(warning[, type[, code]][, ctor]) or emitWarning(warning, options).
function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !ArrayIsArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    // Thrown on the next tick, after the warnings emitted before it were printed.
    if (process.throwDeprecation) {
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(doEmitWarning, warning);
}

module.exports = { emitWarning, onWarning };
