'use strict';
// How a server connection's responses and requests learn that its socket closed,
// in node's order: every request whose response has not finished is aborted
// ('aborted' at once, then 'error' ECONNRESET and 'close'), in request order;
// only the response that holds the socket (the first unfinished one) gets 'close',
// after the socket's 'close' listeners added before its request; a response
// still queued behind it (pipelining) gets none and is not destroyed. `conn` is
// lib/internal/http/server_connection.js's Connection.

const { ArrayPrototypePush, Error, ObjectDefineProperty } = primordials;

// The response's 'close' (a tick after 'finish', or when its socket closes).
function emitClose(res) {
  if (res._closed) return;
  res.destroyed = true;
  res._closed = true;
  res.emit('close');
}

// The responses not finished, in request order (the socket's order).
function openResponses(conn) {
  const open = conn.failed !== null ? conn.failed : [];
  if (conn.endingFirst !== null) ArrayPrototypePush(open, conn.endingFirst);
  const rest = conn.endingRest;
  if (rest !== null) for (let i = 0; i < rest.length; i++) ArrayPrototypePush(open, rest[i]);
  if (conn.current !== null && (open.length === 0 || open[open.length - 1] !== conn.current)) {
    ArrayPrototypePush(open, conn.current);
  }
  for (let i = 0; i < conn.waiting.length; i++) ArrayPrototypePush(open, conn.waiting[i]);
  return open;
}

// The socket closed: aborts the requests not answered and picks the response
// that gets 'close' (socketClosedLast).
function abortOpen(conn) {
  // One error for all, made only when there is something to abort: capturing its
  // stack was a few percent of every `Connection: close` request's CPU.
  let err = null;
  const abort = (req) => {
    if (req === null || req.destroyed) return;
    if (err === null) {
      err = new Error('aborted');
      ObjectDefineProperty(err, 'code', {
        __proto__: null, value: 'ECONNRESET', writable: true, enumerable: true, configurable: true,
      });
    }
    req.destroy(err);
  };
  const open = openResponses(conn);
  for (let i = 0; i < open.length; i++) abort(open[i].req);
  // A body still being read whose response finished early.
  abort(conn.incoming);
  conn.incoming = null;
  conn.failed = null;
  conn.holder = open.length > 0 ? open[0] : null;
}

// The socket's 'close' listener added at the connection's first request: where
// node's response listens for its socket's 'close' (after the listeners added
// on 'connection'). `this` is the socket; kConnection its Connection.
function closeListener(kConnection) {
  return function socketClosedLast() {
    const conn = this[kConnection];
    const res = conn.holder;
    if (res === null) return;
    conn.holder = null;
    emitClose(res);
  };
}

module.exports = { emitClose, abortOpen, closeListener };
