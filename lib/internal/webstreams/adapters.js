'use strict';
// The bridges between node streams and web streams: Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb, Duplex.toWeb/fromWeb. Each side's end, error and destroy
// reach the other side; a node stream's highWaterMark and objectMode become the web
// stream's queuing strategy, and backpressure is honoured both ways ('drain' and
// desiredSize, the writer's ready promise and write()'s return value).

const {
  ArrayBufferPrototypeSlice, ArrayPrototypeMap, ArrayPrototypeSlice, PromisePrototypeThen, SafePromiseAll, Symbol, Uint8Array,
} = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_STREAM_PREMATURE_CLOSE },
  AbortError,
} = require('internal/errors');
const { kState, createDeferred, createTrackedDeferred, setHandled } = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const { ReadableStream } = rs;
const ws_ = require('internal/webstreams/writablestream');
const { WritableStream } = ws_;
const { CountQueuingStrategy } = require('internal/webstreams/queuingstrategies');

function eos(stream, callback) {
  return require('internal/streams/end-of-stream')(stream, callback);
}

function destroy(stream, error) {
  require('internal/streams/destroy').destroyer(stream, error);
}

// A node stream's end that came before its natural end is an AbortError on the web side.
function webError(error) {
  if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') return new AbortError(undefined, { cause: error });
  return error;
}

function strategyFor(objectMode, highWaterMark) {
  if (objectMode) return new CountQueuingStrategy({ highWaterMark });
  return { highWaterMark, size(chunk) { return chunk.byteLength; } };
}

function isBuffer(value) {
  const { Buffer } = require('buffer');
  return Buffer.isBuffer(value);
}

// ---- node Readable -> ReadableStream ----
function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (streamReadable == null || typeof streamReadable._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  const objectMode = !!streamReadable.readableObjectMode;
  const strategy = options.strategy !== undefined ? options.strategy :
    strategyFor(objectMode, streamReadable.readableHighWaterMark);
  if (streamReadable.destroyed) {
    const stream = new ReadableStream();
    setHandled(stream.cancel());
    return stream;
  }
  let controller;
  function onData(chunk) {
    // A copy, as node makes: a Buffer may be a view of the shared pool, which a
    // consumer that transfers the chunk's buffer would otherwise detach.
    if (isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  eos(streamReadable, (error) => {
    streamReadable.removeListener('data', onData);
    if (error) {
      controller.error(webError(error));
      return;
    }
    try {
      controller.close();
    } catch {
      // Closed or errored already (cancel ran first).
    }
  });
  streamReadable.on('data', onData);
  return new ReadableStream({
    start(c) {
      controller = c;
      streamReadable.pause();
    },
    pull() { streamReadable.resume(); },
    cancel(reason) {
      // eos stays attached: it is the node stream's 'error' listener while it is destroyed.
      destroy(streamReadable, reason);
    },
  }, strategy);
}

// ---- ReadableStream -> node Readable ----
function readableOptions(options) {
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  return options;
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!rs.isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  const { highWaterMark, encoding, objectMode = false, signal } = readableOptions(options);
  const { Readable } = require('stream');
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode, highWaterMark, encoding, signal,
    read() {
      PromisePrototypeThen(reader.read(), (chunk) => {
        if (chunk.done) readable.push(null);
        else readable.push(chunk.value);
      }, (error) => destroy(readable, error));
    },
    destroy(error, callback) {
      const done = () => callback(error);
      if (!closed) {
        PromisePrototypeThen(reader.cancel(error), done, done);
        return;
      }
      done();
    },
  });
  PromisePrototypeThen(reader.closed, () => { closed = true; }, (error) => {
    closed = true;
    destroy(readable, error);
  });
  return readable;
}

