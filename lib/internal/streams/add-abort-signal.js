'use strict';
// stream.addAbortSignal(signal, stream): destroys the stream (errors a web stream)
// with an AbortError when the signal aborts. No internalBinding.

const { codes: { ERR_INVALID_ARG_TYPE }, AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { isNodeStream } = require('internal/streams/utils');

function addAbortSignal(signal, stream) {
  validateAbortSignal(signal, 'signal');
  const web = isNodeStream(stream) ? undefined : require('internal/webstreams/finished');
  if (web !== undefined && !web.isWebStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  const onAbort = () => {
    const error = new AbortError(undefined, { cause: signal.reason });
    if (web !== undefined) web.errorWebStream(stream, error);
    else stream.destroy(error);
  };
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    require('internal/streams/end-of-stream')(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

module.exports = { addAbortSignal };
