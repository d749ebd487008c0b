'use strict';
// process.emitWarning and the default 'warning' printer:
// "(coil:PID) [CODE] Type: message" on stderr, once per tick order like Node.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

let installed = false;
function onWarning(warning) {
  if (process.noDeprecation && warning.name === 'DeprecationWarning') return;
  const code = warning.code ? `[${warning.code}] ` : '';
  const hint = warning.name === 'DeprecationWarning'
    ? '\n(Use `coil --trace-deprecation ...` to show where the warning was created)'
    : '\n(Use `coil --trace-warnings ...` to show where the warning was created)';
  let text = `(coil:${process.pid}) ${code}${warning.name}: ${warning.message}`;
  if (!warnedOnce) { text += hint; warnedOnce = true; }
  if (warning.detail) text += `\n${warning.detail}`;
  process._rawWrite(2, `${text}\n`);
}
let warnedOnce = false;

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor; code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type; code = undefined; type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  if (typeof code === 'function') { ctor = code; code = undefined; }
  else if (code !== undefined && typeof code !== 'string') throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  if (typeof warning === 'string') {
    const err = new Error(warning);
    err.name = String(type || 'Warning');
    if (code !== undefined) err.code = code;
    if (detail !== undefined) err.detail = detail;
    Error.captureStackTrace(err, ctor || process.emitWarning);
    warning = err;
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  if (warning.name === 'DeprecationWarning' && process.throwDeprecation) throw warning;
  if (!installed) {
    installed = true;
    process.on('warning', onWarning);
  }
  process.nextTick(() => process.emit('warning', warning));
}

module.exports = { emitWarning };
