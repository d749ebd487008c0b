'use strict';
// A closed http server's connections: its checking interval stops at close(),
// as node's does, but the keep-alive connections left still end once idle for
// keepAliveTimeout (node's are socket timeouts, which outlive the server's
// listening), so a client that keeps one open does not keep the process alive.
// One unref'd interval per closed server, until its connections are gone.

const { DateNow, MathMin, Symbol } = primordials;

const kDrain = Symbol('kDrain');

// isIdle(conn) and unseen are the connection module's (a stamp not yet taken).
function startDrain(server, list, isIdle, unseen) {
  const keepAlive = server.keepAliveTimeout;
  if (server[kDrain] || !(keepAlive > 0)) return;
  server[kDrain] = setInterval(drainSweep, MathMin(1000, keepAlive), server, list, isIdle, unseen);
  server[kDrain].unref();
}

function drainSweep(server, list, isIdle, unseen) {
  if (list.size === 0 || server.listening) {
    clearInterval(server[kDrain]);
    server[kDrain] = null;
    return;
  }
  const now = DateNow();
  for (const conn of list) {
    if (conn.dead) continue;
    if (conn.idleSince === unseen) conn.idleSince = now;
    if (isIdle(conn) && conn.requests > 0 && conn.headStart === 0 &&
        now - conn.idleSince >= server.keepAliveTimeout) conn.socket.destroy();
  }
}

module.exports = { startDrain };
