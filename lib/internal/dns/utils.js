'use strict';
// What dns's callback and promise APIs share: Node's error codes and the errors
// built from them, lookup's argument checks (family, hints, order), the default
// result order, and the server list (parsed from setServers() strings and from
// /etc/resolv.conf, printed back by getServers()).

const {
  ArrayIsArray, ArrayPrototypePush, Error, ErrorCaptureStackTrace,
  NumberParseInt, RegExpPrototypeExec, SafeMap, StringPrototypeIndexOf,
  StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeSplit, StringPrototypeTrim,
} = primordials;

const { errnoInfo, codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS } } =
  require('internal/errors');
const { validateOneOf, validateString } = require('internal/validators');
const { isIP } = require('internal/net');
const binding = internalBinding('cares_wrap');

// The dns module's error-code constants (dns.NOTFOUND === 'ENOTFOUND', ...).
const errorCodes = {
  __proto__: null,
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

const ADDRCONFIG = binding.AI_ADDRCONFIG;
const V4MAPPED = binding.AI_V4MAPPED;
const ALL = binding.AI_ALL;

// Node's DNS error: `queryA ENOTFOUND example.test`. `code` is a resolver code
// (a string; errno stays undefined) or a libuv errno from getaddrinfo (then a
// name that does not exist is ENOTFOUND, as node reports EAI_NONAME/EAI_NODATA).
function dnsException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    code = code === -3008 || code === -3007 ? 'ENOTFOUND' : errnoInfo(code)[0];
  }
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  ErrorCaptureStackTrace(err, dnsException);
  return err;
}

const validOrders = ['verbatim', 'ipv4first', 'ipv6first'];
// --dns-result-order sets the default (checked when dns is first loaded; node
// checks it at start-up).
let defaultOrder = require('internal/options').getOptionValue('--dns-result-order') ?? 'verbatim';
validateOneOf(defaultOrder, '--dns-result-order', validOrders);

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', validOrders);
  defaultOrder = order;
}

function getDefaultResultOrder() {
  return defaultOrder;
}

function validateHints(hints) {
  if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// ---- servers: [address, port] pairs ----
const ipv6Bracketed = /^\[([^\]]+)\](?::(\d+))?$/;
const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d+)$/;

// One setServers() string as [address, port]; throws Node's errors.
function parseServer(serv, index) {
  validateString(serv, `servers[${index}]`);
  let address = serv, port = 53;
  let m = RegExpPrototypeExec(ipv6Bracketed, serv);
  if (m === null && isIP(serv) === 0) m = RegExpPrototypeExec(ipv4WithPort, serv);
  if (m !== null) {
    address = m[1];
    if (m[2] !== undefined) port = NumberParseInt(m[2], 10);
  }
  if (isIP(address) === 0 || port > 65535) throw new ERR_INVALID_IP_ADDRESS(serv);
  return [address, port];
}

function parseServers(servers) {
  if (!ArrayIsArray(servers)) throw new ERR_INVALID_ARG_TYPE('servers', 'Array', servers);
  const out = [];
  for (let i = 0; i < servers.length; i++) {
    if (!(i in servers)) continue; // a hole, skipped as forEach skips it
    const server = parseServer(servers[i], i);
    let seen = false;
    for (let j = 0; j < out.length; j++) {
      if (out[j][0] === server[0] && out[j][1] === server[1]) seen = true;
    }
    if (!seen) ArrayPrototypePush(out, server); // a server named twice is asked once
  }
  return out;
}

function formatServers(servers) {
  const out = [];
  for (let i = 0; i < servers.length; i++) {
    const address = servers[i][0], port = servers[i][1];
    if (port === 53) ArrayPrototypePush(out, address);
    else if (isIP(address) === 6) ArrayPrototypePush(out, `[${address}]:${port}`);
    else ArrayPrototypePush(out, `${address}:${port}`);
  }
  return out;
}

// The `nameserver` lines of /etc/resolv.conf, read once (as c-ares reads it when
// node starts); 127.0.0.1 when there are none, as c-ares falls back to.
let systemServers = null;
function defaultServers() {
  if (systemServers !== null) return systemServers;
  systemServers = [];
  let text = '';
  try {
    text = require('fs').readFileSync('/etc/resolv.conf', 'latin1');
  } catch {
    // No file: the fallback below.
  }
  const lines = StringPrototypeSplit(text, '\n');
  for (let i = 0; i < lines.length; i++) {
    const words = configWords(lines[i]);
    if (words[0] !== 'nameserver' || words.length < 2) continue;
    let address = words[1];
    const pct = StringPrototypeLastIndexOf(address, '%');
    if (pct !== -1) address = StringPrototypeSlice(address, 0, pct);
    if (isIP(address) !== 0) ArrayPrototypePush(systemServers, [address, 53]);
  }
  if (systemServers.length === 0) ArrayPrototypePush(systemServers, ['127.0.0.1', 53]);
  return systemServers;
}

// A Map from rrtype name to [resolver method, syscall] (resolve(name, rrtype)).
const rrtypes = new SafeMap([
  ['A', 'resolve4'], ['AAAA', 'resolve6'], ['ANY', 'resolveAny'], ['CAA', 'resolveCaa'],
  ['CNAME', 'resolveCname'], ['MX', 'resolveMx'], ['NAPTR', 'resolveNaptr'], ['NS', 'resolveNs'],
  ['PTR', 'resolvePtr'], ['SOA', 'resolveSoa'], ['SRV', 'resolveSrv'], ['TXT', 'resolveTxt'],
]);

// The words of one line of a resolver configuration file (/etc/resolv.conf,
// /etc/hosts): what is left of it before a '#', split on white space.
function configWords(line) {
  const hash = StringPrototypeIndexOf(line, '#');
  if (hash !== -1) line = StringPrototypeSlice(line, 0, hash);
  return StringPrototypeSplit(StringPrototypeTrim(line), /\s+/);
}

module.exports = {
  errorCodes, ADDRCONFIG, V4MAPPED, ALL, dnsException, validOrders, setDefaultResultOrder,
  getDefaultResultOrder, validateHints, parseServers, formatServers, defaultServers, rrtypes,
  configWords,
};
