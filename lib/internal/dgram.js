'use strict';
// The UDP handle under a dgram.Socket, in the shape of Node's UDP wrap: one object
// per socket over internalBinding('udp_wrap'), whose methods return 0 or a
// negative errno (lib/dgram.js turns those into Node's errors). Receiving keeps
// one receive in flight (a multishot recvmsg, or one recvmsg per datagram) and
// starts it again when it ends while the socket receives; sends are counted
// until their completion (getSendQueueSize/Count).
// Also here: turning a host into an address (lookupHost), the one place dns.lookup
// will be called once coil has a resolver.

const { Symbol } = primordials;

const binding = internalBinding('udp_wrap');
const { Buffer } = require('buffer');
const { from: BufferFrom } = Buffer;
const { isIP, resolveHost } = require('internal/net');

const ECANCELED = -125, EAGAIN = -11, ENOBUFS = -105, EINVAL = -22;
const ownerSymbol = Symbol('owner_symbol');
// A dgram.Socket's state (its handle among it), also read by child_process.
const kStateSymbol = Symbol('state symbol');

class UDP {
  constructor(family) {
    this.id = binding.create();
    this.family = family; // 4 or 6
    this.onmessage = null; // (nread, handle, buf, rinfo)
    this.lookup = null;
    this[ownerSymbol] = null;
    this.sendQueueSize = 0;
    this.sendQueueCount = 0;
    this.receiving = false;
    this.recvInFlight = false;
    this.recvId = -1;
    this.closed = false;
    this.single = false; // one datagram at a time (see open)
    // The connected peer [ip, port]: sends on a connected socket name it, so a
    // send made before a disconnect() in the same tick still goes where it was
    // meant to (the ring submits it later; node sends at once).
    this.peer = null;
    this.recvReq = { __proto__: null, oncomplete: (err, value) => onRecv(this, value) };
  }

  // An address of the wrong family is EINVAL, as node's wrap parses it per family.
  bind(ip, port, reuseAddr, ipv6Only) {
    if (isIP(ip) !== this.family) return EINVAL;
    return binding.bind(this.id, ip, port & 0xFFFF, !!reuseAddr, !!ipv6Only);
  }

  // Takes over `fd`, a bound datagram socket (bind({ fd }), or one received over
  // IPC or from the cluster primary). Other processes may read it too: it takes
  // one datagram at a time from the kernel, and the next only after handing the
  // last to dgram (as libuv reads), so one it stops or closes at leaves the rest
  // to them.
  open(fd) {
    const r = binding.open(this.id, fd);
    if (r === 0) this.single = true;
    return r;
  }

  // The socket's fd (-1 before bind): what child_process passes for a dgram.Socket.
  get fd() { return binding.fd(this.id); }

  connect(ip, port) {
    if (isIP(ip) !== this.family) return EINVAL;
    const r = binding.connect(this.id, ip, port);
    if (r === 0) this.peer = [ip, port];
    return r;
  }

  disconnect() {
    const r = binding.disconnect(this.id);
    if (r === 0) this.peer = null;
    return r;
  }

  // list: Buffers; ip/port undefined on a connected socket. done(errOrBytes).
  send(list, ip, port, done) {
    if (ip === undefined && this.peer !== null) {
      ip = this.peer[0];
      port = this.peer[1];
    } else if (ip !== undefined && isIP(ip) !== this.family) {
      return EINVAL;
    }
    let bytes = 0;
    for (let i = 0; i < list.length; i++) bytes += list[i].byteLength;
    const req = {
      __proto__: null,
      oncomplete: (err, n) => {
        this.sendQueueSize -= bytes;
        this.sendQueueCount--;
        done(n);
      },
    };
    const r = binding.send(this.id, req, list, ip, port);
    if (r < 0) return r;
    this.sendQueueSize += bytes;
    this.sendQueueCount++;
    return 0;
  }

  recvStart() {
    if (this.receiving) return 0;
    this.receiving = true;
    // A cancelled receive still in flight re-arms when it completes.
    if (this.recvInFlight) return 0;
    return armRecv(this);
  }

  recvStop() {
    if (!this.receiving) return 0;
    this.receiving = false;
    if (this.recvInFlight) binding.recvStop(this.id, this.recvId);
    return 0;
  }

