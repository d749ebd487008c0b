'use strict';
// TextEncoderStream and TextDecoderStream: TransformStreams of strings to UTF-8 bytes
// and of bytes to strings. The encoder keeps a high surrogate that ends one chunk
// for the next; the decoder decodes in streaming mode and flushes at close.

const {
  ArrayBufferIsView, ObjectDefineProperties, ObjectPrototypeToString, StringPrototypeCharCodeAt,
  StringPrototypeSlice, TypeError, Uint8Array,
} = primordials;
const { kState, kInspect, checkThis, inspectAs } = require('internal/webstreams/util');
const { TransformStream } = require('internal/webstreams/transformstream');

function isAnyArrayBuffer(value) {
  const tag = ObjectPrototypeToString(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

class TextEncoderStream {
  constructor() {
    const { TextEncoder } = require('internal/encoding');
    const encoder = new TextEncoder();
    let pending = '';
    const transform = new TransformStream({
      transform(chunk, controller) {
        let text = pending + `${chunk}`;
        pending = '';
        const last = StringPrototypeCharCodeAt(text, text.length - 1);
        if (last >= 0xD800 && last <= 0xDBFF) {
          pending = StringPrototypeSlice(text, -1);
          text = StringPrototypeSlice(text, 0, -1);
        }
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pending !== '') controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
      },
    });
    this[kState] = { type: 'TextEncoderStream', transform };
  }

  get encoding() {
    checkThis(this, 'TextEncoderStream');
    return 'utf-8';
  }

  get readable() {
    checkThis(this, 'TextEncoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    checkThis(this, 'TextEncoderStream');
    return this[kState].transform.writable;
  }

  [kInspect](depth, options) {
    checkThis(this, 'TextEncoderStream');
    const { transform } = this[kState];
    return inspectAs('TextEncoderStream', {
      encoding: 'utf-8', readable: transform.readable, writable: transform.writable,
    }, depth, options);
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const { TextDecoder } = require('internal/encoding');
    const decoder = new TextDecoder(encoding, options);
    const transform = new TransformStream({
      transform(chunk, controller) {
        if (!ArrayBufferIsView(chunk) && !isAnyArrayBuffer(chunk)) {
          // Node's message here names "input" and has no "Received ..." part.
          const error = new TypeError('The "input" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
          error.code = 'ERR_INVALID_ARG_TYPE';
          throw error;
        }
        const text = decoder.decode(chunk, { stream: true });
        if (text !== '') controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text !== '') controller.enqueue(text);
      },
    });
    this[kState] = { type: 'TextDecoderStream', transform, decoder };
  }

  get encoding() {
    checkThis(this, 'TextDecoderStream');
    return this[kState].decoder.encoding;
  }

  get fatal() {
    checkThis(this, 'TextDecoderStream');
    return this[kState].decoder.fatal;
  }

  get ignoreBOM() {
    checkThis(this, 'TextDecoderStream');
    return this[kState].decoder.ignoreBOM;
  }

  get readable() {
    checkThis(this, 'TextDecoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    checkThis(this, 'TextDecoderStream');
    return this[kState].transform.writable;
  }

  [kInspect](depth, options) {
    checkThis(this, 'TextDecoderStream');
    const { transform, decoder } = this[kState];
    return inspectAs('TextDecoderStream', {
      encoding: decoder.encoding, fatal: decoder.fatal, ignoreBOM: decoder.ignoreBOM,
      readable: transform.readable, writable: transform.writable,
    }, depth, options);
  }
}

ObjectDefineProperties(TextEncoderStream.prototype, {
  encoding: { __proto__: null, enumerable: true },
  readable: { __proto__: null, enumerable: true },
  writable: { __proto__: null, enumerable: true },
});
ObjectDefineProperties(TextDecoderStream.prototype, {
  encoding: { __proto__: null, enumerable: true },
  fatal: { __proto__: null, enumerable: true },
  ignoreBOM: { __proto__: null, enumerable: true },
  readable: { __proto__: null, enumerable: true },
  writable: { __proto__: null, enumerable: true },
});

module.exports = { TextEncoderStream, TextDecoderStream };
