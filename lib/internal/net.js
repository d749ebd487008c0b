'use strict';
// Helpers shared by net's Socket and Server: address checks (isIP), the
// (port, host, cb) / (path, cb) / (options, cb) argument forms, a host name's
// lookup before a connect (dns.lookup or the user's `lookup`), and Node's socket
// errors built from the binding's -errno results.

const {
  ArrayIsArray, ArrayPrototypePush, Error, FunctionPrototypeCall, NumberIsNaN, ObjectGetPrototypeOf, ObjectPrototype,
  ObjectSetPrototypeOf, RegExp,
  RegExpPrototypeExec, StringPrototypeTrim, Symbol,
} = primordials;

const {
  errnoInfo, exceptionWithHostPort,
  codes: { ERR_INVALID_ADDRESS_FAMILY, ERR_INVALID_IP_ADDRESS },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { addRequestKind } = require('internal/process/active_resources');

// Dotted-quad IPv4, each part 0-255 without leading zeros (as Node's isIPv4).
const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

function isIPv4(s) {
  return RegExpPrototypeExec(IPv4Reg, `${s}`) !== null;
}

function isIPv6(s) {
  return RegExpPrototypeExec(IPv6Reg, `${s}`) !== null;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// A port as Node accepts it: a number or numeric string in 0..65535.
function isLegalPort(port) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && StringPrototypeTrim(port).length === 0)) return false;
  return +port === (+port >>> 0) && port <= 0xFFFF;
}

// Marks an array made by normalizeArgs: socket.connect(array) given one
// (net._normalizeArgs's result) takes it as it is instead of as an options object.
const normalizedArgsSymbol = Symbol('normalizedArgs');

// [options, cb] from connect()/listen() arguments, as Node's normalizeArgs.
function normalizeArgs(args) {
  const normalized = readArgs(args);
  normalized[normalizedArgsSymbol] = true;
  return normalized;
}

function isNormalizedArgs(value) {
  return ArrayIsArray(value) && value[normalizedArgsSymbol] === true;
}

// net._normalizeArgs: the same, with an options object the caller may compare to
// `{}` (coil's own are prototype-less).
function publicNormalizeArgs(args) {
  const normalized = normalizeArgs(args);
  if (normalized[0] !== args[0] && ObjectGetPrototypeOf(normalized[0]) === null) {
    ObjectSetPrototypeOf(normalized[0], ObjectPrototype);
  }
  return normalized;
}

