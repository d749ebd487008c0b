'use strict';
// The body shared by Request and Response (the Fetch standard's "body mixin").
// A body holds one of: bytes known up front (string, buffer, Blob, FormData,
// URLSearchParams), a node Readable (a response read from the network, already
// decoded), or a web ReadableStream (given by the user). The web stream the
// `body` getter shows is made only when asked for: text(), json() and friends
// read bytes or the node Readable directly, so the common `await res.text()` makes
// no web stream at all. Once a web stream exists, it is the one source of truth
// (used = disturbed, locked = locked).
// internalBinding: none.

const {
  ArrayBuffer, ArrayBufferIsView, ArrayPrototypePush, JSONParse, ObjectDefineProperty, ObjectSetPrototypeOf,
  ObjectPrototypeToString, Promise, PromisePrototypeThen, PromiseReject, PromiseResolve, SafeArrayIterator,
  StringPrototypeCharCodeAt, StringPrototypeSlice, StringPrototypeToLowerCase, Symbol, SymbolAsyncIterator,
  SymbolFor, TypeError, TypedArrayPrototypeSlice, Uint8Array,
} = primordials;

const { Buffer } = require('buffer');
const { Blob, getBlobBytes } = require('internal/buffer/blob');

const kBody = Symbol('kBody');
const kHeaders = Symbol('kHeaders');
const kDisturbed = SymbolFor('nodejs.stream.disturbed');

let webStreams;
function lazyStreams() {
  webStreams ??= require('internal/webstreams/readablestream');
  return webStreams;
}

// mapError: how an error of nodeStream reaches the reader (fetch makes a cut
// body a TypeError('terminated')).
// (A constructor with a prototype-less prototype: fast properties, unlike a
// `{ __proto__: null }` literal.)
function Body(bytes, stream, nodeStream, length) {
  this.bytes = bytes;
  this.stream = stream;
  this.nodeStream = nodeStream;
  this.length = length;
  this.used = false;
  this.mapError = null;
}
ObjectSetPrototypeOf(Body.prototype, null);

function newBody(bytes, stream, nodeStream, length) {
  return new Body(bytes, stream, nodeStream, length);
}

function bodyError(body, err) {
  return body.mapError === null ? err : body.mapError(err);
}

// The Fetch standard's "extract a body": { body, type } (type: a Content-Type to
// add when the headers have none, or null).
function extractBody(object) {
  if (typeof object === 'string') {
    const bytes = Buffer.from(object, 'utf8');
    return { __proto__: null, body: newBody(bytes, null, null, bytes.length), type: 'text/plain;charset=UTF-8' };
  }
  if (ArrayBufferIsView(object)) {
    const bytes = TypedArrayPrototypeSlice(new Uint8Array(object.buffer, object.byteOffset, object.byteLength));
    return { __proto__: null, body: newBody(bytes, null, null, bytes.length), type: null };
  }
  if (object instanceof ArrayBuffer || ObjectPrototypeToString(object) === '[object SharedArrayBuffer]') {
    const bytes = TypedArrayPrototypeSlice(new Uint8Array(object));
    return { __proto__: null, body: newBody(bytes, null, null, bytes.length), type: null };
  }
  if (object instanceof Blob) {
    const bytes = getBlobBytes(object);
    return { __proto__: null, body: newBody(bytes, null, null, bytes.length), type: object.type || null };
  }
  const { URLSearchParams } = require('internal/url');
  if (object instanceof URLSearchParams) {
    const bytes = Buffer.from(`${object}`, 'utf8');
    return {
      __proto__: null, body: newBody(bytes, null, null, bytes.length),
      type: 'application/x-www-form-urlencoded;charset=UTF-8',
    };
  }
  const formdata = require('internal/fetch/formdata');
  if (object instanceof formdata.FormData) {
    const { bytes, type } = formdata.serialize(object);
    return { __proto__: null, body: newBody(bytes, null, null, bytes.length), type };
  }
  const { isReadableStream, ReadableStream } = lazyStreams();
  if (isReadableStream(object)) {
    if (object.locked || object[kDisturbed]) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    return { __proto__: null, body: newBody(null, object, null, null), type: null };
  }
  if (object !== null && typeof object === 'object' && typeof object[SymbolAsyncIterator] === 'function') {
    return { __proto__: null, body: newBody(null, ReadableStream.from(object), null, null), type: null };
  }
  return extractBody(`${object}`);
}

