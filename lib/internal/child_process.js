'use strict';
// ChildProcess: a process_wrap handle (a pidfd the loop polls, on the ring or on
// epoll) and its stdio, each piped fd a net.Socket over the parent's end of a
// socketpair. 'exit' comes when the child has been reaped; 'close' once it has
// exited and every piped stream it had has closed too, as in node.

const {
  ArrayIsArray, ArrayPrototypePush, ArrayPrototypeSlice, Error, FunctionPrototypeCall,
  ObjectSetPrototypeOf,
} = primordials;

const EventEmitter = require('events');
const binding = internalBinding('process_wrap');
const {
  errnoInfo, codes: { ERR_INVALID_ARG_VALUE, ERR_IPC_ONE_PIPE },
} = require('internal/errors');
const { convertToValidSignal } = require('internal/process/signals');
const activeResources = require('internal/process/active_resources');
const { validateOneOf, validateString } = require('internal/validators');

const ENOENT = -2;
const EAGAIN = -11;
const EACCES = -13;
const ENFILE = -23;
const EMFILE = -24;

function ChildProcess() {
  if (!(this instanceof ChildProcess)) return new ChildProcess();
  FunctionPrototypeCall(EventEmitter, this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = null;
  this.pid = undefined;
  this.stdin = null;
  this.stdout = null;
  this.stderr = null;
  this.stdio = null;
}
ObjectSetPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(ChildProcess, EventEmitter);

// A spawn failure as node words it: `spawn <file> ENOENT`.
function spawnError(errno, file, args) {
  const code = errnoInfo(errno)[0];
  const err = new Error(`spawn ${file} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = `spawn ${file}`;
  err.path = file;
  err.spawnargs = ArrayPrototypeSlice(args, 1);
  return err;
}

// The spawn failures node reports with an 'error' event rather than a throw.
function spawnErrorIsEvent(errno) {
  return errno === EACCES || errno === EAGAIN || errno === EMFILE || errno === ENFILE ||
    errno === ENOENT;
}

// 'pipe' | 'inherit' | 'ignore' | array -> per-fd codes for the binding: -1 a
// pipe, -2 /dev/null, n >= 0 that fd of ours; and which fd is the IPC channel.
function stdioCodes(stdio) {
  const codes = [];
  codes.ipc = -1;
  if (stdio === undefined || stdio === null) stdio = 'pipe';
  if (typeof stdio === 'string') {
    if (stdio !== 'pipe' && stdio !== 'inherit' && stdio !== 'ignore' && stdio !== 'overlapped') {
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
    stdio = [stdio, stdio, stdio];
  } else if (!ArrayIsArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  for (let i = 0; i < stdio.length || i < 3; i++) {
    let s = stdio[i];
    if (s === undefined || s === null) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'pipe' || s === 'overlapped') ArrayPrototypePush(codes, -1);
    else if (s === 'ignore') ArrayPrototypePush(codes, -2);
    else if (s === 'inherit') ArrayPrototypePush(codes, i);
    else if (typeof s === 'number' && s >= 0) ArrayPrototypePush(codes, s);
    else if (s !== null && typeof s === 'object' && typeof s.fd === 'number') {
      ArrayPrototypePush(codes, s.fd);
    } else if (s !== null && typeof s === 'object' && s._handle && typeof s._handle.fd === 'number') {
      ArrayPrototypePush(codes, s._handle.fd);
    } else if (s === 'ipc') {
      if (codes.ipc !== -1) throw new ERR_IPC_ONE_PIPE();
      codes.ipc = i;
      ArrayPrototypePush(codes, -1);
    } else {
      throw new ERR_INVALID_ARG_VALUE('stdio', s);
    }
  }
  return codes;
}

ChildProcess.prototype.spawn = function(options) {
  validateString(options.file, 'options.file');
  validateOneOf(options.serialization, 'options.serialization', [undefined, 'json', 'advanced']);
  const serialization = options.serialization || 'json';
  const args = options.args || [];
  this.spawnfile = options.file;
  this.spawnargs = args;
  const codes = stdioCodes(options.stdio);
  let envPairs = options.envPairs || [];
  if (codes.ipc !== -1) {
    envPairs = [...envPairs, `NODE_CHANNEL_FD=${codes.ipc}`,
                `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`];
  }
  const r = binding.spawn(options.file, args, envPairs, options.cwd || null,
                          codes, Boolean(options.detached), credential(options.uid),
                          credential(options.gid));
  const { Socket } = require('net');
  const { StreamHandle } = require('internal/net');
  const stdio = [];
  if (typeof r === 'number' && !spawnErrorIsEvent(r)) {
    // As node: what a caller could not have foreseen at run time is an 'error'
    // event; anything else (EPERM, EINVAL...) throws here.
    const code = errnoInfo(r)[0];
    const err = new Error(`spawn ${code}`);
    err.errno = r;
    err.code = code;
    err.syscall = 'spawn';
    throw err;
  }
  if (typeof r === 'number') {
    // As node: the streams exist, 'error' then 'close' follow.
    for (let i = 0; i < codes.length; i++) {
      ArrayPrototypePush(stdio, codes[i] === -1 && i !== codes.ipc ? new Socket({ readable: i > 0 }) : null);
    }
    this._setStdio(stdio, codes);
    for (let i = 0; i < stdio.length; i++) if (stdio[i] !== null) stdio[i].destroy();
    const err = spawnError(r, options.file, args);
    process.nextTick(() => {
      this.emit('error', err);
      this._onExit(r, null);
    });
    return r;
  }
  this.pid = r[0];
  this._handle = r[1];
  activeResources.setHandleOwner(r[1], this, 'ProcessWrap');
  for (let i = 0; i < codes.length; i++) {
    const h = r[2 + i];
    if (h < 0) {
      ArrayPrototypePush(stdio, null);
      continue;
    }
    if (i === codes.ipc) {
      // The channel is not one of the child's stdio streams.
      const channel = new Socket({ handle: new StreamHandle(h, true, null), manualStart: true });
      require('internal/child_process/ipc').setupChannel(this, channel, serialization);
      // 'close' waits for the channel too, and comes after its 'disconnect' (the
      // channel's own 'close' listener, added first, queues that): as in node,
      // `channel` is null by then.
      this._closesNeeded++;
      channel.once('close', () => process.nextTick(() => this._maybeClose()));
      ArrayPrototypePush(stdio, null);
      continue;
    }
    // The child's stdin is written, not read; its outputs are read.
    const sock = new Socket({
      handle: new StreamHandle(h, true, null), readable: i > 0,
    });
    ArrayPrototypePush(stdio, sock);
  }
  this._setStdio(stdio, codes);
  this._wait();
  process.nextTick(() => this.emit('spawn'));
  return 0;
};

ChildProcess.prototype._setStdio = function(stdio, codes) {
  this.stdio = stdio;
  this.stdin = stdio[0] || null;
  this.stdout = stdio[1] || null;
  this.stderr = stdio[2] || null;
  for (let i = 0; i < stdio.length; i++) {
    const s = stdio[i];
    if (s === null || codes[i] !== -1) continue;
    if (i > 0) {
      this._closesNeeded++;
      s.once('close', () => this._maybeClose());
    }
  }
};

ChildProcess.prototype._wait = function() {
  const req = {
    __proto__: null,
    oncomplete: (err, r) => {
      if (typeof r === 'number') {
        if (r === EAGAIN && this._handle !== null) this._wait();
        return;
      }
      this._onExit(r[0], r[1]);
    },
  };
  const r = binding.wait(this._handle, req, this.pid);
  if (typeof r !== 'number') process.nextTick(() => this._onExit(r[0], r[1]));
};

ChildProcess.prototype._onExit = function(code, signal) {
  const { signals } = require('internal/process/signals');
  let name = null;
  if (signal) {
    for (const k in signals) if (signals[k] === signal) { name = k; break; }
  }
  if (name !== null) this.signalCode = name;
  else this.exitCode = code;
  if (this._handle !== null) {
    activeResources.clearHandleOwner(this._handle);
    binding.close(this._handle, { __proto__: null, oncomplete() {} });
    this._handle = null;
  }
  if (this.stdin) this.stdin.destroy();
  // A child that never started (code < 0) had its 'error' instead.
  if (code >= 0 || name !== null) this.emit('exit', this.exitCode, this.signalCode);
  // Outputs may still hold data: 'close' waits until they have ended. One that
  // nobody reads is drained, as node does, or it would never end.
  const stdio = this.stdio || [];
  for (let i = 1; i < stdio.length; i++) {
    const s = stdio[i];
    if (s && s.readable && s.readableFlowing === null && s.listenerCount('readable') === 0) {
      s.resume();
    }
  }
  process.nextTick(() => this._maybeClose());
};

ChildProcess.prototype._maybeClose = function() {
  this._closesGot++;
  if (this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
};

ChildProcess.prototype.kill = function(sig) {
  const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle === null || this.pid === undefined) return false;
  const r = binding.kill(this.pid, signal);
  if (r === 0) {
    this.killed = true;
    return true;
  }
  if (r === -3) return false; // ESRCH: already gone
  this.emit('error', spawnErrorFromKill(r));
  return false;
};

function spawnErrorFromKill(errno) {
  const code = errnoInfo(errno)[0];
  const err = new Error(`kill ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = 'kill';
  return err;
}

ChildProcess.prototype.ref = function() {
  if (this._handle !== null) binding.ref(this._handle, true);
};

ChildProcess.prototype.unref = function() {
  if (this._handle !== null) binding.ref(this._handle, false);
};

// A uid or gid for the binding: the number, or null for "keep ours".
function credential(id) {
  return typeof id === 'number' ? id : null;
}

function spawnSync(options) {
  const codes = stdioCodes(options.stdio);
  const killSignal = options.killSignal == null ? 15 : convertToValidSignal(options.killSignal);
  let input = options.input;
  if (typeof input === 'string') input = require('buffer').Buffer.from(input, options.encoding);
  const r = binding.spawnSync(options.file, options.args || [], options.envPairs || [],
                              options.cwd || null, codes, Boolean(options.detached),
                              credential(options.uid), credential(options.gid),
                              input, options.timeout || 0, options.maxBuffer ?? Infinity,
                              killSignal);
  const result = { __proto__: null };
  const { FastBuffer } = require('internal/buffer/fast_buffer');
  if (r[3] !== 0 && r[0] === 0) {
    result.error = spawnError(r[3], options.file, options.args || []);
    result.error.message = `spawnSync ${options.file} ${errnoInfo(r[3])[0]}`;
    result.error.syscall = `spawnSync ${options.file}`;
    result.status = null;
    result.signal = null;
    result.output = null;
    result.pid = 0;
    return result;
  }
  result.status = r[1];
  let signal = null;
  if (r[2]) {
    const { signals } = require('internal/process/signals');
    for (const k in signals) if (signals[k] === r[2]) { signal = k; break; }
  }
  result.signal = signal;
  const output = [];
  for (let i = 0; i < codes.length; i++) {
    const b = r[4 + i];
    ArrayPrototypePush(output, b === null ? null : new FastBuffer(b.buffer, b.byteOffset, b.length));
  }
  result.output = output;
  result.pid = r[0];
  if (r[3] !== 0) {
    const err = spawnError(r[3], `${options.file}`, options.args || []);
    err.message = `spawnSync ${options.file} ${errnoInfo(r[3])[0]}`;
    err.syscall = `spawnSync ${options.file}`;
    result.error = err;
  }
  return result;
}

module.exports = { ChildProcess, spawnSync, stdioCodes };
