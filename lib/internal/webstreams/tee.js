'use strict';
// ReadableStream.prototype.tee: two branches fed from one reader of the source, the
// source cancelled only once both branches are (with both reasons). A byte stream's
// branches are byte streams; the second gets its own copy of each chunk, so the two
// never share a buffer.

const { ArrayBufferPrototypeSlice, PromiseResolve, Uint8Array } = primordials;
const { createDeferred, whenSettled } = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const readers = require('internal/webstreams/readers');
const defaultController = require('internal/webstreams/default_controller');
const byteController = require('internal/webstreams/byte_controller');

function readableStreamTee(ss) {
  const isBytes = ss.controller.type === 'ReadableByteStreamController';
  const { queueMicrotask } = require('internal/process/task_queues');
  const reader = rs.acquireDefaultReader(ss);
  const ctl = isBytes ? byteController : defaultController;
  let reading = false;
  let readAgain = false;
  const canceled = [false, false];
  const reasons = [undefined, undefined];
  const branches = [undefined, undefined];
  const cancelPromise = createDeferred();

  function pull() {
    if (reading) {
      readAgain = true;
      return PromiseResolve();
    }
    reading = true;
    readers.defaultReaderRead(reader, {
      chunk(chunk) {
        // A microtask, so that a branch's read request is settled before the next pull.
        queueMicrotask(() => {
          readAgain = false;
          const second = isBytes && !canceled[0] ?
            new Uint8Array(ArrayBufferPrototypeSlice(chunk.buffer, chunk.byteOffset, chunk.byteOffset + chunk.byteLength)) : chunk;
          if (!canceled[0]) ctl.enqueue(branches[0].controller, chunk);
          if (!canceled[1]) ctl.enqueue(branches[1].controller, second);
          reading = false;
          if (readAgain) pull();
        });
      },
      close() {
        reading = false;
        for (let i = 0; i < 2; i++) if (!canceled[i]) ctl.close(branches[i].controller);
        if (!canceled[0] || !canceled[1]) cancelPromise.resolve();
      },
      error() { reading = false; },
    });
    return PromiseResolve();
  }

  function cancel(index, reason) {
    canceled[index] = true;
    reasons[index] = reason;
    if (canceled[1 - index]) cancelPromise.resolve(rs.readableStreamCancel(ss, [reasons[0], reasons[1]]));
    return cancelPromise.promise;
  }

  for (let i = 0; i < 2; i++) {
    branches[i] = rs.createReadableStream((branch) => {
      if (isBytes) byteController.setUp(branch, () => undefined, pull, (r) => cancel(i, r), 0, undefined);
      else defaultController.setUp(branch, () => undefined, pull, (r) => cancel(i, r), 1, () => 1);
    });
  }

  whenSettled(reader.closed.promise, undefined, (r) => {
    ctl.error(branches[0].controller, r);
    ctl.error(branches[1].controller, r);
    if (!canceled[0] || !canceled[1]) cancelPromise.resolve();
  });
  return [branches[0].object, branches[1].object];
}

module.exports = { readableStreamTee };
