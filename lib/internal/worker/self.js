'use strict';
// This thread's place in worker_threads: the main thread, or a Worker with what
// its parent handed over (read once, at bootstrap, before user code runs):
// the internal port's id, workerData, its copy of the environment, its
// resourceLimits and name. parentPort and workerData are made on first use.
// Binding: worker.{isMainThread, threadId, workerInit}.

const { ArrayPrototypePush } = primordials;
const binding = internalBinding('worker');

const isMainThread = binding.isMainThread;
const threadId = binding.threadId;
// [port id, workerData message parts, env [k, v, ...], limits, name]
const init = isMainThread ? undefined : binding.workerInit();

let parentPort = null;
let workerData = null;
let made = false;

function make() {
  if (made || init === undefined) return;
  made = true;
  const io = require('internal/worker/io');
  parentPort = io.makePort(init[0]);
  const m = init[1];
  workerData = io.deserialize(m[1], m[2], m[3], m[4]).value;
}

// [[key, value], ...] of the worker's environment, as envKeys() gives the real one.
function envPairs() {
  const out = [];
  const flat = init[2];
  for (let i = 0; i + 1 < flat.length; i += 2) ArrayPrototypePush(out, [flat[i], flat[i + 1]]);
  return out;
}

function resourceLimits() {
  if (init === undefined) return {};
  const l = init[3];
  return {
    maxYoungGenerationSizeMb: l[1],
    maxOldGenerationSizeMb: l[0],
    codeRangeSizeMb: l[2],
    stackSizeMb: l[3],
  };
}

// An uncaught error goes to the parent, whose Worker emits it as 'error'.
function reportError(err) {
  const io = require('internal/worker/io');
  let msg;
  try {
    msg = io.serialize(err);
  } catch {
    msg = io.serialize(`${err}`);
  }
  internalBinding('messaging').post(init[0], 2, msg[0], msg[1], msg[2], msg[3]);
}

// process.stdout / process.stderr of a Worker: each write is a message (kind 4 or
// 5, raw bytes) on the internal port, after what the worker posted before it.
function outputStream(fd) {
  const { Writable } = require('stream');
  const { Buffer } = require('buffer');
  const post = internalBinding('messaging').post;
  const kind = fd === 2 ? 5 : 4;
  const stream = new Writable({
    __proto__: null,
    decodeStrings: true,
    write(chunk, encoding, cb) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      post(init[0], kind, bytes, [], [], []);
      cb();
    },
  });
  stream.fd = fd;
  stream._type = 'pipe';
  stream._isStdio = true;
  return stream;
}

module.exports = {
  outputStream,
  isMainThread,
  threadId,
  get parentPort() { make(); return parentPort; },
  get workerData() { make(); return workerData; },
  envPairs,
  resourceLimits,
  reportError,
  name: init === undefined ? '' : init[4],
};
