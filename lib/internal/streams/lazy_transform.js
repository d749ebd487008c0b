'use strict';
// LazyTransform: a Transform whose stream state is made only when it is first used
// as a stream. crypto's Hash and Hmac are streams, but most programs only call
// update() and digest(); they should not pay for two stream states per digest.

const { Transform } = require('stream');
const {
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
} = primordials;

function LazyTransform(options) {
  this._options = options;
}
ObjectSetPrototypeOf(LazyTransform.prototype, Transform.prototype);
ObjectSetPrototypeOf(LazyTransform, Transform);

// The first read of any of these runs Transform's constructor on the object, which
// sets them all as own properties (through the setter below).
for (const name of ['_readableState', '_writableState', '_transformState']) {
  ObjectDefineProperty(LazyTransform.prototype, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      FunctionPrototypeCall(Transform, this, this._options);
      this._writableState.decodeStrings = false;
      return this[name];
    },
    set(value) {
      ObjectDefineProperty(this, name, {
        __proto__: null, value, enumerable: true, configurable: true, writable: true,
      });
    },
  });
}

module.exports = LazyTransform;
