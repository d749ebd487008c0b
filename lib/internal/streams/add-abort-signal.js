'use strict';
// stream.addAbortSignal(signal, stream): destroys the stream with an AbortError
// when the signal aborts. No internalBinding.

const { codes: { ERR_INVALID_ARG_TYPE }, AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { isNodeStream } = require('internal/streams/utils');

function addAbortSignal(signal, stream) {
  validateAbortSignal(signal, 'signal');
  if (!isNodeStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  const onAbort = () => {
    stream.destroy(new AbortError(undefined, { cause: signal.reason }));
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
