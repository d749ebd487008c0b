'use strict';
// The Worker class: a thread with its own isolate, loop and ring
// (src/runtime/worker.rs). The parent talks to it over an internal MessagePort
// pair whose traffic is the worker's messages plus 'online' and uncaught errors;
// its end comes from the binding's exit hook, after everything it sent.
// Binding: worker.{setup, spawn, terminate, setRef, checkExecArgv, workerLoopMetrics}.

const {
  ArrayIsArray, ArrayPrototypeMap, ArrayPrototypePush, ArrayPrototypeShift, ObjectEntries, ObjectKeys, Promise,
  PromisePrototypeThen, PromiseReject, SafeMap, StringPrototypeStartsWith, Symbol, SymbolFor,
} = primordials;

const EventEmitter = require('events');
const path = require('path');
const binding = internalBinding('worker');
const io = require('internal/worker/io');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_WORKER_INVALID_EXEC_ARGV, ERR_WORKER_NOT_RUNNING, ERR_WORKER_OUT_OF_MEMORY,
    ERR_WORKER_PATH,
  },
} = require('internal/errors');
const { validateObject } = require('internal/validators');

const kSlot = Symbol('kSlot');
const kPort = Symbol('kPort');
const kExited = Symbol('kExited');
const kOnExit = Symbol('kOnExit');
const kLimits = Symbol('kLimits');
const kExitCode = Symbol('kExitCode');
const kPortId = Symbol('kPortId');
// Heap snapshots asked for and not yet answered: [resolve, reject] in asking order
// (the worker answers them in order, on the internal channel).
const kSnapshots = Symbol('kSnapshots');

const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');

const workers = new SafeMap();
const environmentData = new SafeMap();

// [kind, source] of what the worker runs: 'eval' code, a 'url' (data:, run as an
// ES module) or a 'file' (an absolute path).
function entryOf(filename, isEval) {
  if (isEval) {
    if (typeof filename !== 'string') throw new ERR_INVALID_ARG_TYPE('filename', 'string', filename);
    return ['eval', filename];
  }
  if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') {
    if (filename.protocol === 'data:') return ['url', filename.href];
    return ['file', require('url').fileURLToPath(filename)];
  }
  if (typeof filename !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (!path.isAbsolute(filename) && !StringPrototypeStartsWith(filename, './') &&
      !StringPrototypeStartsWith(filename, '../')) {
    throw new ERR_WORKER_PATH(filename);
  }
  return ['file', path.resolve(filename)];
}

// The worker's environment: a flat [k, v, ...] copy, or null for SHARE_ENV.
function envList(env) {
  if (env === SHARE_ENV) {
    require('internal/process/env').shareEnv();
    return null;
  }
  const source = env === undefined || env === null ? process.env : env;
  if (typeof source !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], env);
  }
  const flat = [];
  const entries = ObjectEntries(source);
  for (let i = 0; i < entries.length; i++) {
    flat[flat.length] = entries[i][0];
    flat[flat.length] = `${entries[i][1]}`;
  }
  return flat;
}

