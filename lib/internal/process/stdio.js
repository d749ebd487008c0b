'use strict';
// process.stdout / process.stderr / process.stdin. stdout and stderr are
// stream.Writable instances whose writes reach the fd synchronously, for files,
// terminals and pipes alike (node is synchronous for the first two; for pipes a
// synchronous write keeps program order and loses nothing at exit). A failed write
// (EPIPE: the reader went away) is emitted as the stream's 'error' on the next
// tick; with no listener it is an uncaught exception, as in node. The stream is
// "undestroyed" after an error as node's stdio streams are, and never closes its fd.
// Later, pipes and sockets can get a ring-based async stream of their own: only
// createWritableStdioStream picks the class.
// Bindings: process_methods.{writeSync, isatty, guessHandleType, getWindowSize}.

const { RegExpPrototypeExec } = primordials;

const { writeSync, guessHandleType, getWindowSize } = internalBinding('process_methods');
const Writable = require('internal/streams/writable');
const { Buffer } = require('buffer');

function pipeError(err) {
  const e = new Error(`${err.syscall} ${err.code}`);
  e.errno = err.errno;
  e.code = err.code;
  e.syscall = err.syscall;
  return e;
}

function emitWriteError(stream, err) {
  stream.emit('error', err);
}

class SyncWriteStream extends Writable {
  constructor(fd, options) {
    super({ __proto__: null, decodeStrings: false, autoDestroy: true, ...options });
    this.fd = fd;
    this._type = 'fs';
    this._isStdio = false;
    this.destroySoon = this.destroy;
  }

  _write(chunk, encoding, cb) {
    if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' &&
        encoding !== 'buffer') {
      chunk = Buffer.from(chunk, encoding);
    }
    try {
      writeSync(this.fd, chunk);
    } catch (err) {
      // A pipe's error reads as node's stream errors do ("write EPIPE").
      if (this._type === 'pipe' && err.code !== undefined) err = pipeError(err);
      // Ahead of the write's own callback, so a best-effort writer (console)
      // does not swallow it: node reports a dead pipe this way too.
      process.nextTick(emitWriteError, this, err);
    }
    cb();
  }

  _destroy(err, cb) {
    cb(err);
    // stdio streams survive destroy(): node keeps the fd open and the stream usable.
    if (this._isStdio) this._undestroy();
  }
}

// A terminal: columns and rows from the kernel, colours by the usual conventions.
class TTYWriteStream extends SyncWriteStream {
  constructor(fd) {
    super(fd);
    this._type = 'tty';
    this.isTTY = true;
    const size = getWindowSize(fd);
    if (size !== undefined) {
      this.columns = size[0];
      this.rows = size[1];
    }
  }

  getWindowSize() {
    return [this.columns, this.rows];
  }

  getColorDepth(env = process.env) {
    if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined ||
        env.TERM === 'dumb') return 1;
    if (env.FORCE_COLOR === '0') return 1;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    if (env.TERM && RegExpPrototypeExec(/-256(color)?$/, env.TERM) !== null) return 8;
    return 4;
  }

  hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    return count <= 2 ** this.getColorDepth(env);
  }

  cursorTo() { return true; }
  moveCursor() { return true; }
  clearLine() { return true; }
  clearScreenDown() { return true; }
}

// Writes to nowhere (fd closed at start-up), as node's stand-in stream does.
function createDummy(fd) {
  const stream = new Writable({
    __proto__: null,
    write(chunk, encoding, cb) { cb(); },
  });
  stream.fd = fd;
  return stream;
}

function createWritableStdioStream(fd) {
  let stream;
  switch (guessHandleType(fd)) {
    case 'TTY':
      stream = new TTYWriteStream(fd);
      break;
    case 'FILE':
      stream = new SyncWriteStream(fd);
      break;
    case 'PIPE':
    case 'TCP':
      stream = new SyncWriteStream(fd);
      stream._type = 'pipe';
      break;
    default:
      return createDummy(fd);
  }
  stream._isStdio = true;
  // Ending stdout must not end the process's output for good: node ignores it.
  stream.destroySoon = stream.destroy;
  return stream;
}

function create(fd) {
  return createWritableStdioStream(fd);
}

function createStdin() {
  const { Readable } = require('stream');
  const stdin = new Readable({
    __proto__: null,
    read() {
      const fs = require('fs');
      const chunk = Buffer.alloc(65536);
      let n = 0;
      try { n = fs.readSync(0, chunk, 0, chunk.length, null); } catch { n = 0; }
      this.push(n > 0 ? chunk.subarray(0, n) : null);
    },
  });
  stdin.fd = 0;
  if (guessHandleType(0) === 'TTY') {
    stdin.isTTY = true;
    stdin.isRaw = false;
    stdin.setRawMode = function setRawMode(flag) { this.isRaw = !!flag; return this; };
  }
  return stdin;
}

module.exports = { create, createStdin, SyncWriteStream, TTYWriteStream };
