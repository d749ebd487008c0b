'use strict';
// Readable.from(iterable | asyncIterable | string | Buffer, options). No internalBinding.

const {
  PromisePrototypeThen, SymbolAsyncIterator, SymbolIterator,
} = primordials;

const { codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES } } = require('internal/errors');
const { Buffer } = require('buffer');

function from(Readable, iterable, opts) {
  let iterator;
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }
  let isAsync;
  if (iterable && iterable[SymbolAsyncIterator]) {
    isAsync = true;
    iterator = iterable[SymbolAsyncIterator]();
  } else if (iterable && iterable[SymbolIterator]) {
    isAsync = false;
    iterator = iterable[SymbolIterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }
  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  readable._read = function() {
    if (!reading) {
      reading = true;
      next();
    }
  };
  readable._destroy = function(error, cb) {
    PromisePrototypeThen(close(error), () => process.nextTick(cb, error), (e) => process.nextTick(cb, e || error));
  };
  async function close(error) {
    const hadError = error !== undefined && error !== null;
    if (hadError && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }
  // A chunk the iterator produced: pushed, or an error for null. True to read on.
  function take(res) {
    if (res === null) {
      reading = false;
      throw new ERR_STREAM_NULL_VALUES();
    }
    if (readable.push(res)) return true;
    reading = false;
    return false;
  }
  // A synchronous iterator is read in a plain loop (an async function here would
  // cost a promise per read and run the same steps in the same order, no await
  // being reached); a thenable among its values is awaited as in nextAsync.
  function next() {
    if (isAsync) {
      nextAsync();
      return;
    }
    for (;;) {
      try {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
        } else if (value && typeof value.then === 'function') {
          awaitValue(value);
          return;
        } else if (take(value)) {
          continue;
        }
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  async function awaitValue(value) {
    try {
      if (!take(await value)) return;
    } catch (err) {
      readable.destroy(err);
      return;
    }
    next();
  }
  async function nextAsync() {
    for (;;) {
      try {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
        } else {
          const res = value && typeof value.then === 'function' ? await value : value;
          if (take(res)) continue;
        }
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  return readable;
}

module.exports = from;
