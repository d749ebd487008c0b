'use strict';
// stream.compose(...streams) and readable.compose(stream, options): one Duplex
// that writes into the first stage and reads from the last, the stages joined by
// pipeline. Functions and iterables become Duplexes with Duplex.from first.
// No internalBinding.

const {
  ArrayPrototypeSlice,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const u = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');

function compose(...streams) {
  const { duplexify, fromPair } = require('internal/streams/duplexify');
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return duplexify(streams[0], 'streams[0]');

  const original = ArrayPrototypeSlice(streams);
  for (let i = 0; i < streams.length; i++) {
    if (!u.isNodeStream(streams[i])) streams[i] = duplexify(streams[i], `streams[${i}]`);
  }
  for (let i = 0; i < streams.length; i++) {
    if (i < streams.length - 1 && !u.isReadableNodeStream(streams[i])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${i}]`, original[i], 'must be readable');
    }
    if (i > 0 && !u.isWritableNodeStream(streams[i])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${i}]`, original[i], 'must be writable');
    }
  }

  const head = streams[0];
  const tail = streams[streams.length - 1];
  const d = fromPair({
    writable: u.isWritableNodeStream(head) ? head : null,
    readable: u.isReadableNodeStream(tail) ? tail : null,
    finisher: tail,
  });
  const { pipeline } = require('internal/streams/pipeline');
  const hasSides = d.readable || d.writable;
  pipeline(streams, (err) => {
    // With neither side, the Duplex only stands for the pipeline: close it then.
    if (err) destroyImpl.destroyer(d, err);
    else if (!hasSides) destroyImpl.destroyer(d, null);
  });
  return d;
}

// readable.compose(stream[, options]): `this` piped into stream, as one Duplex.
function composeMethod(stream, options) {
  if (options != null) require('internal/validators').validateObject(options, 'options');
  if (options?.signal != null) require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
  const composed = compose(this, stream);
  if (options?.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, composed);
  return composed;
}

module.exports = { compose, composeMethod };
