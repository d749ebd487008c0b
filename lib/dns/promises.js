'use strict';
// dns/promises: dns's API returning promises. lookup resolves { address, family }
// (or the list, with `all`), lookupService { hostname, service }; the resolve*
// methods resolve what their callback forms pass. The default resolver shares
// its channel (servers, queries) with require('dns')'s.

const { Promise } = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const {
  errorCodes, setDefaultResultOrder, getDefaultResultOrder, rrtypes,
} = require('internal/dns/utils');
const { lookupCore, lookupServiceCore } = require('internal/dns/lookup');
const {
  ResolverBase, runQuery, defineMethods, defaultResolverSetServers, defaultResolverFunctions,
} = require('internal/dns/resolver');

function lookup(hostname, options) {
  if (hostname) validateString(hostname, 'hostname');
  if (options !== undefined && options !== null && typeof options !== 'object' &&
      typeof options !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  let resolveIt, rejectIt;
  const promise = new Promise((resolve, reject) => {
    resolveIt = resolve;
    rejectIt = reject;
  });
  lookupCore(hostname, options, (err, address, family) => {
    if (err) rejectIt(err);
    else if (family === undefined) resolveIt(address);
    else resolveIt({ address, family });
  });
  return promise;
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  let resolveIt, rejectIt;
  const promise = new Promise((resolve, reject) => {
    resolveIt = resolve;
    rejectIt = reject;
  });
  lookupServiceCore(3, address, port, (err, hostname, service) => {
    if (err) rejectIt(err);
    else resolveIt({ hostname, service });
  }, false);
  return promise;
}

class Resolver extends ResolverBase {}

defineMethods(Resolver.prototype, (method) => function(name, options) {
  validateString(name, 'name');
  const ttl = Boolean(options && options.ttl);
  return new Promise((resolve, reject) => {
    runQuery(this, method, name, ttl, (err, result) => {
      if (err) reject(err);
      else resolve(result);
    });
  });
});

Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method = 'resolve4';
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    method = rrtypes.get(rrtype);
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  }
  return this[method](hostname);
};

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ...defaultResolverFunctions(Resolver),
  ...errorCodes,
};
