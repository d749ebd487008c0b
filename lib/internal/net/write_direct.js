'use strict';
// net.Socket's kWriteStringDirect method (installed by lib/net.js): a short
// string put on the handle's queue past the socket's Writable — an HTTP
// response's last write (lib/_http_outgoing.js), without the stream's
// bookkeeping per response.

const { kHandle, kSyncWrites, kWriteStringDirect, errnoStreamError } = require('internal/net');

const ECANCELED = -125;

// afterWrite(socket, pending, bytes, cb) and touch(socket) are net.js's: what a
// write through the stream notes (bytes counted, the idle timer refreshed, the
// callback chained behind the queue's drain when it is pending).
function install(Socket, binding, stringWriteMax, afterWrite, touch) {
  const socketWrite = Socket.prototype._write;
  // Taken once: the binding object is in dictionary mode, and optimized code loads
  // a method from it through a generic LoadIC call each time.
  const { writeString } = binding;
  // Only when the Writable holds and owes nothing (so order is kept and no
  // 'finish' of the socket is due): false when it cannot, and the caller writes
  // through the stream. The callback runs on the next tick when the queue took
  // the bytes at once (as the Writable's would), else once they are out.
  // `more`, `more2` and `more3` (strings, or undefined) follow `str` in the same
  // encoding: the bytes of the joined string without making it (V8 would
  // flatten, so copy, a joined string before encoding it). `sized`: `more` is a
  // chunk of chunked coding, to follow its size line (written from its bytes).
  Socket.prototype[kWriteStringDirect] = function(str, encoding, cb, more, more2, more3, sized) {
    const h = this[kHandle];
    let n = str.length;
    if (more !== undefined) n += more.length;
    if (more2 !== undefined) n += more2.length;
    if (more3 !== undefined) n += more3.length;
    // Only a plain socket's own _write puts bytes on its handle as they are (a
    // TLSSocket's encrypts them).
    if (h === null || n === 0 || n > stringWriteMax || this.connecting || this[kSyncWrites] >= 0 ||
        this._write !== socketWrite) {
      return false;
    }
    const ws = this._writableState;
    if (ws.length !== 0 || ws.corked !== 0 || ws.writing || ws.ending || ws.destroyed ||
        ws.errored !== null || !ws.constructed) {
      return false;
    }
    // undefined (an HTTP response's) first: a `===` that has seen both undefined and a
    // string is a generic builtin call in optimized code, one against undefined is not.
    let latin1;
    if (encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8') latin1 = false;
    else if (encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii') latin1 = true;
    else return false;
    const r = writeString(h.id, this._writeReq, str, latin1, more, more2, more3, sized === true);
    if (r < 0) {
      const err = errnoStreamError(r === ECANCELED ? -32 : r, 'write');
      process.nextTick(cb, err);
      this.destroy(err);
      return true;
    }
    const total = (r - (r & 1)) / 2;
    if ((r & 1) !== 0) {
      afterWrite(this, 1, total, cb);
      return true;
    }
    this._bytesDispatched += total;
    this._bytesWritten += total;
    touch(this);
    process.nextTick(cb);
    return true;
  };
}

module.exports = { install };
