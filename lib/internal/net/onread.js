'use strict';
// A net.Socket's `onread` option: reads go to the user's buffer (or a buffer a
// function hands out for each read) and callback(nread, buf), in place of
// 'data'. The reads come from the ring into coil's own buffers, so each is
// copied into the user's buffer, a buffer-full at a time; what does not fit
// waits for the next callback. pause(), or the callback returning false, stops
// delivery (and reading) until resume().

const {
  ArrayPrototypePush, ArrayPrototypeShift, FunctionPrototypeCall, MathMin, TypedArrayPrototypeSet,
  TypedArrayPrototypeSubarray,
} = primordials;
const { Duplex } = require('stream');
const { isUint8Array } = require('internal/util/types');
const { kDataSink, kSinkResume } = require('internal/net');

function install(socket, onread) {
  const { buffer, callback } = onread;
  // As node: an onread without a usable buffer and callback is ignored.
  if ((typeof buffer !== 'function' && !isUint8Array(buffer)) || typeof callback !== 'function') return;
  const pending = []; // chunks (and what of the first is left) not yet delivered
  let offset = 0;
  let stopped = false;
  let eof = false;
  const push = socket.push;

  function deliver() {
    while (!stopped && pending.length > 0) {
      const chunk = pending[0];
      const buf = typeof buffer === 'function' ? buffer() : buffer;
      const n = MathMin(buf.length, chunk.length - offset);
      TypedArrayPrototypeSet(buf, TypedArrayPrototypeSubarray(chunk, offset, offset + n));
      offset += n;
      if (offset === chunk.length) {
        ArrayPrototypeShift(pending);
        offset = 0;
      }
      if (FunctionPrototypeCall(callback, socket, n, buf) === false) stopped = true;
    }
    if (!stopped && eof) {
      eof = false;
      end();
    }
  }

  function end() {
    // The end of the stream is a read too: a buffer is asked for it, as for any.
    if (typeof buffer === 'function') buffer();
    FunctionPrototypeCall(push, socket, null);
    socket.read(0);
  }

  socket[kDataSink] = (s, chunk) => {
    ArrayPrototypePush(pending, chunk);
    deliver();
    return !stopped;
  };
  socket.push = function(chunk, encoding) {
    if (chunk !== null) return FunctionPrototypeCall(push, this, chunk, encoding);
    if (stopped || pending.length > 0) {
      eof = true;
      return false;
    }
    end();
    return false;
  };
  socket.pause = function() {
    stopped = true;
    return FunctionPrototypeCall(Duplex.prototype.pause, this);
  };
  socket.resume = function() {
    stopped = false;
    deliver();
    if (!stopped && !this.destroyed) this[kSinkResume]();
    return FunctionPrototypeCall(Duplex.prototype.resume, this);
  };
}

module.exports = { install };