// A byte ReadableStream over a node Readable, read as the consumer pulls.
function streamFromNode(body) {
  const node = body.nodeStream;
  const { ReadableStream } = lazyStreams();
  let closed = false;
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      node.on('data', (chunk) => {
        if (closed) return;
        // A copy: enqueue() detaches the buffer, and a chunk may be a view of a shared read buffer.
        controller.enqueue(TypedArrayPrototypeSlice(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        if (controller.desiredSize <= 0) node.pause();
      });
      node.on('end', () => {
        if (closed) return;
        closed = true;
        controller.close();
        // A byte stream's pending read needs a respond() after close.
        const request = controller.byobRequest;
        if (request) request.respond(0);
      });
      node.on('error', (err) => {
        if (closed) return;
        closed = true;
        controller.error(bodyError(body, err));
      });
      node.pause();
    },
    pull() {
      node.resume();
    },
    cancel(reason) {
      closed = true;
      node.destroy();
    },
  });
}

// A byte ReadableStream of bytes known up front.
function streamFromBytes(bytes) {
  const { ReadableStream } = lazyStreams();
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      if (bytes.length > 0) controller.enqueue(TypedArrayPrototypeSlice(bytes));
      controller.close();
    },
  });
}

// The web stream of a body, made on first use.
function getStream(body) {
  if (body.stream !== null) return body.stream;
  if (body.used) {
    // Read already through the fast path: an empty stream, marked disturbed.
    const stream = streamFromBytes(new Uint8Array(0));
    const reader = stream.getReader();
    reader.read();
    reader.releaseLock();
    body.stream = stream;
  } else if (body.nodeStream !== null) {
    body.stream = streamFromNode(body);
  } else {
    body.stream = streamFromBytes(body.bytes);
  }
  return body.stream;
}

function isUsed(body) {
  if (body === null) return false;
  return body.stream !== null ? body.stream[kDisturbed] === true : body.used;
}

function isUnusable(body) {
  return body !== null && (isUsed(body) || (body.stream !== null && body.stream.locked));
}

function collectNode(body) {
  const node = body.nodeStream;
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    node.on('data', (chunk) => {
      ArrayPrototypePush(chunks, chunk);
      size += chunk.length;
    });
    node.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    node.on('error', (err) => reject(bodyError(body, err)));
    node.resume();
  });
}

async function collectStream(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!ArrayBufferIsView(value)) {
      const err = new TypeError('Received non-Uint8Array chunk');
      reader.cancel(err);
      throw err;
    }
    ArrayPrototypePush(chunks, value);
    size += value.byteLength;
  }
  return Buffer.concat(chunks, size);
}

// All of a body's bytes: a Uint8Array the caller may keep but must not hand out
// writable (it may be the body's own bytes).
function consumeBytes(holder) {
  const body = holder[kBody];
  if (body === null) return PromiseResolve(new Uint8Array(0));
  if (isUnusable(body)) return PromiseReject(new TypeError('Body is unusable: Body has already been read'));
  if (body.stream === null) {
    body.used = true;
    if (body.nodeStream !== null) return collectNode(body);
    return PromiseResolve(body.bytes);
  }
  return collectStream(body.stream);
}

function utf8Text(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The UTF-8 decode of the Encoding standard drops a leading BOM.
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return buf.utf8Slice(start, buf.length);
}

// An ArrayBuffer of exactly the bytes (collected bytes may sit in a shared pool).
function ownArrayBuffer(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return TypedArrayPrototypeSlice(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).buffer;
}

function mimeType(holder) {
  const headers = holder[kHeaders];
  const type = headers.get('content-type');
  return type === null ? '' : type;
}

