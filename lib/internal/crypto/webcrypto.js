'use strict';
// The Web Crypto object: globalThis.crypto and require('crypto').webcrypto, a
// Crypto with getRandomValues and randomUUID. SubtleCrypto is not here yet: its
// absence (crypto.subtle undefined) lets a package that feature-detects take its
// fallback instead of meeting half an API.

const { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } = require('internal/errors').codes;
const random = require('internal/crypto/random');
const { ObjectDefineProperty, Symbol, SymbolToStringTag } = primordials;

const kToken = Symbol('kToken');

class Crypto {
  constructor(token) {
    if (token !== kToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
ObjectDefineProperty(Crypto.prototype, SymbolToStringTag, {
  __proto__: null, value: 'Crypto', configurable: true,
});

const crypto = new Crypto(kToken);

module.exports = { Crypto, crypto };
