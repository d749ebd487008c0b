'use strict';
// Turns the bare `process` Rust made into Node's process object and installs
// Node's globals. Everything costly is a lazy getter: start-up must stay cheap.
// Bindings: process_methods.*, timers.setExitHooks.

const binding = internalBinding('process_methods');

// Node 20 provides the explicit-resource-management symbols V8 10.2 lacks; lib/
// modules use them when they load, so they come first.
for (const name of ['dispose', 'asyncDispose']) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, { value: Symbol(`Symbol.${name}`), writable: false, enumerable: false, configurable: false });
  }
}

const EventEmitter = require('events');

Object.setPrototypeOf(process, EventEmitter.prototype);
EventEmitter.call(process);
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true, writable: true, enumerable: false });

const { ObjectDefineProperty } = primordials;
const { nextTick, queueMicrotask } = require('internal/process/task_queues');
require('internal/process/promises');
require('internal/process/execution');

function defineLazy(target, name, load, enumerable = false) {
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable,
    get() {
      const value = load();
      // The lazy global is often first touched after user code patched built-ins.
      ObjectDefineProperty(target, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
      return value;
    },
    set(value) {
      ObjectDefineProperty(target, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
    },
  });
}

// ---- process ----
process.title = 'coil';
process.nextTick = nextTick;
process.cwd = binding.cwd;
process.getuid = binding.getuid;
process.geteuid = binding.geteuid;
process.getgid = binding.getgid;
process.getegid = binding.getegid;
process.getgroups = binding.getgroups;
process.chdir = function chdir(directory) {
  require('internal/validators').validateString(directory, 'directory');
  binding.chdir(directory);
};
process.umask = function umask(mask) {
  if (mask === undefined) return binding.umask();
  if (typeof mask === 'string') mask = parseInt(mask, 8);
  require('internal/validators').validateUint32(mask, 'mask');
  return binding.umask(mask);
};
process.hrtime = function hrtime(previous) {
  const [sec, nsec] = binding.hrtime();
  if (previous === undefined) return [sec, nsec];
  if (!Array.isArray(previous)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', previous);
  }
  if (previous.length !== 2) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE('time', 2, previous.length);
  }
  let s = sec - previous[0];
  let n = nsec - previous[1];
  if (n < 0) { s -= 1; n += 1e9; }
  return [s, n];
};
process.hrtime.bigint = binding.hrtimeBigInt;
process.uptime = binding.uptime;
process.memoryUsage = binding.memoryUsage;
process.memoryUsage.rss = binding.rss;
process.cpuUsage = function cpuUsage(prev) {
  const now = binding.cpuUsage();
  if (prev === undefined) return now;
  return { user: now.user - prev.user, system: now.system - prev.system };
};
process.kill = function kill(pid, sig = 'SIGTERM') {
  const signals = require('internal/process/signals');
  binding.kill(pid, signals.toNumber(sig));
  return true;
};
process.reallyExit = binding.reallyExit;
process._rawWrite = binding.writeSync;
process._exiting = false;
process.exitCode = undefined;
process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode | 0);
  }
  process.reallyExit(process.exitCode | 0);
};
process.abort = function abort() { binding.kill(process.pid, 6); };
process.emitWarning = function emitWarning(...args) {
  return require('internal/process/warning').emitWarning(...args);
};
process.release = { name: 'node', lts: 'Iron', sourceUrl: '', headersUrl: '' };
process.config = { target_defaults: {}, variables: { v8_enable_i18n_support: 1, node_shared_openssl: false, v8_enable_inspector: 0 } };
process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true, typescript: false };
// The Node version whose API coil follows: packages check it (yargs, mocha, npm).
// coil's own version is process.versions.coil.
process.versions.node = '20.11.1';
process.version = `v${process.versions.node}`;
process.moduleLoadList = [];
defineLazy(process, 'env', () => require('internal/process/env').createEnv(), true);
defineLazy(process, 'stdout', () => require('internal/process/stdio').create(1), false);
defineLazy(process, 'stderr', () => require('internal/process/stdio').create(2), false);
defineLazy(process, 'stdin', () => require('internal/process/stdio').createStdin(), false);

// ---- globals ----
function defineGlobal(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, configurable: true, enumerable: false });
defineGlobal('process', process);
defineGlobal('queueMicrotask', queueMicrotask);
const timers = require('timers');
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']) {
  Object.defineProperty(globalThis, name, { value: timers[name], writable: true, configurable: true, enumerable: true });
}
defineLazy(globalThis, 'console', () => require('console'));
defineLazy(globalThis, 'Buffer', () => require('buffer').Buffer);
defineLazy(globalThis, 'atob', () => require('buffer').atob);
defineLazy(globalThis, 'btoa', () => require('buffer').btoa);
defineLazy(globalThis, 'Blob', () => require('buffer').Blob);
defineLazy(globalThis, 'File', () => require('buffer').File);
defineLazy(globalThis, 'TextEncoder', () => require('internal/encoding').TextEncoder);
defineLazy(globalThis, 'TextDecoder', () => require('internal/encoding').TextDecoder);
defineLazy(globalThis, 'URL', () => require('internal/url').URL);
defineLazy(globalThis, 'URLSearchParams', () => require('internal/url').URLSearchParams);
defineLazy(globalThis, 'EventTarget', () => require('internal/event_target').EventTarget);
defineLazy(globalThis, 'Event', () => require('internal/event_target').Event);
defineLazy(globalThis, 'CustomEvent', () => require('internal/event_target').CustomEvent);
defineLazy(globalThis, 'AbortController', () => require('internal/abort_controller').AbortController);
defineLazy(globalThis, 'AbortSignal', () => require('internal/abort_controller').AbortSignal);
defineLazy(globalThis, 'structuredClone', () => require('internal/structured_clone').structuredClone);
defineLazy(globalThis, 'performance', () => require('internal/perf').performance);
defineLazy(globalThis, 'DOMException', () => require('internal/dom_exception').DOMException);

// ---- exit ----
internalBinding('timers').setExitHooks(
  function emitBeforeExit() {
    if (!process._exiting) process.emit('beforeExit', process.exitCode | 0);
  },
  function emitExit() {
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode | 0);
    }
    return process.exitCode | 0;
  });
