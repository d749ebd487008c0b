'use strict';
// readline: lines out of a readable stream (createInterface / Interface), and the
// ANSI cursor helpers (cursorTo, moveCursor, clearLine, clearScreenDown) that CLIs
// such as prettier use for progress output.
//
// With `terminal` (a TTY output by default) the Interface edits the line itself:
// see internal/readline/terminal.js.

const {
  ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;
const { validateFunction } = require('internal/validators');
const { Interface } = require('internal/readline/interface');
const { emitKeypressEvents } = require('internal/readline/keypress');
const { NumberIsNaN, ObjectDefineProperty } = primordials;

const CSI = '\x1b[';

// Writes `data` to `stream` (when there is something to write) and reports
// whether the stream wants more, as Node's helpers do; `callback` runs after.
function writeCodes(stream, data, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || data === '') {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (NumberIsNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (NumberIsNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    return writeCodes(null, '', callback);
  }
  if (typeof x !== 'number') throw new ERR_INVALID_ARG_VALUE('x', x);
  const code = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return writeCodes(stream, code, callback);
}

function moveCursor(stream, dx, dy, callback) {
  let code = '';
  if (dx < 0) code += `${CSI}${-dx}D`;
  else if (dx > 0) code += `${CSI}${dx}C`;
  if (dy < 0) code += `${CSI}${-dy}A`;
  else if (dy > 0) code += `${CSI}${dy}B`;
  return writeCodes(stream, code, callback);
}

// dir < 0: to the line's start; dir > 0: to its end; 0: the whole line.
function clearLine(stream, dir, callback) {
  const code = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return writeCodes(stream, code, callback);
}

function clearScreenDown(stream, callback) {
  return writeCodes(stream, `${CSI}0J`, callback);
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

ObjectDefineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return require('readline/promises');
  },
});
