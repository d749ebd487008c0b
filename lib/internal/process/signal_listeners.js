'use strict';
// process.on('SIGINT') and friends, and process.kill. The first listener for a
// signal starts a signal_wrap handle (the signal is then read from a signalfd on
// the loop instead of acting by default); removing the last one stops it, and the
// signal's default action is back. lib/internal/bootstrap/node.js calls start/stop
// from process's 'newListener' / 'removeListener'. Handles are unreferenced: listening for a
// signal does not keep the process alive. A listener gets (name, number).
// Bindings: signal_wrap.{start, read, stop}; process._kill (process_methods.kill).

const { SafeMap, Error } = primordials;

const { signals } = require('internal/process/signals');

// name -> { id, signo, req }
const handles = new SafeMap();
let binding;

function uvError(errno, syscall) {
  const { errnoInfo } = require('internal/errors');
  const code = errnoInfo(errno)[0];
  const err = new Error(`${syscall} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

function onSignal(type, entry, count) {
  if (count < 0) return; // cancelled by stop
  if (handles.get(type) === entry) {
    binding.read(entry.id, entry.req);
  } else if (process.listenerCount(type) === 0) {
    return;
  }
  // A stopped handle's last read can still take the signal (stopped and started
  // again in one turn: its read was queued before the new handle's); it came
  // while someone listens, so it is delivered all the same.
  for (let i = 0; i < count; i++) process.emit(type, type, entry.signo);
}

function start(type) {
  if (handles.has(type)) return;
  binding ??= internalBinding('signal_wrap');
  const signo = signals[type];
  const id = binding.start(signo);
  if (id < 0) throw uvError(id, 'uv_signal_start');
  const entry = { __proto__: null, id, signo, req: null };
  entry.req = { __proto__: null, oncomplete: (err, count) => onSignal(type, entry, count) };
  handles.set(type, entry);
  binding.read(id, entry.req);
}

function stop(type) {
  if (process.listenerCount(type) !== 0) return;
  const entry = handles.get(type);
  if (entry === undefined) return;
  handles.delete(type);
  binding.stop(entry.id, entry.signo, { __proto__: null, oncomplete() {} });
}

// process.kill(pid[, signal]): node's argument rules (a pid that is an integer in
// value, '1' included; a numeric signal as given; a name, or SIGTERM for a falsy one).
function kill(pid, sig) {
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  }
  let signo;
  if (sig === (sig | 0)) {
    signo = sig;
  } else {
    sig = sig || 'SIGTERM';
    if (typeof sig === 'string' && signals[sig] !== undefined) {
      signo = signals[sig];
    } else {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_SIGNAL(sig);
    }
  }
  // Through process._kill, which programs (and node's tests) may replace.
  const err = process._kill(pid, signo);
  if (err < 0) throw uvError(err, 'kill');
  return true;
}

module.exports = { start, stop, kill };
