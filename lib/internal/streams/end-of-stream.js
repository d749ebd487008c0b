'use strict';
// stream.finished(stream[, options], callback): calls back once when a stream has
// ended/finished, errored or closed early (ERR_STREAM_PREMATURE_CLOSE). Returns a
// cleanup function. No internalBinding.

const {
  FunctionPrototypeCall, ReflectApply,
} = primordials;

const { codes: { ERR_STREAM_PREMATURE_CLOSE }, AbortError } = require('internal/errors');
const { validateAbortSignal, validateFunction, validateObject } = require('internal/validators');
const u = require('internal/streams/utils');

const nop = () => {};

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');
  callback = u.once(callback);

  if (!u.isNodeStream(stream)) {
    const webStreams = require('internal/webstreams/finished');
    if (webStreams.isWebStream(stream)) return webStreams.eosWeb(stream, options, callback);
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  const readable = options.readable != null ? options.readable : u.isReadableNodeStream(stream);
  const writable = options.writable != null ? options.writable : u.isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };
  let willEmitClose = u.willEmitClose(stream) && u.isReadableNodeStream(stream) === readable &&
    u.isWritableNodeStream(stream) === writable;
  let writableFinished = u.isWritableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) FunctionPrototypeCall(callback, stream);
  };
  let readableFinished = u.isReadableFinished(stream, false);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) FunctionPrototypeCall(callback, stream);
  };
  const onerror = (err) => {
    FunctionPrototypeCall(callback, stream, err);
  };
  let closed = u.isClosed(stream);
  const onclose = () => {
    closed = true;
    const errored = u.isWritableErrored(stream) || u.isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return FunctionPrototypeCall(callback, stream, errored);
    if (readable && !readableFinished && u.isReadableNodeStream(stream, true)) {
      if (!u.isReadableFinished(stream, false)) {
        return FunctionPrototypeCall(callback, stream, new ERR_STREAM_PREMATURE_CLOSE());
      }
    }
    if (writable && !writableFinished) {
      if (!u.isWritableFinished(stream, false)) {
        return FunctionPrototypeCall(callback, stream, new ERR_STREAM_PREMATURE_CLOSE());
      }
    }
    FunctionPrototypeCall(callback, stream);
  };
  const onclosed = () => {
    closed = true;
    const errored = u.isWritableErrored(stream) || u.isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return FunctionPrototypeCall(callback, stream, errored);
    FunctionPrototypeCall(callback, stream);
  };
  const onrequest = () => {
    stream.req.on('finish', onfinish);
  };

  if (u.isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);
  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!willEmitClose) process.nextTick(onclosed);
  } else if (!readable && (!willEmitClose || u.isReadable(stream)) &&
             (writableFinished || u.isWritable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (!writable && (!willEmitClose || u.isWritable(stream)) &&
             (readableFinished || u.isReadable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onclosed);
  }

  const cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) {
    const signal = options.signal;
    const abort = () => {
      const endCallback = callback;
      cleanup();
      FunctionPrototypeCall(endCallback, stream, new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      process.nextTick(abort);
    } else {
      signal.addEventListener('abort', abort);
      const originalCallback = callback;
      callback = u.once((...args) => {
        signal.removeEventListener('abort', abort);
        ReflectApply(originalCallback, stream, args);
      });
    }
  }
  return cleanup;
}

function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = {};
  if (opts && opts.cleanup) {
    require('internal/validators').validateBoolean(opts.cleanup, 'cleanup');
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

eos.finished = finished;
module.exports = eos;
