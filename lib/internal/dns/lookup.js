'use strict';
// dns.lookup and dns.lookupService: the system's resolver (getaddrinfo and
// getnameinfo, which read /etc/hosts and nsswitch.conf), run on the backend's
// work pool, never on the loop thread. A numeric host needs no lookup: its answer
// is known at once and delivered on the next tick, as node does. Both the
// callback API (lib/dns.js) and the promise API (lib/dns/promises.js) call
// `lookupCore` / `lookupServiceCore`, which take (err, value) callbacks.

const { ArrayPrototypePush, ObjectDefineProperty } = primordials;
const { addRequestKind } = require('internal/process/active_resources');

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateNumber, validateOneOf, validatePort, validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const { dnsException, getDefaultResultOrder, validateHints, validOrders } =
  require('internal/dns/utils');
const binding = internalBinding('cares_wrap');

let warnedEmptyHost = false;

// The options of lookup(hostname, options) as { family, hints, all, order }.
function lookupOptions(options) {
  let family = 0, hints = 0, all = false, order = getDefaultResultOrder();
  if (typeof options === 'number') {
    validateOneOf(options, 'family', [0, 4, 6]);
    family = options;
  } else if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else if (options != null) {
    if (options.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', [0, 4, 6]);
          family = options.family;
      }
    }
    if (options.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order != null) {
      validateOneOf(options.order, 'options.order', validOrders);
      order = options.order;
    }
  }
  return { __proto__: null, family, hints, all, order };
}

// [address, family, ...] from the binding, ordered as asked: 'verbatim' keeps
// getaddrinfo's order; the others move one family ahead, keeping each family's order.
function ordered(flat, order) {
  const out = [];
  if (order === 'verbatim') {
    for (let i = 0; i < flat.length; i += 2) ArrayPrototypePush(out, [flat[i], flat[i + 1]]);
    return out;
  }
  const first = order === 'ipv4first' ? 4 : 6;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < flat.length; i += 2) {
      if ((flat[i + 1] === first) === (pass === 0)) ArrayPrototypePush(out, [flat[i], flat[i + 1]]);
    }
  }
  return out;
}

// The requests lookup and lookupService return, named as node's (process.
// _getActiveRequests() lists them while they wait).
class GetAddrInfoReqWrap {}
class GetNameInfoReqWrap {}
addRequestKind(GetAddrInfoReqWrap, 'GetAddrInfoReqWrap');
addRequestKind(GetNameInfoReqWrap, 'GetNameInfoReqWrap');

// Validates the arguments, then cb(err, address, family) or cb(err, [{address,
// family}]) with options.all. Returns the request object, as node's lookup does.
function lookupCore(hostname, options, cb) {
  if (hostname) validateString(hostname, 'hostname');
  const opts = lookupOptions(options);
  const req = new GetAddrInfoReqWrap();
  if (!hostname) {
    if (!warnedEmptyHost) {
      warnedEmptyHost = true;
      process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is ` +
        'supported in the dns module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
    }
    if (opts.all) process.nextTick(cb, null, []);
    else process.nextTick(cb, null, null, opts.family === 6 ? 6 : 4);
    return req;
  }
  const numeric = isIP(hostname);
  if (numeric !== 0) {
    if (opts.all) process.nextTick(cb, null, [{ address: hostname, family: numeric }]);
    else process.nextTick(cb, null, hostname, numeric);
    return req;
  }
  req.oncomplete = (_, result) => {
    if (typeof result === 'number') {
      cb(dnsException(result, 'getaddrinfo', hostname));
      return;
    }
    const list = ordered(result, opts.order);
    if (list.length === 0) {
      cb(dnsException(-3008, 'getaddrinfo', hostname));
    } else if (opts.all) {
      const addresses = [];
      for (let i = 0; i < list.length; i++) {
        ArrayPrototypePush(addresses, { address: list[i][0], family: list[i][1] });
      }
      cb(null, addresses);
    } else {
      cb(null, list[0][0], list[0][1]);
    }
  };
  const r = binding.getaddrinfo(req, hostname, opts.family, opts.hints);
  if (r < 0) process.nextTick(cb, dnsException(r, 'getaddrinfo', hostname));
  return req;
}

// lookupService(address, port, cb): cb(err, hostname, service).
function lookupServiceCore(argc, address, port, cb, checkCallback) {
  if (argc !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  if (checkCallback) validateFunction(cb, 'callback');
  port = +port;
  const req = new GetNameInfoReqWrap();
  req.oncomplete = (_, result) => {
    if (typeof result === 'number') cb(dnsException(result, 'getnameinfo', address));
    else cb(null, result[0], result[1]);
  };
  const r = binding.getnameinfo(req, address, port);
  if (r < 0) process.nextTick(cb, dnsException(r, 'getnameinfo', address));
  return req;
}

// node's util.promisify(dns.lookup) resolves { address, family }.
function tagPromisifyArgs(fn, names) {
  const { customPromisifyArgs } = require('internal/util/promisify');
  ObjectDefineProperty(fn, customPromisifyArgs, {
    __proto__: null, value: names, enumerable: false,
  });
}

module.exports = { lookupCore, lookupServiceCore, tagPromisifyArgs };