  close(callback) {
    this.closed = true;
    require('internal/process/active_resources').clearHandleOwner(this.id);
    this.receiving = false;
    binding.close(this.id, { __proto__: null, oncomplete: callback || (() => {}) });
  }

  ref() { binding.ref(this.id, true); }
  unref() { binding.ref(this.id, false); }

  getsockname(out) { return endpointInto(binding.localAddress(this.id), out); }
  getpeername(out) { return endpointInto(binding.remoteAddress(this.id), out); }

  setBroadcast(on) { return binding.setBroadcast(this.id, on); }
  setTTL(ttl) { return binding.setTTL(this.id, ttl); }
  setMulticastTTL(ttl) { return binding.setMulticastTTL(this.id, ttl); }
  setMulticastLoopback(on) { return binding.setMulticastLoopback(this.id, on); }
  setMulticastInterface(address) { return binding.setMulticastInterface(this.id, address); }
  addMembership(group, iface) { return binding.membership(this.id, true, group, iface); }
  dropMembership(group, iface) { return binding.membership(this.id, false, group, iface); }
  addSourceSpecificMembership(source, group, iface) {
    return binding.sourceMembership(this.id, true, source, group, iface);
  }
  dropSourceSpecificMembership(source, group, iface) {
    return binding.sourceMembership(this.id, false, source, group, iface);
  }

  // The size (size 0: read it), or undefined with ctx filled as node's wrap does.
  bufferSize(size, isRecv, ctx) {
    const r = binding.bufferSize(this.id, size, isRecv);
    if (r >= 0) return r;
    const { errnoInfo } = require('internal/errors');
    const info = errnoInfo(r);
    ctx.errno = r;
    ctx.code = info[0];
    ctx.message = info[1];
    ctx.syscall = isRecv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    return undefined;
  }

  getSendQueueSize() { return this.sendQueueSize; }
  getSendQueueCount() { return this.sendQueueCount; }
}

function endpointInto(r, out) {
  if (typeof r === 'number') return r;
  out.address = r[0];
  out.family = r[1];
  out.port = r[2];
  return 0;
}

function armRecv(handle) {
  const r = binding.recvStart(handle.id, handle.recvReq, handle.single);
  if (r < 0) {
    handle.receiving = false;
    return r;
  }
  handle.recvId = r;
  handle.recvInFlight = true;
  return 0;
}

// One receive completion. At the receive's last one (a one-shot recvmsg, or a
// multishot one ending) re-arm first while receiving (after it, for a single
// socket); then hand the datagram to dgram (none after recvStop or close).
function onRecv(handle, value) {
  const more = typeof value !== 'number' && value[4];
  if (!more) {
    handle.recvInFlight = false;
    if (handle.closed) return;
    if (handle.single) {
      // The next only once this one is handed over, and only if still wanted.
      try {
        deliver(handle, value);
      } finally {
        if (handle.receiving && !handle.closed && !handle.recvInFlight) armRecv(handle);
      }
      return;
    }
    if (handle.receiving) armRecv(handle);
  }
  deliver(handle, value);
}

function deliver(handle, value) {
  if (handle.closed || !handle.receiving) return;
  if (typeof value === 'number') {
    if (value === ECANCELED || value === EAGAIN || value === ENOBUFS) return;
    handle.onmessage(value, handle, undefined, undefined);
    return;
  }
  const buf = BufferFrom(value[0]);
  const rinfo = { address: value[1], family: value[2], port: value[3], size: buf.length };
  handle.onmessage(buf.length, handle, buf, rinfo);
}

// host → address for a socket of `family`, then callback(err, address, family)
// asynchronously, as dns.lookup answers. Until coil has a resolver, numeric
// addresses and 'localhost' only: this is where dns.lookup(host, family, cb) goes.
function lookupHost(host, family, callback) {
  let result;
  if (host === 'localhost') result = [family === 6 ? '::1' : '127.0.0.1', family];
  else result = resolveHost(host);
  if (result instanceof Error) process.nextTick(callback, result);
  else process.nextTick(callback, null, result[0], result[1]);
}

module.exports = { UDP, ownerSymbol, kStateSymbol, lookupHost };
