'use strict';
// FastBuffer: the class behind every Buffer (Buffer.prototype is its prototype).
// `new FastBuffer(arrayBuffer, offset, length)` is a view without any checks, for
// lib/ code that already knows its arguments are right (a socket's received bytes).

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(a, b, c) { super(a, b, c); }
}

module.exports = { FastBuffer };
