'use strict';
// Helpers shared by net's Socket and Server: address checks (isIP), the
// (port, host, cb) / (path, cb) / (options, cb) argument forms, host resolution
// without a resolver (numeric addresses and 'localhost' only, until dns lands),
// and Node's socket errors built from the binding's -errno results.

const {
  Error, NumberIsNaN, Symbol, RegExp, RegExpPrototypeExec, StringPrototypeTrim,
} = primordials;

const { errnoInfo, exceptionWithHostPort } = require('internal/errors');

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

// [options, cb] from connect()/listen() arguments, as Node's normalizeArgs.
function normalizeArgs(args) {
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

// Host → [address, family] without a resolver: numeric addresses as they are,
// 'localhost' as 127.0.0.1. Anything else needs dns, which coil has not yet.
function resolveHost(host) {
  const family = isIP(host);
  if (family !== 0) return [host, family];
  if (host === 'localhost') return ['127.0.0.1', 4];
  const err = new Error(`getaddrinfo ENOTSUP ${host}: dns is not yet supported by coil ` +
    '(use a numeric address or localhost)');
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

// Stops a socket's reading until it is resumed (stdin's pause): a method of
// net.Socket under this symbol.
const kReadStop = Symbol('kReadStop');

module.exports = {
  kSyncWrites, kHandle, kReadStop,
  isIP, isIPv4, isIPv6, isLegalPort, normalizeArgs, resolveHost,
  uvExceptionWithHostPort, errnoStreamError, exceptionWithHostPort,
};
