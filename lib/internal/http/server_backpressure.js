'use strict';
// A client that pipelines requests without reading the answers: past the
// socket's high-water mark, or with too many answers queued, the server
// connection stops reading (the kernel's buffer and then the client wait) until
// the answers drain. `conn` is lib/internal/http/server_connection.js's
// Connection; the socket is marked (kBackedUp) so that the parser's own resumes
// after each request leave it paused.

const { kBackedUp } = require('_http_incoming');

const kMaxWaiting = 64;
function backedUp(conn) {
  const socket = conn.socket;
  if (socket.writableNeedDrain || conn.waiting.length >= kMaxWaiting) return true;
  let queued = 0;
  for (let i = 0; i < conn.waiting.length; i++) queued += conn.waiting[i].outputSize;
  return queued > socket.writableHighWaterMark;
}

function maybePause(conn) {
  if (!conn.paused && !conn.dead && backedUp(conn)) {
    conn.paused = true;
    conn.socket[kBackedUp] = true;
    conn.socket.pause();
  }
}

function maybeResume(conn) {
  const socket = conn.socket;
  if (conn.paused && !backedUp(conn)) {
    conn.paused = false;
    socket[kBackedUp] = false;
    socket.resume();
  }
}

module.exports = { maybePause, maybeResume };