function limitsOf(limits) {
  if (limits === undefined) return [0, 0, 0, 0];
  validateObject(limits, 'options.resourceLimits');
  const n = (v) => (typeof v === 'number' && v > 0 ? v : 0);
  return [n(limits.maxOldGenerationSizeMb), n(limits.maxYoungGenerationSizeMb),
    n(limits.codeRangeSizeMb), n(limits.stackSizeMb)];
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    validateObject(options, 'options');
    const entry = entryOf(filename, Boolean(options.eval));
    let argv = [];
    if (options.argv !== undefined) {
      if (!ArrayIsArray(options.argv)) throw new ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
      argv = ArrayPrototypeMap(options.argv, (a) => `${a}`);
    }
    let execArgv;
    if (options.execArgv !== undefined) {
      if (!ArrayIsArray(options.execArgv)) {
        throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array', options.execArgv);
      }
      execArgv = ArrayPrototypeMap(options.execArgv, (a) => `${a}`);
      const invalid = binding.checkExecArgv(execArgv);
      if (invalid !== undefined) throw new ERR_WORKER_INVALID_EXEC_ARGV(invalid);
    }
    const limits = limitsOf(options.resourceLimits);
    const msg = io.serialize(options.workerData, options.transferList);
    const name = options.name === undefined ? '' : `${options.name}`;
    const env = envList(options.env);
    const trackFds = Boolean(options.trackUnmanagedFds ?? true);
    const r = binding.spawn(entry[0], entry[1], argv, execArgv, env, limits, name, Boolean(options.stdin),
      trackFds, 0, msg[0], msg[1], msg[2], msg[3]);
    this[kSlot] = r[0];
    this[kExited] = false;
    this[kExitCode] = undefined;
    this[kLimits] = limits;
    this.threadId = r[1];
    const port = io.makePort(r[2]);
    this[kPortId] = r[2];
    this[kSnapshots] = [];
    // What the worker writes to process.stdout / stderr arrives here, and goes on
    // to this process's unless options.stdout / options.stderr ask to read it.
    const { Readable } = require('stream');
    this.stdin = options.stdin ? stdinStream(r[3]) : null;
    this.stdout = new Readable({ __proto__: null, read() {} });
    this.stderr = new Readable({ __proto__: null, read() {} });
    if (!options.stdout) this.stdout.pipe(process.stdout);
    if (!options.stderr) this.stderr.pipe(process.stderr);
    port[io.kInternal] = (kind, value) => {
      if (kind === 1) this.emit('online');
      else if (kind === 2) this.emit('error', errorOf(value));
      else if (kind === 4) this.stdout.push(value);
      else if (kind === 5) this.stderr.push(value);
      else if (kind === 7) snapshotDone(this, value);
      else this.emit('message', value);
    };
    port.start();
    this[kPort] = port;
    workers.set(r[0], this);
    // The worker's loop, seen from here (zeros once it has ended, as node's).
    const worker = this;
    this.performance = {
      eventLoopUtilization(util1, util2) {
        const metrics = worker[kExited] ? undefined : binding.workerLoopMetrics(worker[kSlot]);
        return require('internal/perf').utilization(metrics, util1, util2);
      },
    };
  }

  postMessage(value, transferList) {
    if (this[kExited]) return;
    this[kPort].postMessage(value, transferList);
  }

  terminate(callback) {
    const done = new Promise((resolve) => {
      if (this[kExited]) {
        resolve(this[kExitCode]);
        return;
      }
      this.once('exit', resolve);
      binding.terminate(this[kSlot]);
    });
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      PromisePrototypeThen(done, (code) => callback(null, code));
    }
    return done;
  }

  // A Readable of a heap snapshot of the worker's isolate, taken on its thread the
  // next time its loop turns (internalBinding('messaging') kind 6; the JSON comes
  // back as kind 7).
  getHeapSnapshot(options) {
    if (options !== undefined) validateObject(options, 'options');
    if (this[kExited]) return PromiseReject(new ERR_WORKER_NOT_RUNNING());
    return new Promise((resolve, reject) => {
      ArrayPrototypePush(this[kSnapshots], [resolve, reject]);
      internalBinding('messaging').post(this[kPortId], 6, new Uint8Array(0), [], [], []);
    });
  }

  ref() {
    if (!this[kExited]) binding.setRef(this[kSlot], true);
  }

  unref() {
    if (!this[kExited]) binding.setRef(this[kSlot], false);
  }

  get resourceLimits() {
    if (this[kExited]) return {};
    const l = this[kLimits];
    return { maxYoungGenerationSizeMb: l[1], maxOldGenerationSizeMb: l[0], codeRangeSizeMb: l[2],
      stackSizeMb: l[3] };
  }

  [kOnExit](code, outOfMemory) {
    this.stdout.push(null);
    this.stderr.push(null);
    this[kExited] = true;
    this[kExitCode] = code;
    this.threadId = -1;
    const asked = this[kSnapshots];
    this[kSnapshots] = [];
    for (let i = 0; i < asked.length; i++) asked[i][1](new ERR_WORKER_NOT_RUNNING());
    if (outOfMemory) {
      this.emit('error', new ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
    }
    this.emit('exit', code);
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
  }
}

function snapshotDone(worker, json) {
  const asked = ArrayPrototypeShift(worker[kSnapshots]);
  if (asked === undefined) return;
  const { Readable } = require('stream');
  asked[0](Readable.from([json], { __proto__: null, objectMode: false }));
}

// The worker's uncaught error, with the own properties it had there ([error, extra]).
function errorOf(value) {
  const err = value[0];
  const extra = value[1];
  if (err !== null && typeof err === 'object') {
    const keys = ObjectKeys(extra);
    for (let i = 0; i < keys.length; i++) err[keys[i]] = extra[keys[i]];
  }
  return err;
}

// worker.stdin: its bytes go, unserialized, on the channel the worker reads as
// process.stdin; end() closes that channel, which ends the worker's stdin.
function stdinStream(id) {
  const { Writable } = require('stream');
  const { Buffer } = require('buffer');
  const messaging = internalBinding('messaging');
  return new Writable({
    __proto__: null,
    write(chunk, encoding, cb) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      messaging.post(id, 4, bytes, [], [], []);
      cb();
    },
    final(cb) {
      messaging.close(id);
      cb();
    },
  });
}

binding.setup((slot, code, outOfMemory) => {
  const w = workers.get(slot);
  if (w === undefined) return;
  workers.delete(slot);
  w[kOnExit](code, outOfMemory);
});

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

module.exports = { Worker, SHARE_ENV, setEnvironmentData, getEnvironmentData };