function checkBrand(holder) {
  if (holder === null || typeof holder !== 'object' || !(kBody in holder)) {
    return PromiseReject(new TypeError('Illegal invocation'));
  }
  return null;
}

function then(promise, fn) {
  return PromisePrototypeThen(promise, fn);
}

const bodyMethods = {
  __proto__: null,
  arrayBuffer() {
    const bad = checkBrand(this);
    if (bad !== null) return bad;
    const fresh = this[kBody] !== null && this[kBody].bytes !== null;
    return then(consumeBytes(this), (bytes) =>
      (fresh ? TypedArrayPrototypeSlice(bytes).buffer : ownArrayBuffer(bytes)));
  },
  blob() {
    const bad = checkBrand(this);
    if (bad !== null) return bad;
    return then(consumeBytes(this), (bytes) => new Blob([bytes], { type: mimeType(this) }));
  },
  bytes() {
    const bad = checkBrand(this);
    if (bad !== null) return bad;
    const fresh = this[kBody] !== null && this[kBody].bytes !== null;
    return then(consumeBytes(this), (bytes) =>
      (fresh ? TypedArrayPrototypeSlice(bytes) : new Uint8Array(ownArrayBuffer(bytes))));
  },
  formData() {
    const bad = checkBrand(this);
    if (bad !== null) return bad;
    return then(consumeBytes(this), (bytes) => {
      const type = mimeType(this);
      const essence = StringPrototypeToLowerCase(StringPrototypeSlice(type, 0, mimeEssenceEnd(type)));
      const formdata = require('internal/fetch/formdata');
      if (essence === 'multipart/form-data') return formdata.parseMultipart(bytes, type);
      if (essence === 'application/x-www-form-urlencoded') return formdata.parseUrlencoded(utf8Text(bytes));
      throw new TypeError('Response.formData: Could not parse content as FormData.');
    });
  },
  json() {
    const bad = checkBrand(this);
    if (bad !== null) return bad;
    return then(consumeBytes(this), (bytes) => JSONParse(utf8Text(bytes)));
  },
  text() {
    const bad = checkBrand(this);
    if (bad !== null) return bad;
    return then(consumeBytes(this), utf8Text);
  },
};

function mimeEssenceEnd(type) {
  for (let i = 0; i < type.length; i++) {
    const c = StringPrototypeCharCodeAt(type, i);
    if (c === 0x3b || c === 0x20 || c === 0x09) return i;
  }
  return type.length;
}

// Adds body, bodyUsed and the read methods to a prototype, as enumerable WebIDL members.
function installBody(proto, className) {
  ObjectDefineProperty(proto, 'body', {
    __proto__: null, enumerable: true, configurable: true,
    get() {
      if (this === null || typeof this !== 'object' || !(kBody in this)) throw new TypeError('Illegal invocation');
      const body = this[kBody];
      return body === null ? null : getStream(body);
    },
  });
  ObjectDefineProperty(proto, 'bodyUsed', {
    __proto__: null, enumerable: true, configurable: true,
    get() {
      if (this === null || typeof this !== 'object' || !(kBody in this)) throw new TypeError('Illegal invocation');
      return isUsed(this[kBody]);
    },
  });
  for (const name of new SafeArrayIterator(['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'])) {
    ObjectDefineProperty(proto, name, {
      __proto__: null, value: bodyMethods[name], writable: true, enumerable: true, configurable: true,
    });
  }
}

// Two bodies reading the same bytes (Request/Response clone()).
function cloneBody(body) {
  if (body === null) return null;
  if (body.stream === null && body.nodeStream === null) return newBody(body.bytes, null, null, body.length);
  const { 0: first, 1: second } = getStream(body).tee();
  body.stream = first;
  return newBody(null, second, null, body.length);
}

module.exports = {
  kBody, kHeaders, cloneBody, consumeBytes, extractBody, getStream, installBody, isUnusable, isUsed, newBody,
  streamFromNode,
};
