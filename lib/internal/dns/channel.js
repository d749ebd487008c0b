'use strict';
// The resolver's transport, the part c-ares plays in node: one DNS query per
// call, sent as a UDP datagram from a socket connected to the server (its send,
// recv and close are ops on the loop, through the ring or epoll like any socket),
// with c-ares' policy: a timeout per try that doubles each round over the
// servers, `tries` rounds, the next server on a timeout, a refused port
// (ECONNREFUSED) or a SERVFAIL/NOTIMP/REFUSED answer, and the query again over TCP
// when the answer comes back truncated. The wire format is Rust's (cares_wrap:
// encodeQuery / parseAnswer); results go to `cb(errorCode | null, records)`.

const {
  MathFloor, SafeSet, StringPrototypeEndsWith, StringPrototypeToLowerCase, Uint8Array,
} = primordials;

const binding = internalBinding('cares_wrap');
const { isIP } = require('internal/net');
const { defaultServers } = require('internal/dns/utils');

// c-ares' defaults: 2 s for the first try, 4 rounds (node's default `tries`).
const DEFAULT_TIMEOUT = 2000;
const DEFAULT_TRIES = 4;

// An answer's RCODE as Node's error code (0: no error).
const rcodeErrors = [null, 'EFORMERR', 'ESERVFAIL', 'ENOTFOUND', 'ENOTIMP', 'EREFUSED'];

const activeResources = require('internal/process/active_resources');
let timers;
function lazyTimers() {
  if (timers === undefined) timers = require('timers');
  return timers;
}

function request(oncomplete) {
  return { __proto__: null, oncomplete };
}

class Channel {
  constructor(timeout, tries) {
    this.servers = defaultServers();
    this.timeout = timeout >= 0 ? timeout : DEFAULT_TIMEOUT;
    this.tries = tries > 0 ? tries : DEFAULT_TRIES;
    this.queries = new SafeSet();
    // setLocalAddress(): [IPv4, IPv6] addresses to send from (null: any).
    this.local = [null, null];
  }

  getServers() {
    return this.servers;
  }

  setServers(list) {
    this.servers = list;
  }

  // Starts a query for (name, type); cb(code, records) runs once.
  query(name, type, cb) {
    const q = {
      __proto__: null, channel: this, name, type, cb, servers: this.servers, attempt: 0,
      refusals: 0, handle: -1, tcp: null, timer: null, id: 0, packet: null, done: false,
      lastError: 'ETIMEOUT',
    };
    const packet = binding.encodeQuery(name, type);
    this.queries.add(q);
    if (typeof packet === 'number') {
      process.nextTick(finish, q, 'EBADNAME');
      return q;
    }
    q.packet = new Uint8Array(packet);
    q.id = (q.packet[0] << 8) | q.packet[1];
    // Names under .onion are never sent to DNS (RFC 7686), as c-ares refuses them.
    if (isOnion(name)) {
      process.nextTick(finish, q, 'ENOTFOUND');
      return q;
    }
    if (q.servers.length === 0) {
      // c-ares' ENOSERVER, a code node has no name for.
      process.nextTick(finish, q, 'UNKNOWN_ARES_ERROR');
      return q;
    }
    sendNext(q);
    return q;
  }

  // resolver.cancel(): every query in flight stops now and its callback gets
  // ECANCELLED on the next tick (node calls it after cancel() returns).
  cancel() {
    for (const q of new SafeSet(this.queries)) finish(q, 'ECANCELLED', undefined, true);
  }
}

function isOnion(name) {
  const n = StringPrototypeToLowerCase(name);
  return StringPrototypeEndsWith(n, '.onion') || StringPrototypeEndsWith(n, '.onion.') ||
    n === 'onion' || n === 'onion.';
}

// A query's timeout: a timer of the resolver's own, as c-ares' are, which
// process.getActiveResourcesInfo() does not list as a 'Timeout'.
function startTimer(q, ms) {
  q.timer = lazyTimers().setTimeout(() => {
    q.timer = null;
    activeResources.clearTimerHandle(q);
    q.lastError = 'ETIMEOUT';
    sendNext(q);
  }, ms);
  activeResources.setTimerHandle(q, null, q.timer);
}

