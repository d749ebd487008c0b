'use strict';
// Stream handles over an fd the process already has (stdio, `new net.Socket({fd})`,
// tty streams), named as node's wraps are (Pipe, TCP, TTY) so code that looks at
// `socket._handle` finds what it expects: the fd, close(), ref()/unref() and
// setBlocking(). net.js reads `id`, `pipe` and `plain` (a pipe or a terminal:
// read and written with plain read/writev ops). Stdio's fds (0-2) are never
// closed by their handle, as libuv never closes them.
// Bindings: tcp_wrap.{openFd, close, ref}.

const { Error, ObjectSetPrototypeOf } = primordials;
const { errnoInfo } = require('internal/errors');

const binding = internalBinding('tcp_wrap');

function FdHandle() {}
FdHandle.prototype.close = function close(cb) {
  if (this.closed) return;
  this.closed = true;
  binding.close(this.id, {
    __proto__: null,
    oncomplete() { if (typeof cb === 'function') cb(); },
  });
};
FdHandle.prototype.ref = function ref() {
  this.referenced = true;
  binding.ref(this.id, true);
};
FdHandle.prototype.unref = function unref() {
  this.referenced = false;
  binding.ref(this.id, false);
};
FdHandle.prototype.hasRef = function hasRef() {
  return this.referenced && !this.closed;
};
// Writes to stdio are synchronous already; other handles keep theirs queued.
FdHandle.prototype.setBlocking = function setBlocking() {
  return 0;
};

function Pipe() {}
ObjectSetPrototypeOf(Pipe.prototype, FdHandle.prototype);
function TCP() {}
ObjectSetPrototypeOf(TCP.prototype, FdHandle.prototype);
function TTY() {}
ObjectSetPrototypeOf(TTY.prototype, FdHandle.prototype);

// A handle over `fd`, or -errno. `terminal`: the fd is a terminal (a TTY handle).
function openFd(fd, terminal) {
  const r = binding.openFd(fd, fd > 2);
  if (typeof r === 'number') return r;
  const type = r[1];
  const h = terminal ? new TTY() : type === 'tcp' ? new TCP() : new Pipe();
  h.id = r[0];
  h.fd = fd;
  h.pipe = type !== 'tcp';
  h.plain = type === 'plain';
  h.closed = false;
  h.referenced = true;
  return h;
}

// The error for openFd's -errno, as node words it.
function openFdError(errno) {
  const code = errnoInfo(errno)[0];
  const err = new Error(`open ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = 'open';
  return err;
}

module.exports = { openFd, openFdError, FdHandle, Pipe, TCP, TTY };
