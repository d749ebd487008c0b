'use strict';
// This thread's place in worker_threads: the main thread, or a Worker with what
// its parent handed over (read once, at bootstrap, before user code runs):
// the internal port's id, workerData, its copy of the environment, its
// resourceLimits and name. parentPort and workerData are made on first use.
// Binding: worker.{isMainThread, threadId, workerInit}.

const { ArrayPrototypePush, ObjectKeys } = primordials;
const binding = internalBinding('worker');

const isMainThread = binding.isMainThread;
const threadId = binding.threadId;
// [port id, workerData message parts, env [k, v, ...], limits, name, stdin port id,
// whether it shares its parent's environment (SHARE_ENV)]
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

// An uncaught error goes to the parent, whose Worker emits it as 'error':
// [error, its own enumerable properties] (V8's clone of an Error keeps only its
// name, message and stack; node's keeps `code` and the rest too).
function reportError(err) {
  const io = require('internal/worker/io');
  let msg;
  try {
    const extra = { __proto__: null };
    if (err !== null && typeof err === 'object') {
      const keys = ObjectKeys(err);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== 'stack' && keys[i] !== 'message') extra[keys[i]] = err[keys[i]];
      }
    }
    msg = io.serialize([err, extra]);
  } catch {
    msg = io.serialize([`${err}`, { __proto__: null }]);
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

// process.stdin of a Worker made with options.stdin: the parent's worker.stdin
// writes arrive on a channel of their own (raw bytes), its end() closes it. The
// channel keeps this thread alive once something reads.
function inputStream() {
  const { Readable } = require('stream');
  const io = require('internal/worker/io');
  const messaging = internalBinding('messaging');
  const id = init[5];
  const port = io.makePort(id);
  let reading = false;
  const stream = new Readable({
    __proto__: null,
    read() {
      if (reading) return;
      reading = true;
      messaging.setRef(id, true);
      messaging.start(id);
    },
  });
  port[io.kInternal] = (kind, bytes) => stream.push(bytes);
  port.once('close', () => stream.push(null));
  return stream;
}

module.exports = {
  outputStream,
  inputStream,
  hasStdin: init !== undefined && init[5] >= 0,
  sharesEnv: init !== undefined && init[6] === true,
  isMainThread,
  threadId,
  get parentPort() { make(); return parentPort; },
  get workerData() { make(); return workerData; },
  envPairs,
  resourceLimits,
  reportError,
  name: init === undefined ? '' : init[4],
};
