'use strict';
// tty: isatty, and the terminal streams. tty.ReadStream and tty.WriteStream are
// net.Sockets over a handle on the terminal's fd: reads are read(2) ops through
// the loop; writes are synchronous, as node's terminal writes are on Linux. Size
// (TIOCGWINSZ) and raw mode (termios) come from tty_wrap; process.stdout's
// 'resize' comes from a SIGWINCH listener (internal/process/stdio.js).
// Bindings: tty_wrap.{isTTY, getWindowSize, setRawMode}, tcp_wrap.openFd,
// process_methods.guessHandleType.

const {
  Error, NumberIsInteger, ObjectSetPrototypeOf, RegExpPrototypeExec, FunctionPrototypeCall,
} = primordials;

const ttyBinding = internalBinding('tty_wrap');
const { guessHandleType } = internalBinding('process_methods');
const net = require('net');
const { kSyncWrites } = require('internal/net');
const { openFd } = require('internal/net/fd_handle');
const { codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED }, errnoInfo } = require('internal/errors');

function isatty(fd) {
  return NumberIsInteger(fd) && fd >= 0 && fd <= 2147483647 && ttyBinding.isTTY(fd);
}

// The stream handle over `fd`, or ERR_TTY_INIT_FAILED as node's uv_tty_init fails
// (EINVAL for a file or a closed fd; a pipe is accepted, as libuv does).
function openTerminal(fd) {
  if (!NumberIsInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
  const type = guessHandleType(fd);
  let h = -22;
  if (type !== 'FILE' && type !== 'UNKNOWN') h = openFd(fd, type === 'TTY');
  if (typeof h === 'number') {
    const info = errnoInfo(h);
    throw new ERR_TTY_INIT_FAILED({
      __proto__: null, errno: h, code: info[0], message: info[1], syscall: 'uv_tty_init',
    });
  }
  return h;
}

function uvError(errno, syscall) {
  const code = errnoInfo(errno)[0];
  const err = new Error(`${syscall} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const handle = openTerminal(fd);
  FunctionPrototypeCall(net.Socket, this, {
    __proto__: null,
    highWaterMark: 0,
    readable: true,
    writable: false,
    handle,
    manualStart: true,
    ...options,
  });
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
}
ObjectSetPrototypeOf(ReadStream.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = this._handle ? ttyBinding.setRawMode(this.fd, flag) : 0;
  if (err < 0) {
    this.emit('error', uvError(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const handle = openTerminal(fd);
  FunctionPrototypeCall(net.Socket, this, {
    __proto__: null,
    readableHighWaterMark: 0,
    handle,
    manualStart: true,
  });
  this.fd = fd;
  this[kSyncWrites] = fd;
  this._type = 'tty';
  const size = ttyBinding.getWindowSize(fd);
  if (typeof size !== 'number') {
    this.columns = size[0];
    this.rows = size[1];
  }
}
ObjectSetPrototypeOf(WriteStream.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;

// Reads the size again; 'resize' when it changed (on SIGWINCH).
WriteStream.prototype._refreshSize = function() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = ttyBinding.getWindowSize(this.fd);
  if (typeof size === 'number') {
    this.emit('error', uvError(size, 'getWindowSize'));
    return;
  }
  if (oldCols !== size[0] || oldRows !== size[1]) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

// Colour support by the usual conventions (NO_COLOR, FORCE_COLOR, TERM, COLORTERM).
WriteStream.prototype.getColorDepth = function(env = process.env) {
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined ||
      env.TERM === 'dumb') return 1;
  if (env.FORCE_COLOR === '0') return 1;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM && RegExpPrototypeExec(/-256(color)?$/, env.TERM) !== null) return 8;
  return 4;
};

WriteStream.prototype.hasColors = function(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  }
  return count <= 2 ** this.getColorDepth(env);
};

// The cursor helpers write ANSI sequences, as readline's functions do.
WriteStream.prototype.cursorTo = function(x, y, cb) {
  return require('readline').cursorTo(this, x, y, cb);
};
WriteStream.prototype.moveCursor = function(dx, dy, cb) {
  return require('readline').moveCursor(this, dx, dy, cb);
};
WriteStream.prototype.clearLine = function(dir, cb) {
  return require('readline').clearLine(this, dir, cb);
};
WriteStream.prototype.clearScreenDown = function(cb) {
  return require('readline').clearScreenDown(this, cb);
};

module.exports = { isatty, WriteStream, ReadStream };
