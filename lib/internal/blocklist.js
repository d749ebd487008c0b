'use strict';
// net.BlockList: rules (single addresses, ranges, subnets) that addresses are
// checked against. Every address is held as eight 16-bit words with IPv4 stored
// IPv4-mapped (::ffff:a.b.c.d), so an IPv4 rule matches a mapped IPv6 address and
// an IPv6 rule over the mapped range matches an IPv4 address, as Node documents.
// internalBinding: none.

const { ArrayPrototypeUnshift, SymbolFor } = primordials;
const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
const { validateInt32, validateString } = require('internal/validators');
const { SocketAddress, wordsOf } = require('internal/socketaddress');

const kInspect = SymbolFor('nodejs.util.inspect.custom');
const isSocketAddress = SocketAddress.isSocketAddress;

// -1, 0 or 1 as word list a sorts before, equal to or after b.
function compareWords(a, b) {
  for (let i = 0; i < 8; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// Do a and b agree on their first `bits` bits?
function samePrefix(a, b, bits) {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const shift = bits >= 16 ? 0 : 16 - bits;
    if ((a[i] >>> shift) !== (b[i] >>> shift)) return false;
  }
  return true;
}

function toSocketAddress(value, family, name) {
  if (isSocketAddress(value)) return value;
  validateString(value, name);
  validateString(family, 'family');
  return new SocketAddress({ __proto__: null, address: value, family });
}

function familyLabel(sa) { return sa.family === 'ipv4' ? 'IPv4' : 'IPv6'; }

class BlockList {
  #rules = [];

  static isBlockList(value) {
    return value !== null && typeof value === 'object' && #rules in value;
  }

  addAddress(address, family = 'ipv4') {
    const sa = toSocketAddress(address, family, 'address');
    const words = wordsOf(sa);
    ArrayPrototypeUnshift(this.#rules, {
      __proto__: null,
      matches: (w) => compareWords(w, words) === 0,
      text: `Address: ${familyLabel(sa)} ${sa.address}`,
    });
  }

  addRange(start, end, family = 'ipv4') {
    const first = toSocketAddress(start, family, 'start');
    const last = toSocketAddress(end, family, 'end');
    const low = wordsOf(first);
    const high = wordsOf(last);
    if (compareWords(low, high) > 0) {
      throw new ERR_INVALID_ARG_VALUE('start', first, 'must come before end');
    }
    ArrayPrototypeUnshift(this.#rules, {
      __proto__: null,
      matches: (w) => compareWords(w, low) >= 0 && compareWords(w, high) <= 0,
      text: `Range: ${familyLabel(first)} ${first.address}-${last.address}`,
    });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const sa = toSocketAddress(network, family, 'network');
    const ipv4 = sa.family === 'ipv4';
    validateInt32(prefix, 'prefix', 0, ipv4 ? 32 : 128);
    const words = wordsOf(sa);
    // An IPv4 prefix counts from the start of the mapped address's last 32 bits.
    const bits = ipv4 ? prefix + 96 : prefix;
    ArrayPrototypeUnshift(this.#rules, {
      __proto__: null,
      matches: (w) => samePrefix(w, words, bits),
      text: `Subnet: ${familyLabel(sa)} ${sa.address}/${prefix}`,
    });
  }

  check(address, family = 'ipv4') {
    let sa;
    if (isSocketAddress(address)) {
      sa = address;
    } else {
      validateString(address, 'address');
      validateString(family, 'family');
      try {
        sa = new SocketAddress({ __proto__: null, address, family });
      } catch {
        return false;
      }
    }
    const words = wordsOf(sa);
    const rules = this.#rules;
    for (let i = 0; i < rules.length; i++) {
      if (rules[i].matches(words)) return true;
    }
    return false;
  }

  get rules() {
    const texts = [];
    const rules = this.#rules;
    for (let i = 0; i < rules.length; i++) texts[i] = rules[i].text;
    return texts;
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return '[BlockList]';
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `BlockList ${inspect({ rules: this.rules }, options)}`;
  }
}

module.exports = { BlockList };
