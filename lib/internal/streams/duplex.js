'use strict';
// stream.Duplex: a Readable that also carries Writable's state and methods;
// allowHalfOpen: false ends the writable side when the readable side ends.

const {
  FunctionPrototypeCall, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, ObjectKeys,
  ObjectSetPrototypeOf, SafeArrayIterator,
} = primordials;

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  FunctionPrototypeCall(Readable, this, options);
  FunctionPrototypeCall(Writable, this, options);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
}
ObjectSetPrototypeOf(Duplex.prototype, Readable.prototype);
ObjectSetPrototypeOf(Duplex, Readable);

for (const method of new SafeArrayIterator(ObjectKeys(Writable.prototype))) {
  if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
}
for (const name of new SafeArrayIterator(['write', 'cork', 'uncork', 'setDefaultEncoding', 'end', '_write'])) {
  Duplex.prototype[name] = Writable.prototype[name];
}
Duplex.prototype._writev = null;

for (const name of new SafeArrayIterator(['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
  'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain', 'writableErrored', 'writableAborted'])) {
  ObjectDefineProperty(Duplex.prototype, name, {
    __proto__: null, ...ObjectGetOwnPropertyDescriptor(Writable.prototype, name),
  });
}
ObjectDefineProperty(Duplex.prototype, 'destroyed', {
  __proto__: null,
  get() {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
  configurable: true,
});
Duplex.prototype.destroy = Writable.prototype.destroy;

Duplex.from = function from(body) {
  return require('internal/streams/duplexify').duplexify(body, 'body');
};

Duplex.fromWeb = function fromWeb(pair, options) {
  return require('internal/webstreams/adapters').newStreamDuplexFromReadableWritablePair(pair, options);
};
Duplex.toWeb = function toWeb(duplex) {
  return require('internal/webstreams/adapters').newReadableWritablePairFromDuplex(duplex);
};

module.exports = Duplex;