// ---- node Writable -> WritableStream ----
function newWritableStreamFromStreamWritable(streamWritable) {
  if (streamWritable == null || typeof streamWritable._writableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (streamWritable.destroyed || streamWritable.writableEnded) {
    const stream = new WritableStream();
    setHandled(stream.close());
    return stream;
  }
  // The web side counts chunks, not bytes, as node's does: a string chunk (which
  // the node side takes) has no byteLength.
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) : { __proto__: null, highWaterMark };
  let controller;
  let drain;
  const closed = createTrackedDeferred();
  function onDrain() {
    if (drain !== undefined) drain.resolve();
  }
  eos(streamWritable, (error) => {
    streamWritable.removeListener('drain', onDrain);
    if (error) {
      error = webError(error);
      if (drain !== undefined) drain.reject(error);
      if (ws_.isWritableStream(stream) && stream[kState].state === 'writable') controller.error(error);
      closed.reject(error);
      setHandled(closed.promise);
      return;
    }
    closed.resolve();
  });
  streamWritable.on('drain', onDrain);
  const stream = new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        drain = createDeferred();
        return PromisePrototypeThen(drain.promise, () => { drain = undefined; });
      }
    },
    abort(reason) {
      destroy(streamWritable, reason);
    },
    close() {
      if (!closed.settled && !streamWritable.writableEnded) streamWritable.end();
      return closed.promise;
    },
  }, strategy);
  return stream;
}

// ---- WritableStream -> node Writable ----
function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!ws_.isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = readableOptions(options);
  const { Writable } = require('stream');
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark, objectMode, decodeStrings, signal,
    writev(chunks, callback) {
      const writes = ArrayPrototypeMap(chunks, ({ chunk }) => writer.write(chunk));
      PromisePrototypeThen(SafePromiseAll(writes), () => callback(), callback);
    },
    write(chunk, encoding, callback) {
      PromisePrototypeThen(writer.ready, () => PromisePrototypeThen(writer.write(chunk), () => callback(), callback), callback);
    },
    destroy(error, callback) {
      const done = () => callback(error);
      if (!closed) {
        PromisePrototypeThen(error != null ? writer.abort(error) : writer.close(), done, done);
        return;
      }
      done();
    },
    final(callback) {
      if (closed) {
        callback();
        return;
      }
      PromisePrototypeThen(writer.close(), () => callback(), callback);
    },
  });
  PromisePrototypeThen(writer.closed, () => {
    closed = true;
    if (!writable.writableEnded) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroy(writable, error);
  });
  return writable;
}