function closeTransport(q) {
  if (q.timer !== null) {
    lazyTimers().clearTimeout(q.timer);
    activeResources.clearTimerHandle(q);
    q.timer = null;
  }
  if (q.handle >= 0) {
    binding.close(q.handle, request(() => {}));
    q.handle = -1;
  }
  if (q.tcp !== null) {
    q.tcp.destroy();
    q.tcp = null;
  }
}

function finish(q, code, records, later = false) {
  if (q.done) return;
  q.done = true;
  closeTransport(q);
  q.channel.queries.delete(q);
  if (later) process.nextTick(q.cb, code, records);
  else q.cb(code, records);
}

// The next try: the next server, and a longer timeout once every server was tried.
function sendNext(q) {
  if (q.done) return;
  closeTransport(q);
  const servers = q.servers;
  if (q.attempt >= servers.length * q.channel.tries) return finish(q, q.lastError);
  const server = servers[q.attempt % servers.length];
  const round = MathFloor(q.attempt / servers.length);
  q.attempt++;
  const family = isIP(server[0]);
  const h = binding.udpOpen(family);
  if (h < 0) return finish(q, 'ECONNREFUSED');
  q.handle = h;
  const local = q.channel.local[family === 6 ? 1 : 0];
  if ((local !== null && binding.udpBind(h, local) < 0) ||
      binding.udpConnect(h, server[0], server[1]) < 0) {
    q.lastError = 'ECONNREFUSED';
    return process.nextTick(sendNext, q);
  }
  binding.send(h, request((_, sent) => {
    if (q.handle !== h || sent >= 0) return;
    q.lastError = 'ECONNREFUSED';
    sendNext(q);
  }), [q.packet]);
  receive(q, h, server);
  startTimer(q, q.channel.timeout * (2 ** round));
}

function receive(q, h, server) {
  binding.recv(h, request((_, data) => {
    if (q.handle !== h || q.done) return;
    if (typeof data === 'number') {
      // ECONNREFUSED: nothing listens on the server's port (an ICMP error).
      q.lastError = 'ECONNREFUSED';
      return sendNext(q);
    }
    if (data.byteLength === 0) return receive(q, h, server); // an empty datagram
    const bytes = new Uint8Array(data);
    if (bytes.length >= binding.maxDatagram) {
      // It filled the buffer, so it may have been cut: ask again over TCP.
      if (((bytes[0] << 8) | bytes[1]) !== q.id) return receive(q, h, server);
      return overTcp(q, server);
    }
    const answer = binding.parseAnswer(bytes);
    if (answer === -1) return finish(q, 'EBADRESP');
    if (answer[0] !== q.id) return receive(q, h, server); // not our answer
    if (answer[2]) return overTcp(q, server); // truncated (TC)
    onAnswer(q, answer);
  }));
}

function onAnswer(q, answer) {
  const rcode = answer[1];
  if (rcode === 0) {
    const records = answer[3];
    return finish(q, records.length === 0 ? 'ENODATA' : null, records);
  }
  const code = rcodeErrors[rcode] || 'EBADRESP';
  // A server that fails or refuses the query: the next one may answer (as c-ares).
  if ((rcode === 2 || rcode === 4 || rcode === 5) && ++q.refusals < q.servers.length) {
    q.lastError = code;
    return sendNext(q);
  }
  finish(q, code);
}

// A truncated UDP answer: the same query over TCP, with a two-byte length before
// each message (RFC 1035 4.2.2).
function overTcp(q, server) {
  closeTransport(q);
  const { Buffer } = require('buffer');
  const net = require('net');
  const len = q.packet.length;
  const framed = Buffer.alloc(len + 2);
  framed[0] = len >> 8;
  framed[1] = len & 0xff;
  framed.set(q.packet, 2);
  let got = Buffer.alloc(0);
  const sock = net.connect({ host: server[0], port: server[1] });
  q.tcp = sock;
  sock.on('connect', () => sock.write(framed));
  sock.on('data', (chunk) => {
    got = Buffer.concat([got, chunk]);
    if (got.length < 2 || got.length < 2 + got.readUInt16BE(0)) return;
    const answer = binding.parseAnswer(got.subarray(2, 2 + got.readUInt16BE(0)));
    if (answer === -1 || answer[0] !== q.id) return finish(q, 'EBADRESP');
    onAnswer(q, answer);
  });
  sock.on('error', () => {
    if (q.tcp !== sock) return;
    q.lastError = 'ECONNREFUSED';
    sendNext(q);
  });
  startTimer(q, q.channel.timeout);
}

module.exports = { Channel };
