'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy: a highWaterMark and the size()
// a stream uses to weigh each chunk (its byteLength, or 1).

const { ObjectDefineProperties, Symbol, SymbolToStringTag } = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_OPTION, ERR_INVALID_THIS },
} = require('internal/errors');
const { kInspect, inspectAs } = require('internal/webstreams/util');

const kHighWaterMark = Symbol('kHighWaterMark');

function readInit(init) {
  if (init === null || typeof init !== 'object') throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');
  return +init.highWaterMark;
}

// size() is one function per class, shared by every instance, as the spec asks.
function byteLengthSize(chunk) { return chunk.byteLength; }
function countSize() { return 1; }

function checkStrategy(self, name) {
  if (self === null || typeof self !== 'object' || !(kHighWaterMark in self)) throw new ERR_INVALID_THIS(name);
}

class ByteLengthQueuingStrategy {
  constructor(init) { this[kHighWaterMark] = readInit(init); }
  get highWaterMark() {
    checkStrategy(this, 'ByteLengthQueuingStrategy');
    return this[kHighWaterMark];
  }
  get size() {
    checkStrategy(this, 'ByteLengthQueuingStrategy');
    return byteLengthSize;
  }
  [kInspect](depth, options) {
    return inspectAs('ByteLengthQueuingStrategy', { highWaterMark: this[kHighWaterMark] }, depth, options);
  }
}

class CountQueuingStrategy {
  constructor(init) { this[kHighWaterMark] = readInit(init); }
  get highWaterMark() {
    checkStrategy(this, 'CountQueuingStrategy');
    return this[kHighWaterMark];
  }
  get size() {
    checkStrategy(this, 'CountQueuingStrategy');
    return countSize;
  }
  [kInspect](depth, options) {
    return inspectAs('CountQueuingStrategy', { highWaterMark: this[kHighWaterMark] }, depth, options);
  }
}

function defineMembers(cls, name) {
  ObjectDefineProperties(cls.prototype, {
    highWaterMark: { __proto__: null, enumerable: true },
    size: { __proto__: null, enumerable: true },
    [SymbolToStringTag]: { __proto__: null, value: name, configurable: true },
  });
}
defineMembers(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy');
defineMembers(CountQueuingStrategy, 'CountQueuingStrategy');

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
