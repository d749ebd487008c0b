'use strict';
// dns: name resolution as Node's module has it. `lookup` and `lookupService`
// ask the system's resolver (getaddrinfo/getnameinfo on the work pool:
// internal/dns/lookup.js); `resolve*`, `reverse` and `Resolver` send DNS queries
// to the configured servers over UDP sockets on the loop (internal/dns/channel.js).
// docs/net.md says which part runs where and why.

const { ObjectDefineProperties } = primordials;

const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const {
  errorCodes, ADDRCONFIG, V4MAPPED, ALL, setDefaultResultOrder, getDefaultResultOrder, rrtypes,
} = require('internal/dns/utils');
const { lookupCore, lookupServiceCore, tagPromisifyArgs } = require('internal/dns/lookup');
const {
  ResolverBase, runQuery, defineMethods, defaultResolverSetServers, defaultResolverFunctions,
} = require('internal/dns/resolver');

function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  } else if (options !== undefined && options !== null && typeof options !== 'object' &&
             typeof options !== 'number') {
    validateFunction(arguments.length === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  validateFunction(callback, 'callback');
  return lookupCore(hostname, options, callback);
}
tagPromisifyArgs(lookup, ['address', 'family']);

function lookupService(address, port, callback) {
  return lookupServiceCore(arguments.length, address, port, callback, true);
}
tagPromisifyArgs(lookupService, ['hostname', 'service']);

class Resolver extends ResolverBase {}

defineMethods(Resolver.prototype, (method) => function(name, options, callback) {
  validateString(name, 'name');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const ttl = Boolean(options && options.ttl);
  runQuery(this, method, name, ttl, callback);
  return {};
});

// resolve(name[, rrtype], callback)
Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = rrtypes.get(rrtype);
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else if (typeof rrtype === 'function') {
    method = 'resolve4';
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  return this[method](hostname, callback);
};

// The module's functions run on one resolver, whose channel (servers, queries)
// dns.promises shares.
module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ...defaultResolverFunctions(Resolver),
  ADDRCONFIG,
  V4MAPPED,
  ALL,
  ...errorCodes,
};

ObjectDefineProperties(module.exports, {
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return require('dns/promises');
    },
  },
});
