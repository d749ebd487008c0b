'use strict';
// 'stream/consumers': read a whole stream (a Readable, a web ReadableStream or any
// async iterable) into one value. Strings among the chunks count as their UTF-8 bytes.

const {
  ArrayPrototypePush, JSONParse,
} = primordials;

const { Buffer } = require('buffer');

async function blob(stream) {
  const parts = [];
  for await (const chunk of stream) ArrayPrototypePush(parts, chunk);
  // Blob takes strings (as UTF-8), buffers and blobs, and anything else as String(it).
  return new Blob(parts);
}

async function arrayBuffer(stream) {
  return (await blob(stream)).arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

async function text(stream) {
  // One decoder across chunks, so a character split between two is read whole.
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of stream) {
    out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return out + decoder.decode();
}

async function json(stream) {
  return JSONParse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