// ---- Duplex ----
function newReadableWritablePairFromDuplex(duplex) {
  if (duplex == null || typeof duplex._writableState !== 'object' || typeof duplex._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  return {
    readable: newReadableStreamFromStreamReadable(duplex),
    writable: newWritableStreamFromStreamWritable(duplex),
  };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  if (pair === null || typeof pair !== 'object') throw new ERR_INVALID_ARG_TYPE('pair', 'Object', pair);
  const { readable: readableStream, writable: writableStream } = pair;
  if (!rs.isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!ws_.isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  const {
    allowHalfOpen = false, decodeStrings = true, encoding, highWaterMark, objectMode = false, signal,
  } = readableOptions(options);
  const { Duplex } = require('stream');
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  const duplex = new Duplex({
    allowHalfOpen, decodeStrings, encoding, highWaterMark, objectMode, signal,
    write(chunk, enc, callback) {
      PromisePrototypeThen(writer.ready, () => PromisePrototypeThen(writer.write(chunk), () => callback(), callback), callback);
    },
    final(callback) {
      if (writableClosed) {
        callback();
        return;
      }
      PromisePrototypeThen(writer.close(), () => callback(), callback);
    },
    read() {
      PromisePrototypeThen(reader.read(), (chunk) => {
        if (chunk.done) duplex.push(null);
        else duplex.push(chunk.value);
      }, (error) => destroy(duplex, error));
    },
    destroy(error, callback) {
      const done = () => callback(error);
      const pending = [];
      if (!writableClosed) pending[pending.length] = error != null ? writer.abort(error) : writer.close();
      if (!readableClosed) pending[pending.length] = reader.cancel(error);
      if (pending.length === 0) {
        done();
        return;
      }
      PromisePrototypeThen(SafePromiseAll(pending), done, done);
    },
  });
  PromisePrototypeThen(writer.closed, () => {
    writableClosed = true;
    if (!duplex.writableEnded) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  PromisePrototypeThen(reader.closed, () => { readableClosed = true; }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  return duplex;
}

// FileHandle.prototype.readableWebStream: the file's bytes from the current position,
// as ArrayBuffers (or, with { type: 'bytes' }, Uint8Arrays, and BYOB reads filled in
// place). One stream per handle, as node allows; closing the handle closes the stream.
const kWebStreamLocked = Symbol('kWebStreamLocked');
function readableWebStreamOf(handle, closing, options) {
  if (closing) throw new ERR_INVALID_STATE('The FileHandle is closed');
  if (handle[kWebStreamLocked]) throw new ERR_INVALID_STATE('The FileHandle is locked');
  const type = options === null || typeof options !== 'object' ? undefined : options.type;
  if (type !== undefined && type !== 'bytes') {
    throw new ERR_INVALID_ARG_VALUE('options.type', type, "must be 'bytes' or undefined");
  }
  handle[kWebStreamLocked] = true;
  const bytes = type === 'bytes';
  let controller;
  let ended = false;
  function end() {
    if (ended) return;
    ended = true;
    controller.close();
    // A BYOB read waiting on a closed byte stream is settled (done) by respond(0).
    if (bytes && controller.byobRequest) controller.byobRequest.respond(0);
  }
  handle.once('close', end);
  return new ReadableStream({
    type,
    start(c) { controller = c; },
    async pull(c) {
      const request = bytes ? c.byobRequest : null;
      const target = request ? request.view : new Uint8Array(kFileChunk);
      let bytesRead;
      try {
        ({ bytesRead } = await handle.read(target, 0, target.byteLength, null));
      } catch (error) {
        if (ended) return;
        throw error;
      }
      if (ended) return;
      if (bytesRead === 0) {
        handle.removeListener('close', end);
        end();
      } else if (request) {
        request.respond(bytesRead);
      } else {
        const view = new Uint8Array(target.buffer, target.byteOffset, bytesRead);
        c.enqueue(bytes ? view : ArrayBufferPrototypeSlice(target.buffer, 0, bytesRead));
      }
    },
    cancel() { handle.removeListener('close', end); },
  });
}
const kFileChunk = 65536;

function isAnyWebStream(value) {
  return rs.isReadableStream(value) || ws_.isWritableStream(value) ||
    require('internal/webstreams/transformstream').isTransformStream(value);
}

// pipeline()'s stages with each web stream replaced by its node bridge (object mode:
// web streams carry any value), so the node machinery moves data and errors.
// pipeline's destination function for a WritableStream fed by a node stream.
function pumpInto(writable) {
  return async function pump(source) {
    const writer = writable.getWriter();
    try {
      for await (const chunk of source) {
        await writer.ready;
        PromisePrototypeThen(writer.write(chunk), undefined, () => {});
      }
      await writer.ready;
      await writer.close();
    } catch (err) {
      try {
        await writer.abort(err);
      } catch {
        // the abort's own failure changes nothing: err is what the pipeline reports
      }
      throw err;
    }
  };
}

function nodeStreamsOf(stages) {
  let copy;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    let bridged;
    if (rs.isReadableStream(stage) && i === 0 && stages.length > 1 && !isAnyWebStream(stages[1])) {
      // A web source into node streams is pumped as an async iterable, as node
      // does (pipeline takes any async iterable as its source).
      continue;
    } else if (rs.isReadableStream(stage)) {
      bridged = newStreamReadableFromReadableStream(stage, { objectMode: true });
    } else if (ws_.isWritableStream(stage) && i === stages.length - 1 && i > 0 &&
               !isAnyWebStream(stages[i - 1])) {
      // A node stream into a web destination is read as an async iterable, as
      // node does: what is buffered when the writer is ready goes as one chunk.
      bridged = pumpInto(stage);
    } else if (ws_.isWritableStream(stage)) {
      bridged = newStreamWritableFromWritableStream(stage, { objectMode: true });
    } else if (require('internal/webstreams/transformstream').isTransformStream(stage)) {
      bridged = newStreamDuplexFromReadableWritablePair(stage, { objectMode: true });
    } else {
      continue;
    }
    if (copy === undefined) copy = ArrayPrototypeSlice(stages);
    copy[i] = bridged;
  }
  return copy === undefined ? stages : copy;
}

module.exports = {
  isAnyWebStream,
  nodeStreamsOf,
  readableWebStreamOf,
  newReadableStreamFromStreamReadable, newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable, newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex, newStreamDuplexFromReadableWritablePair,
};