function readArgs(args) {
  if (args.length === 0) return [{ __proto__: null }, null];
  const arg0 = args[0];
  let options = { __proto__: null };
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (typeof arg0 === 'function') {
    // listen(callback): no port given (an ephemeral one).
  } else if (typeof arg0 === 'string' && !isLegalPort(arg0) && NumberIsNaN(+arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// Looks `host` up for a connect, as node 20's net does: `options.lookup` or
// dns.lookup, with `options.family`/`hints` (ADDRCONFIG when no family is asked
// for). Without a family, and with autoSelectFamily (node 20's default), every
// address is asked for (`all`). Each address found is announced through
// onAddress(address, family) (the socket's 'lookup' events); then cb(err, list)
// with the valid addresses as [address, family] pairs, deduplicated and, for
// several, alternating families from the first one's, the order they are tried in.
function lookupHost(host, options, onAddress, cb) {
  const dns = require('dns');
  let lookup = dns.lookup;
  if (options.lookup !== undefined) {
    validateFunction(options.lookup, 'options.lookup');
    lookup = options.lookup;
  }
  let family = options.family;
  if (family === 'IPv4') family = 4;
  else if (family === 'IPv6') family = 6;
  let hints = options.hints || 0;
  if (family !== 4 && family !== 6 && !hints) hints = dns.ADDRCONFIG;
  // Handed to user code: a plain object, as node's.
  const dnsopts = { family, hints };
  // A local address fixes the family, so node tries no second one.
  const all = family !== 4 && family !== 6 && !options.localAddress &&
    require('internal/net/connect_multiple').autoSelectFamilyOf(options);
  if (all) dnsopts.all = true;
  FunctionPrototypeCall(lookup, undefined, host, dnsopts, (err, address, addressType) => {
    if (err) return cb(err);
    const found = [];
    if (!all) {
      ArrayPrototypePush(found, [address, addressType]);
    } else if (ArrayIsArray(address)) {
      for (let i = 0; i < address.length; i++) {
        ArrayPrototypePush(found, [address[i]?.address, address[i]?.family]);
      }
    }
    const byFamily = [[], []]; // [first family's, the other's]
    let firstFamily = 0;
    for (let i = 0; i < found.length; i++) {
      const ip = found[i][0], fam = found[i][1];
      onAddress(ip, fam);
      if (!isIP(ip) || (fam !== 4 && fam !== 6)) continue;
      if (firstFamily === 0) firstFamily = fam;
      const list = byFamily[fam === firstFamily ? 0 : 1];
      let seen = false;
      for (let j = 0; j < list.length; j++) if (list[j][0] === ip) seen = true;
      if (!seen) ArrayPrototypePush(list, [ip, fam]);
    }
    if (byFamily[0].length === 0) {
      const ip = found[0]?.[0], fam = found[0]?.[1];
      if (!isIP(ip)) return cb(new ERR_INVALID_IP_ADDRESS(ip));
      return cb(new ERR_INVALID_ADDRESS_FAMILY(fam, host, options.port));
    }
    const order = [];
    for (let i = 0; i < byFamily[0].length || i < byFamily[1].length; i++) {
      if (i < byFamily[0].length) ArrayPrototypePush(order, byFamily[0][i]);
      if (i < byFamily[1].length) ArrayPrototypePush(order, byFamily[1][i]);
    }
    cb(null, order);
  });
}

// Host → [address, family] without a lookup: numeric addresses as they are,
// 'localhost' as 127.0.0.1, else an ENOTSUP error. Kept for callers written
// before dns (dgram's bind/send); new code goes through dns.lookup (lookupHost).
function resolveHost(host) {
  const family = isIP(host);
  if (family !== 0) return [host, family];
  if (host === 'localhost') return ['127.0.0.1', 4];
  const err = new Error(`getaddrinfo ENOTSUP ${host}: use dns.lookup for names`);
  err.code = 'ENOTSUP';
  err.syscall = 'getaddrinfo';
  err.hostname = host;
  return err;
}

// Node's listen/bind error: `listen EADDRINUSE: address already in use 127.0.0.1:80`.
function uvExceptionWithHostPort(errno, syscall, address, port) {
  const info = errnoInfo(errno);
  const code = info[0], message = info[1];
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const err = new Error(`${syscall} ${code}: ${message}${details}`);
  err.code = code;
  err.errno = errno < 0 ? errno : -errno;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return err;
}

// Node's stream error: `read ECONNRESET`, `write EPIPE`.
function errnoStreamError(errno, syscall) {
  const code = errnoInfo(errno)[0];
  const err = new Error(`${syscall} ${code}`);
  err.errno = errno < 0 ? errno : -errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

// The fd a stdio Socket writes to synchronously (-1: through the ring).
const kSyncWrites = Symbol('kSyncWrites');
// A Socket's handle: { id, pipe, plain? } or null (internal/net/fd_handle.js).
const kHandle = Symbol('kHandle');

// A socket's handle `{ id, pipe }` (what kHandle holds), made by `new` from a
// constructor whose prototype has no prototype (and no constructor): fast
// properties. A `{ __proto__: null }` literal is a dictionary, and `h.id` is
// read on every write and read of the socket: a hash lookup in a table that,
// with hundreds of connections, is out of cache (an HTTP server at 500
// keep-alive connections, docs/http.md).
// `owner`: the Socket using the handle (null once the handle is closed by its
// own close(), internal/net/stream_handle.js). A connect's handle exists before
// its socket does (id -1 while the address is looked up), as node's does.
function StreamHandle(id, pipe, owner) {
  this.id = id;
  this.pipe = pipe;
  this.owner = owner;
}
ObjectSetPrototypeOf(StreamHandle.prototype, null);
delete StreamHandle.prototype.constructor;

// A connect's request: a kind process._getActiveRequests() lists.
class TCPConnectWrap {
  constructor(oncomplete) { this.oncomplete = oncomplete; }
}
class PipeConnectWrap {
  constructor(oncomplete) { this.oncomplete = oncomplete; }
}
addRequestKind(TCPConnectWrap, 'ConnectWrap');
addRequestKind(PipeConnectWrap, 'ConnectWrap');

// Stops a socket's reading until it is resumed (stdin's pause): a method of
// net.Socket under this symbol.
const kReadStop = Symbol('kReadStop');
// In a Socket's options: made for a connection a server accepted.
const kAccepted = Symbol('kAccepted');
// Lets go of a socket's handle as it is sent to another process: a method of
// net.Socket under this symbol (internal/child_process/ipc.js).
const kDetachHandle = Symbol('kDetachHandle');
// A layer over a socket (a TLSSocket over its parent): kDataSink holds
// `sink(socket, chunk) -> wants more`, which takes the socket's reads in place of
// its stream; kSinkResume (a method) starts reading again after the sink said
// no; kWriteDirect (a method) hands bytes to the handle's queue past the
// socket's Writable when nothing waits there (lib/_tls_wrap.js);
// kWriteStringDirect (a method) does so for a short string (an HTTP response's
// last write, lib/_http_outgoing.js).
const kDataSink = Symbol('kDataSink');
const kSinkResume = Symbol('kSinkResume');
const kWriteDirect = Symbol('kWriteDirect');
const kWriteStringDirect = Symbol('kWriteStringDirect');
// A parser that takes the socket's reads in Rust (internal/net/consumer.js).
const kConsumer = Symbol('kConsumer');

module.exports = {
  StreamHandle, TCPConnectWrap, PipeConnectWrap, kSyncWrites, kHandle, kReadStop, kAccepted, kDetachHandle, kDataSink, kSinkResume, kWriteDirect,
  kWriteStringDirect, kConsumer, isIP, isIPv4, isIPv6, isLegalPort, normalizeArgs, normalizedArgsSymbol, isNormalizedArgs,
  publicNormalizeArgs, lookupHost, resolveHost,
  uvExceptionWithHostPort, errnoStreamError, exceptionWithHostPort,
};
