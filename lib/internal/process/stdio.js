'use strict';
// process.stdout / process.stderr / process.stdin, picked by what the fd is, as
// node picks them (guessHandleType):
//   a file      → SyncWriteStream (writes)      fs.ReadStream (stdin)
//   a pipe or a socket → net.Socket over a handle on the fd (stdin reads go
//                 through the loop; a paused stdin stops reading, so it does not
//                 keep the process alive)
//   a terminal  → tty.WriteStream               tty.ReadStream
//   closed      → a stream that writes nowhere / an empty stream
// stdout and stderr write synchronously whatever they are, in program order, so
// nothing is lost when the process exits right after a write (node does so for
// files and terminals, and writes pipes at once too). A failed write (EPIPE: the
// reader went away) goes to the write's callback and then is the stream's 'error'
// (console's writes ignore it; with no listener it is an uncaught exception, as in
// node). destroy() never closes the fd and the stream stays usable, as node's.
// Bindings: process_methods.{writeSync, guessHandleType}.

const { FunctionPrototypeCall, ObjectSetPrototypeOf } = primordials;

const { writeSync, guessHandleType } = internalBinding('process_methods');
const Writable = require('internal/streams/writable');
// Taken now: a user's later Buffer.from = ... must not reach stdout's writes.
const { from: BufferFrom } = require('buffer').Buffer;

// A Writable over an fd written with write(2) before write() returns (a file).
function SyncWriteStream(fd, options) {
  if (!(this instanceof SyncWriteStream)) return new SyncWriteStream(fd, options);
  FunctionPrototypeCall(Writable, this, { __proto__: null, autoDestroy: true, decodeStrings: false });
  options = options || { __proto__: null };
  this.fd = fd;
  this.readable = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}
ObjectSetPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function(chunk, encoding, cb) {
  if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' &&
      encoding !== 'buffer') {
    chunk = BufferFrom(chunk, encoding);
  }
  writeSync(this.fd, chunk);
  cb();
  return true;
};

SyncWriteStream.prototype._destroy = function(err, cb) {
  if (this.fd === null) return cb(err);
  if (this.autoClose) require('fs').closeSync(this.fd);
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

// stdio streams survive destroy(): the fd stays open and the stream usable; 'close'
// is still emitted, so finished() and pipeline() see the end.
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) {
    process.nextTick(() => this.emit('close'));
  }
}

function createWritableStdioStream(fd) {
  let stream;
  const self = require('internal/worker/self');
  // A Worker's output goes to its parent (worker.stdout / worker.stderr), in order.
  if (!self.isMainThread) return self.outputStream(fd);
  switch (guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stream = new tty.WriteStream(fd);
      stream._type = 'tty';
      break;
    }
    case 'FILE':
      stream = new SyncWriteStream(fd, { __proto__: null, autoClose: false });
      stream._type = 'fs';
      break;
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      const { kSyncWrites } = require('internal/net');
      stream = new net.Socket({ __proto__: null, fd, readable: false, writable: true });
      stream[kSyncWrites] = fd;
      stream._type = 'pipe';
      break;
    }
    default:
      // The fd is closed: writes go nowhere, as node's stand-in stream does.
      stream = new Writable({
        __proto__: null,
        write(chunk, encoding, cb) { cb(); },
      });
  }
  stream.fd = fd;
  stream._isStdio = true;
  return stream;
}

function create(fd) {
  const stream = createWritableStdioStream(fd);
  // Ending or destroying stdout must not end the process's output for good.
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  if (stream.isTTY) {
    process.on('SIGWINCH', () => stream._refreshSize());
  }
  return stream;
}

function createStdin() {
  const fd = 0;
  let stdin;
  // A Worker's stdin is what its parent writes to worker.stdin (options.stdin), or empty.
  const self = require('internal/worker/self');
  if (self.hasStdin) {
    stdin = self.inputStream();
    stdin.fd = fd;
    return stdin;
  }
  switch (self.isMainThread ? guessHandleType(fd) : 'NONE') {
    case 'TTY': {
      const tty = require('tty');
      stdin = new tty.ReadStream(fd);
      break;
    }
    case 'FILE': {
      const fs = require('fs');
      stdin = new fs.ReadStream(null, { __proto__: null, fd, autoClose: false });
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      stdin = new net.Socket({
        __proto__: null, fd, readable: true, writable: false, manualStart: true,
      });
      // stdin cannot be end()ed.
      stdin._writableState.ended = true;
      break;
    }
    default: {
      const { Readable } = require('stream');
      stdin = new Readable({ __proto__: null, read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;
  // pause() stops reading one tick later (after the stream has settled), so that
  // a paused stdin lets the process exit.
  if (stdin._handle) {
    const { kReadStop } = require('internal/net');
    stdin.on('pause', () => process.nextTick(onpause));
    stdin.on('resume', () => { stdin._readStopped = false; });
    stdin.on('newListener', (event) => {
      if (event === 'readable' || event === 'data') stdin._readStopped = false;
    });
    function onpause() {
      if (!stdin._handle) return;
      if (!stdin.readableFlowing) {
        stdin._readableState.reading = false;
        stdin[kReadStop]();
      }
    }
  }
  return stdin;
}

module.exports = { create, createStdin, SyncWriteStream };
