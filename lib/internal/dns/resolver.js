'use strict';
// What dns.Resolver and dns.promises.Resolver share: the options, the servers,
// cancel(), and how each resolve* call turns the channel's records (flat arrays
// from cares_wrap.parseAnswer: [type, ttl, ...fields]) into Node's result shapes.
// `resolveMethods` lists each method once with its query type and the syscall
// name Node puts in its errors.

const {
  ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeReverse,
  ArrayPrototypeSlice, NumberParseInt, ObjectDefineProperty, ReflectApply, SafeMap,
  StringPrototypePadStart, StringPrototypeSplit,
} = primordials;

const { validateNumber, validateString } = require('internal/validators');
const {
  codes: { ERR_DNS_SET_SERVERS_FAILED, ERR_INVALID_IP_ADDRESS, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { isIP } = require('internal/net');
const { Channel } = require('internal/dns/channel');
const { configWords, dnsException, formatServers, parseServers } = require('internal/dns/utils');

// method -> [query type, syscall]
const resolveMethods = new SafeMap([
  ['resolveAny', [255, 'queryAny']], ['resolve4', [1, 'queryA']], ['resolve6', [28, 'queryAaaa']],
  ['resolveCaa', [257, 'queryCaa']], ['resolveCname', [5, 'queryCname']],
  ['resolveMx', [15, 'queryMx']], ['resolveNs', [2, 'queryNs']], ['resolveTxt', [16, 'queryTxt']],
  ['resolveSrv', [33, 'querySrv']], ['resolvePtr', [12, 'queryPtr']],
  ['resolveNaptr', [35, 'queryNaptr']], ['resolveSoa', [6, 'querySoa']],
  ['reverse', [12, 'getHostByAddr']],
]);

const typeNames = new SafeMap([
  [1, 'A'], [2, 'NS'], [5, 'CNAME'], [6, 'SOA'], [12, 'PTR'], [15, 'MX'], [16, 'TXT'],
  [28, 'AAAA'], [33, 'SRV'], [35, 'NAPTR'], [257, 'CAA'],
]);

// One record as Node shapes it for its type; `any` adds resolveAny's forms.
function shape(r, ttl, any) {
  switch (r[0]) {
    case 1: case 28:
      return ttl || any ? { address: r[2], ttl: r[1] } : r[2];
    case 2: case 5: case 12:
      return any ? { value: r[2] } : r[2];
    case 15: return { exchange: r[3], priority: r[2] };
    case 16: return any ? { entries: r[2] } : r[2];
    case 33: return { name: r[5], port: r[4], priority: r[2], weight: r[3] };
    case 6:
      return { nsname: r[2], hostmaster: r[3], serial: r[4], refresh: r[5], retry: r[6],
               expire: r[7], minttl: r[8] };
    case 35:
      return { flags: r[4], service: r[5], regexp: r[6], replacement: r[7], order: r[2],
               preference: r[3] };
    case 257: {
      const o = { critical: r[2] };
      o[r[3]] = r[4];
      return o;
    }
  }
  return null;
}

// The result of a `type` query from its answer records.
function shapeAll(type, records, ttl) {
  const any = type === 255;
  const out = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (!any && r[0] !== type) continue;
    const v = shape(r, ttl, any);
    if (v === null) continue;
    if (any) v.type = typeNames.get(r[0]);
    ArrayPrototypePush(out, v);
  }
  if (type === 6) return out[0];
  return out;
}

// in-addr.arpa / ip6.arpa name of an address (null: not an address).
function reverseName(ip) {
  const family = isIP(ip);
  if (family === 4) {
    return `${ArrayPrototypeJoin(ArrayPrototypeReverse(StringPrototypeSplit(ip, '.')), '.')}.in-addr.arpa`;
  }
  if (family !== 6) return null;
  // Expand '::' and each group to four hex digits, then one label per nibble.
  const [head, tail] = StringPrototypeSplit(StringPrototypeSplit(ip, '%')[0], '::');
  const h = head ? StringPrototypeSplit(head, ':') : [];
  const t = tail ? StringPrototypeSplit(tail, ':') : [];
  const groups = [];
  const pushGroups = (list) => {
    for (let i = 0; i < list.length; i++) {
      const g = list[i];
      if (isIP(g) === 4) { // an IPv4 tail: two groups
        const p = StringPrototypeSplit(g, '.');
        ArrayPrototypePush(groups, ((+p[0] << 8) | +p[1]).toString(16),
                           ((+p[2] << 8) | +p[3]).toString(16));
      } else {
        ArrayPrototypePush(groups, g);
      }
    }
  };
  pushGroups(h);
  const fill = 8 - groups.length - countGroups(t);
  for (let i = 0; i < fill; i++) ArrayPrototypePush(groups, '0');
  pushGroups(t);
  let hex = '';
  for (let i = 0; i < groups.length; i++) {
    hex += StringPrototypePadStart(NumberParseInt(groups[i], 16).toString(16), 4, '0');
  }
  const labels = [];
  for (let i = hex.length - 1; i >= 0; i--) ArrayPrototypePush(labels, hex[i]);
  return `${ArrayPrototypeJoin(labels, '.')}.ip6.arpa`;
}

// Every name /etc/hosts gives the address whose reverse name is `rname`, in file
// order (lines for the same address merged), or null when it has none. Read at
// each call, as c-ares reads it.
function hostsNames(rname) {
  let text;
  try {
    text = require('fs').readFileSync('/etc/hosts', 'latin1');
  } catch {
    return null;
  }
  let names = null;
  const lines = StringPrototypeSplit(text, '\n');
  for (let i = 0; i < lines.length; i++) {
    const words = configWords(lines[i]);
    if (words.length < 2 || reverseName(words[0]) !== rname) continue;
    if (names === null) names = [];
    for (let j = 1; j < words.length; j++) {
      if (!ArrayPrototypeIncludes(names, words[j])) ArrayPrototypePush(names, words[j]);
    }
  }
  return names;
}

function countGroups(list) {
  let n = 0;
  for (let i = 0; i < list.length; i++) n += isIP(list[i]) === 4 ? 2 : 1;
  return n;
}

function validateOption(value, name, min) {
  if (value === undefined) return -1;
  validateNumber(value, name);
  if (value !== (value | 0) || value < min) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= 2147483647`, value);
  }
  return value;
}

class ResolverBase {
  constructor(options = undefined) {
    const timeout = validateOption(options?.timeout, 'options.timeout', -1);
    const tries = validateOption(options?.tries, 'options.tries', 1);
    this._handle = new Channel(timeout, tries === -1 ? 4 : tries);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return formatServers(this._handle.getServers() || []);
  }

  setServers(servers) {
    const list = parseServers(servers);
    if (this._handle.queries.size !== 0) {
      // As c-ares refuses to change a channel's servers under its queries.
      throw new ERR_DNS_SET_SERVERS_FAILED('There are pending queries.', servers);
    }
    this._handle.setServers(list);
  }

  // The addresses queries are sent from: an IPv4 one and/or an IPv6 one.
  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    const first = isIP(ipv4);
    if (first === 0) throw new ERR_INVALID_IP_ADDRESS(ipv4);
    if (ipv6 !== undefined && (first !== 4 || isIP(ipv6) !== 6)) {
      throw new ERR_INVALID_IP_ADDRESS(first !== 4 ? ipv4 : ipv6);
    }
    const local = this._handle.local;
    if (first === 4) local[0] = ipv4;
    else local[1] = ipv4;
    if (ipv6 !== undefined) local[1] = ipv6;
  }
}

// Runs `method` for `name` on `resolver`: done(err, result).
function runQuery(resolver, method, name, ttl, done) {
  const entry = resolveMethods.get(method);
  const type = entry[0], syscall = entry[1];
  let qname = name;
  if (method === 'reverse') {
    qname = reverseName(name);
    if (qname === null) throw dnsException('EINVAL', syscall, name);
    // As c-ares: /etc/hosts first. Node reports the entry's aliases (the names
    // after the first), which is what c-ares puts in the hostent it builds.
    const names = hostsNames(qname);
    if (names !== null) {
      process.nextTick(done, null, ArrayPrototypeSlice(names, 1));
      return {};
    }
  }
  return resolver._handle.query(qname, type, (code, records) => {
    if (code !== null) return done(dnsException(code, syscall, name));
    const result = shapeAll(type, records, ttl);
    // Answers without a record of the type asked for (only a CNAME, say): as
    // c-ares' parsers report them, SOA is a bad response, NS and PTR no data, the
    // others an empty list.
    if (result === undefined) return done(dnsException('EBADRESP', syscall, name));
    if ((type === 2 || type === 12) && result.length === 0) {
      return done(dnsException('ENODATA', syscall, name));
    }
    done(null, result);
  });
}

// Puts each resolve* method on `proto`, named as node names them (the query's
// syscall: resolve4.name === 'queryA').
function defineMethods(proto, make) {
  for (const { 0: method, 1: entry } of resolveMethods) {
    const fn = make(method);
    ObjectDefineProperty(fn, 'name', { __proto__: null, value: entry[1] });
    proto[method] = fn;
  }
}

// The module-level functions' resolver (dns and dns.promises share it). The
// module's setServers() puts a new channel in its place, so queries in flight on
// the old one go on and nothing throws, as node's default resolver does.
let defaultChannel = null;
function defaultChannelOf() {
  if (defaultChannel === null) defaultChannel = new Channel(-1, 4);
  return defaultChannel;
}

function defaultResolverSetServers(servers) {
  const list = parseServers(servers);
  const channel = new Channel(-1, 4);
  channel.setServers(list);
  defaultChannel = channel;
}

// The module-level functions of dns and dns.promises: each runs on one resolver
// of the module's Resolver class, over the channel both modules share; named as
// node's bound methods are ('bound queryA').
const kDefaultMethods = [
  'getServers', 'resolve', 'resolveAny', 'resolve4', 'resolve6', 'resolveCaa', 'resolveCname',
  'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt',
  'reverse',
];
function defaultResolverFunctions(Resolver) {
  let resolver = null;
  const out = {};
  for (let i = 0; i < kDefaultMethods.length; i++) {
    const method = kDefaultMethods[i];
    const fn = function(...args) {
      if (resolver === null) resolver = new Resolver();
      resolver._handle = defaultChannelOf();
      return ReflectApply(resolver[method], resolver, args);
    };
    const own = Resolver.prototype[method];
    const name = typeof own === 'function' ? own.name : method;
    ObjectDefineProperty(fn, 'name', { __proto__: null, value: `bound ${name}` });
    out[method] = fn;
  }
  return out;
}

module.exports = {
  ResolverBase, resolveMethods, runQuery, defineMethods, defaultResolverSetServers,
  defaultResolverFunctions,
};
