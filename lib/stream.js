'use strict';
// The public 'stream' module: the legacy Stream base with Readable, Writable,
// Duplex, Transform, PassThrough, pipeline, finished, addAbortSignal attached.
// Implementation lives in lib/internal/streams/. No internalBinding.

const {
  ObjectDefineProperty, SymbolFor,
} = primordials;

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const { Transform, PassThrough } = require('internal/streams/transform');
const { pipeline } = require('internal/streams/pipeline');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const utils = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = function isDisturbed(stream) {
  if (stream && stream[SymbolFor('nodejs.stream.disturbed')] !== undefined) return stream[SymbolFor('nodejs.stream.disturbed')];
  return !!(stream && stream._readableState && (stream._readableState.dataEmitted || stream._readableState.endEmitted ||
    stream._readableState.errored));
};
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose').compose(...streams);
};
Stream.finished = eos;
Stream.destroy = destroyImpl.destroyer;
Stream.getDefaultHighWaterMark = utils.getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = utils.setDefaultHighWaterMark;

let promises;
ObjectDefineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (promises === undefined) promises = require('stream/promises');
    return promises;
  },
});
ObjectDefineProperty(pipeline, require('internal/streams/promisify_custom'), {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.pipeline; },
});
ObjectDefineProperty(eos, require('internal/streams/promisify_custom'), {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.finished; },
});

Stream.Stream = Stream;
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => {
  const { Buffer } = require('buffer');
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

module.exports = Stream;
