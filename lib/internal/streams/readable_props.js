'use strict';
// State getters on Readable.prototype (readable, readableEnded, destroyed, ...).

const {
  ObjectDefineProperty,
} = primordials;

function install(Readable) {
  const def = (name, get, set) => {
    const d = { __proto__: null, get, enumerable: false, configurable: true };
    if (set) d.set = set;
    ObjectDefineProperty(Readable.prototype, name, d);
  };
  def('readable', function() {
    const r = this._readableState;
    return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
  }, function(val) { if (this._readableState) this._readableState.readable = !!val; });
  def('readableDidRead', function() { return this._readableState.dataEmitted; });
  def('readableAborted', function() {
    const r = this._readableState;
    return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
  });
  def('readableHighWaterMark', function() { return this._readableState.highWaterMark; });
  def('readableBuffer', function() { return this._readableState && this._readableState.buffer; });
  def('readableFlowing', function() { return this._readableState.flowing; },
      function(state) { if (this._readableState) this._readableState.flowing = state; });
  def('readableLength', function() { return this._readableState.length; });
  def('readableObjectMode', function() { return this._readableState ? this._readableState.objectMode : false; });
  def('readableEncoding', function() { return this._readableState ? this._readableState.encoding : null; });
  def('errored', function() { return this._readableState ? this._readableState.errored : null; });
  def('closed', function() { return this._readableState ? this._readableState.closed : false; });
  def('destroyed', function() { return this._readableState ? this._readableState.destroyed : false; },
      function(value) { if (this._readableState) this._readableState.destroyed = value; });
  def('readableEnded', function() { return this._readableState ? this._readableState.endEmitted : false; });
}

module.exports = { install };
