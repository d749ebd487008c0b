'use strict';
// Duplex.from(body): turns streams, iterables, promises, async (generator)
// functions, { readable, writable } pairs, web streams and Blobs into a Duplex.
// No internalBinding.

const {
  FunctionPrototypeCall, PromisePrototypeThen,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE },
  AbortError,
} = require('internal/errors');
const Duplex = require('internal/streams/duplex');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const u = require('internal/streams/utils');

// Node names the class of the streams it builds so; inspect shows it. Duplex
// itself handles `readable: false` / `writable: false`.
class Duplexify extends Duplex {}

function isDuplexNodeStream(obj) {
  return u.isReadableNodeStream(obj) && u.isWritableNodeStream(obj);
}

function duplexify(body, name = 'body') {
  if (isDuplexNodeStream(body)) return body;
  if (u.isReadableNodeStream(body)) return fromPair({ readable: body });
  if (u.isWritableNodeStream(body)) return fromPair({ writable: body });
  if (u.isNodeStream(body)) return fromPair({ writable: false, readable: false });
  const webKind = webStreamKind(body);
  if (webKind === 'ReadableStream') return fromPair({ readable: require('internal/streams/readable').fromWeb(body) });
  if (webKind === 'WritableStream') return fromPair({ writable: require('internal/streams/writable').fromWeb(body) });
  if (body instanceof require('internal/buffer/blob').Blob) return duplexify(body.arrayBuffer(), name);

  if (typeof body === 'function') {
    const { source, write, final, destroy } = sourceFromWrites();
    const value = body(source);
    if (u.isIterable(value)) {
      return withDestroy(fromIterable(value, { objectMode: true, write, final }), destroy);
    }
    if (typeof value?.then === 'function') {
      // A sink function must resolve to nothing; anything else is an error.
      const settled = PromisePrototypeThen(value, (val) => {
        if (val != null) throw new ERR_INVALID_RETURN_VALUE('nully', name, val);
      });
      const d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(() => PromisePrototypeThen(settled, () => process.nextTick(cb, null),
            (err) => process.nextTick(cb, err)));
        },
        destroy(err, cb) {
          destroy(err);
          cb(err);
        },
      });
      PromisePrototypeThen(settled, undefined, (err) => destroyImpl.destroyer(d, err));
      return d;
    }
    throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  if (u.isIterable(body)) return fromIterable(body, { objectMode: true, writable: false });

  if (typeof body?.then === 'function') {
    const d = new Duplexify({ objectMode: true, writable: false, read() {} });
    PromisePrototypeThen(body, (value) => {
      if (value != null) d.push(value);
      d.push(null);
    }, (err) => destroyImpl.destroyer(d, err));
    return d;
  }

  if (body !== null && typeof body === 'object' && (body.readable !== undefined || body.writable !== undefined)) {
    const readable = body.readable && !u.isNodeStream(body.readable) ? duplexify(body.readable) : body.readable;
    const writable = body.writable && !u.isNodeStream(body.writable) ? duplexify(body.writable) : body.writable;
    return fromPair({ readable, writable });
  }

  throw new ERR_INVALID_ARG_TYPE(name, ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable',
    'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise'], body);
}

function webStreamKind(body) {
  const web = require('internal/webstreams/finished');
  return web.isWebStream(body) ? web.kindOf(body) : undefined;
}

function fromIterable(iterable, options) {
  return require('internal/streams/from')(Duplexify, iterable, options);
}

// Readable.from installs its own _destroy; ours must run as well.
function withDestroy(d, destroy) {
  const inner = d._destroy;
  d._destroy = function(err, cb) {
    destroy(err);
    FunctionPrototypeCall(inner, this, err, cb);
  };
  return d;
}

// The async iterable handed to a body function: it yields what is written to the
// Duplex. A write's callback runs once the function takes the chunk, so a slow
// consumer holds the writer back.
function sourceFromWrites() {
  let deferred = makeDeferred();
  let failure = null;
  const source = (async function* writes() {
    for (;;) {
      const { chunk, done, cb } = await deferred.promise;
      deferred = makeDeferred();
      process.nextTick(cb);
      if (failure !== null) throw failure;
      if (done) return;
      yield chunk;
    }
  })();
  return {
    source,
    write(chunk, encoding, cb) {
      deferred.resolve({ chunk, done: false, cb });
    },
    final(cb) {
      deferred.resolve({ done: true, cb });
    },
    destroy(err) {
      failure = err || new AbortError();
      deferred.resolve({ done: true, cb: () => {} });
    },
  };
}

function makeDeferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}

// A Duplex whose writes go to `writable` and whose reads come from `readable`
// (either may be missing). Used by Duplex.from and compose; compose passes its
// last stage as `finisher`, whose 'finish' completes the Duplex's end().
function fromPair({ readable, writable, finisher }) {
  const r = readable && u.isReadableNodeStream(readable) ? readable : null;
  const w = writable && u.isWritableNodeStream(writable) ? writable : null;
  let onfinish = null;
  let ondrain = null;
  let onreadable = null;

  const d = new Duplexify({
    readableObjectMode: !!r?.readableObjectMode,
    writableObjectMode: !!w?.writableObjectMode,
    readable: !!r,
    writable: !!w,
  });

  const closed = { r: !r, w: !w };
  const onSideDone = (side, err) => {
    closed[side] = true;
    if (err) destroyImpl.destroyer(d, err);
  };

  if (w) {
    eos(w, (err) => {
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE') err = null;
      onSideDone('w', err);
    });
    d._write = function(chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function(callback) {
      w.end();
      onfinish = callback;
    };
    w.on('drain', () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });
    (finisher || w).on('finish', () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (r) {
    eos(r, (err) => {
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE') err = null;
      onSideDone('r', err);
    });
    r.on('readable', () => {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });
    r.on('end', () => d.push(null));
    d._read = function() {
      for (;;) {
        const chunk = r.read();
        if (chunk === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(chunk)) return;
      }
    };
  }

  d._destroy = function(err, callback) {
    // Destroyed before both sides completed: Node reports that as an AbortError.
    const readDone = !r || d._readableState.endEmitted;
    const writeDone = !w || d._writableState.finished;
    if (!err && !(readDone && writeDone)) err = new AbortError();
    onreadable = ondrain = onfinish = null;
    if (r && !closed.r) destroyImpl.destroyer(r, err);
    if (w && !closed.w) destroyImpl.destroyer(w, err);
    callback(err);
  };
  return d;
}

module.exports = { duplexify, fromPair, Duplexify };
