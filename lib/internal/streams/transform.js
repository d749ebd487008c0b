'use strict';
// stream.Transform and PassThrough: _transform(chunk, enc, cb) feeds the readable
// side, _flush runs before the readable side ends. No internalBinding.

const {
  FunctionPrototypeCall, ObjectSetPrototypeOf,
} = primordials;

const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
const Duplex = require('internal/streams/duplex');

const kCallback = Symbol('kCallback');
// Per write: the Writable side's callback and the readable length before the
// transform ran. Only one _write is in flight at a time (Writable buffers the
// rest until its callback), so one pair per stream serves every write, and the
// callback handed to _transform is made once per stream, not once per chunk.
const kWriteCallback = Symbol('kWriteCallback');
const kLengthBefore = Symbol('kLengthBefore');
const kOnTransformed = Symbol('kOnTransformed');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  FunctionPrototypeCall(Duplex, this, options);
  this._readableState.sync = false;
  this[kCallback] = null;
  this[kWriteCallback] = null;
  this[kLengthBefore] = 0;
  const stream = this;
  this[kOnTransformed] = function(err, val) { afterTransform(stream, err, val); };
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', prefinish);
}
ObjectSetPrototypeOf(Transform.prototype, Duplex.prototype);
ObjectSetPrototypeOf(Transform, Duplex);

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) FunctionPrototypeCall(final, this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function(chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

Transform.prototype._write = function(chunk, encoding, callback) {
  this[kWriteCallback] = callback;
  this[kLengthBefore] = this._readableState.length;
  this._transform(chunk, encoding, this[kOnTransformed]);
};

function afterTransform(stream, err, val) {
  const callback = stream[kWriteCallback];
  if (err) {
    callback(err);
    return;
  }
  const rState = stream._readableState;
  if (val != null) stream.push(val);
  // After push(null) the write finishes a tick later, as node's: its caller sees
  // the chunk still counted (write() returns false past the mark) and stops.
  if (rState.ended) {
    process.nextTick(callback);
  } else if (stream._writableState.ended || stream[kLengthBefore] === rState.length ||
      rState.length < rState.highWaterMark) {
    callback();
  } else {
    stream[kCallback] = callback;
  }
}

Transform.prototype._read = function() {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  FunctionPrototypeCall(Transform, this, options);
}
ObjectSetPrototypeOf(PassThrough.prototype, Transform.prototype);
ObjectSetPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function(chunk, encoding, cb) {
  cb(null, chunk);
};

module.exports = { Transform, PassThrough };
