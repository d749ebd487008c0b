'use strict';
// What OutgoingMessage checks of a body part before it writes it: its type, its
// length, and (strictContentLength) that the parts add up to the Content-Length.

const { Symbol, TypedArrayPrototypeGetByteLength } = primordials;

const { Buffer } = require('buffer');
const { byteLength: BufferByteLength } = Buffer;
const { isUint8Array } = require('internal/util/types');
const {
  codes: { ERR_HTTP_CONTENT_LENGTH_MISMATCH, ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES },
} = require('internal/errors');

// The body bytes written while strictContentLength was on.
const kBytesWritten = Symbol('kBytesWritten');

function chunkLength(chunk, encoding) {
  return typeof chunk === 'string' ? BufferByteLength(chunk, encoding) :
    TypedArrayPrototypeGetByteLength(chunk);
}

function checkChunk(chunk) {
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !isUint8Array(chunk)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
}

// strictContentLength holds the body to the Content-Length field when the
// head has one and frames the body by it (not chunked, not bodiless).
function strictLength(msg) {
  return msg._contentLength !== null && msg._hasBody && !msg._removedContLen &&
    !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}

// Counts a body part of `len` bytes; with the head's length known, one that
// goes past it (or a last one that falls short) throws, counting nothing. As in
// node, a write made before the head is stored is counted but not checked.
function countStrict(msg, len, last) {
  const total = msg[kBytesWritten] + len;
  if (strictLength(msg) && (last ? total !== msg._contentLength : total > msg._contentLength)) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(total, msg._contentLength);
  }
  msg[kBytesWritten] = total;
}

module.exports = { chunkLength, checkChunk, strictLength, countStrict, kBytesWritten };
