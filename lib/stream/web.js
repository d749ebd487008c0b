'use strict';
// require('stream/web'): the WHATWG Streams Standard classes (lib/internal/webstreams).

const { ReadableStream } = require('internal/webstreams/readablestream');
const { ReadableStreamDefaultReader, ReadableStreamBYOBReader } = require('internal/webstreams/readers');
const { ReadableStreamDefaultController } = require('internal/webstreams/default_controller');
const { ReadableByteStreamController, ReadableStreamBYOBRequest } = require('internal/webstreams/byte_controller');
const { TransformStream, TransformStreamDefaultController } = require('internal/webstreams/transformstream');
const { WritableStream } = require('internal/webstreams/writablestream');
const { WritableStreamDefaultWriter } = require('internal/webstreams/writer');
const { WritableStreamDefaultController } = require('internal/webstreams/writable_controller');
const { ByteLengthQueuingStrategy, CountQueuingStrategy } = require('internal/webstreams/queuingstrategies');
const { TextEncoderStream, TextDecoderStream } = require('internal/webstreams/encoding');
const { CompressionStream, DecompressionStream } = require('internal/webstreams/compression');

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  CompressionStream,
  DecompressionStream,
};
