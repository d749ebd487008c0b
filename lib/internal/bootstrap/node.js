'use strict';
// Turns the bare `process` Rust made into Node's process object and installs
// Node's globals. Everything costly is a lazy getter: start-up must stay cheap.
// Bindings: process_methods.*, timers.setExitHooks.

const {
  ArrayIsArray,
  NumberIsInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
  SymbolToStringTag,
} = primordials;
// Captured before user code runs: process.env is made later, on first use.
const ProxyConstructor = Proxy;

const binding = internalBinding('process_methods');

// Node 20 provides the explicit-resource-management symbols V8 10.2 lacks; lib/
// modules use them when they load, so they come first.
for (const name of ['dispose', 'asyncDispose']) {
  if (typeof Symbol[name] !== 'symbol') {
    ObjectDefineProperty(Symbol, name, {
      __proto__: null, value: Symbol(`Symbol.${name}`), writable: false, enumerable: false, configurable: false,
    });
  }
}

const EventEmitter = require('events');

ObjectSetPrototypeOf(process, EventEmitter.prototype);
EventEmitter.call(process);
ObjectDefineProperty(process, SymbolToStringTag, {
  __proto__: null, value: 'process', configurable: true, writable: true, enumerable: false,
});

const { nextTick, queueMicrotask } = require('internal/process/task_queues');
require('internal/process/promises');
require('internal/process/execution');

function defineLazy(target, name, load, enumerable = false) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    configurable: true,
    enumerable,
    get() {
      const value = load();
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
// A built-in module by name ('fs' or 'node:fs'); undefined for any other name,
// never a package (require.cache and node_modules are not consulted).
process.getBuiltinModule = function getBuiltinModule(id) {
  require('internal/validators').validateString(id, 'id');
  const builtins = require('internal/modules/builtins');
  if (!builtins.isBuiltin(id)) return undefined;
  const { StringPrototypeSlice, StringPrototypeStartsWith } = primordials;
  return require(StringPrototypeStartsWith(id, 'node:') ? StringPrototypeSlice(id, 5) : id);
};
process.umask = function umask(mask) {
  if (mask === undefined) return binding.umask();
  return binding.umask(require('internal/validators').parseFileMode(mask, 'mask'));
};
process.hrtime = function hrtime(previous) {
  const now = binding.hrtime();
  const sec = now[0];
  const nsec = now[1];
  if (previous === undefined) return [sec, nsec];
  if (!ArrayIsArray(previous)) {
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
process.cpuUsage = function cpuUsage(prevValue) {
  const now = binding.cpuUsage();
  if (prevValue == null) return now;
  validatePrevCpuUsage(prevValue);
  return { user: now.user - prevValue.user, system: now.system - prevValue.system };
};
function validatePrevCpuUsage(prev) {
  const { codes } = require('internal/errors');
  if (typeof prev !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('prevValue', 'object', prev);
  for (let i = 0; i < 2; i++) {
    const field = i === 0 ? 'user' : 'system';
    const v = prev[field];
    if (typeof v !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(`prevValue.${field}`, 'number', v);
    if (!(v >= 0 && v <= NumberMAX_SAFE_INTEGER)) {
      throw new codes.ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${field}`, v);
    }
  }
}
process.resourceUsage = function resourceUsage() { return binding.resourceUsage(); };
// Loaded when called: nothing is tracked for them beyond what the loop keeps.
process.getActiveResourcesInfo = function getActiveResourcesInfo() {
  return require('internal/process/active_resources').getActiveResourcesInfo();
};
process._getActiveHandles = function _getActiveHandles() {
  return require('internal/process/active_resources').getActiveHandles();
};
process._getActiveRequests = function _getActiveRequests() {
  return require('internal/process/active_resources').getActiveRequests();
};
process._kill = binding.kill;
process.kill = function kill(pid, sig) {
  return require('internal/process/signal_listeners').kill(pid, sig);
};
process.reallyExit = binding.reallyExit;
process.dlopen = function dlopen() {
  return ReflectApply(require('internal/process/dlopen').dlopen, undefined, arguments);
};
process._rawWrite = binding.writeSync;
process._exiting = false;
// exitCode: an integer, or a string that reads as one; anything else throws as
// node's does.
let exitCode;
ObjectDefineProperty(process, 'exitCode', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() { return exitCode; },
  set(code) {
    if (code !== null && code !== undefined && !(typeof code === 'number' && NumberIsInteger(code))) {
      let value = code;
      if (typeof code === 'string' && code !== '' && NumberIsInteger(+code)) value = +code;
      require('internal/validators').validateInteger(value, 'code');
    }
    exitCode = code;
  },
});
process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode | 0);
  }
  process.reallyExit(process.exitCode | 0);
};
process.abort = function abort() { binding.kill(process.pid, 6); };
process.emitWarning = function emitWarning(warning, type, code, ctor) {
  return require('internal/process/warning').emitWarning(warning, type, code, ctor);
};
process.release = { name: 'node', lts: 'Iron', sourceUrl: '', headersUrl: '' };
process.config = { target_defaults: {}, variables: { v8_enable_i18n_support: 1, node_shared_openssl: false, v8_enable_inspector: 0 } };
process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true, typescript: false, coil_backend: process.features.coil_backend };
// The Node version whose API coil follows: packages check it (yargs, mocha, npm).
// coil's own version is process.versions.coil.
process.versions.node = '20.11.1';
process.version = `v${process.versions.node}`;
process.moduleLoadList = [];
// A data property made now: the module loader reads it at start-up anyway, and
// turning a lazy accessor into data later would make V8 switch `process` to slow
// (dictionary) properties, and every process.nextTick lookup with it.
process.env = require('internal/process/env').createEnv(ProxyConstructor);
// A listener for a signal name starts reading that signal (node's
// startListeningIfSignal); the module loads on the first such listener only.
{
  const { signals } = require('internal/process/signals');
  const { StringPrototypeStartsWith } = primordials;
  let listeners;
  const isSignal = (type) => typeof type === 'string' && StringPrototypeStartsWith(type, 'SIG') &&
    signals[type] !== undefined;
  process.on('newListener', function startListeningIfSignal(type) {
    if (!isSignal(type)) return;
    listeners ??= require('internal/process/signal_listeners');
    listeners.start(type);
  });
  process.on('removeListener', function stopListeningIfSignal(type) {
    if (listeners !== undefined && isSignal(type)) listeners.stop(type);
  });
}
// The standard streams are accessors that stay accessors, as node's are: made on
// first read, then cached.
function defineStdio(name, create) {
  let stream;
  ObjectDefineProperty(process, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      stream ??= create();
      return stream;
    },
    set: undefined,
  });
}
defineStdio('stdout', () => require('internal/process/stdio').create(1));
defineStdio('stderr', () => require('internal/process/stdio').create(2));
defineStdio('stdin', () => require('internal/process/stdio').createStdin());
// The old way to start reading stdin, still used.
process.openStdin = function openStdin() {
  process.stdin.resume();
  return process.stdin;
};

// ---- options that shape process ----
{
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--no-deprecation')) process.noDeprecation = true;
  if (getOptionValue('--throw-deprecation')) process.throwDeprecation = true;
  if (getOptionValue('--trace-deprecation')) process.traceDeprecation = true;
  if (getOptionValue('--trace-warnings')) process.traceProcessWarnings = true;
  if (getOptionValue('--enable-source-maps')) {
    require('internal/source_map/prepare_stack_trace').setSourceMapsEnabled(true);
  }
  // The default printer listens from the start, as node's does (--no-warnings: none).
  if (getOptionValue('--warnings')) {
    process.on('warning', function onWarning(warning) {
      require('internal/process/warning').onWarning(warning);
    });
  }
}

// ---- globals ----
// The enumerable ones come first and in node's order (Object.keys(globalThis)
// lists them so): global, the timers, queueMicrotask, structuredClone, atob,
// btoa, performance, then fetch and crypto below.
function defineGlobal(name, value, enumerable = false) {
  ObjectDefineProperty(globalThis, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
}
defineGlobal('global', globalThis, true);
defineGlobal('process', process);
const timers = require('timers');
const timerNames = ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout'];
for (let i = 0; i < timerNames.length; i++) defineGlobal(timerNames[i], timers[timerNames[i]], true);
defineGlobal('queueMicrotask', queueMicrotask, true);
defineLazy(globalThis, 'structuredClone', () => require('internal/structured_clone').structuredClone, true);
defineLazy(globalThis, 'atob', () => require('buffer').atob, true);
defineLazy(globalThis, 'btoa', () => require('buffer').btoa, true);
defineLazy(globalThis, 'performance', () => require('internal/perf').performance, true);
const perfClassNames = ['Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
  'PerformanceObserver', 'PerformanceObserverEntryList', 'PerformanceResourceTiming'];
for (let i = 0; i < perfClassNames.length; i++) {
  const name = perfClassNames[i];
  defineLazy(globalThis, name, () => require('perf_hooks')[name]);
}
defineLazy(globalThis, 'console', () => require('console'));
defineLazy(globalThis, 'Buffer', () => require('buffer').Buffer);
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
defineLazy(globalThis, 'MessageChannel', () => require('internal/worker/io').MessageChannel);
defineLazy(globalThis, 'MessagePort', () => require('internal/worker/io').MessagePort);
defineLazy(globalThis, 'MessageEvent', () => require('internal/worker/io').MessageEvent);
defineLazy(globalThis, 'BroadcastChannel', () => require('internal/worker/broadcast_channel').BroadcastChannel);
defineLazy(globalThis, 'DOMException', () => require('internal/dom_exception').DOMException);
// fetch and its classes (--no-experimental-fetch leaves them out, as node does):
// fetch is an enumerable function that loads the implementation on first call.
if (!require('internal/options').getOptionValue('--no-experimental-fetch')) {
  let fetchImpl;
  defineGlobal('fetch', function fetch(input, init = undefined) {
    fetchImpl ??= require('internal/fetch/fetch').fetch;
    return ReflectApply(fetchImpl, undefined, arguments);
  });
  ObjectDefineProperty(globalThis, 'fetch', { __proto__: null, enumerable: true });
  defineLazy(globalThis, 'FormData', () => require('internal/fetch/formdata').FormData);
  defineLazy(globalThis, 'Headers', () => require('internal/fetch/headers').Headers);
  defineLazy(globalThis, 'Request', () => require('internal/fetch/request').Request);
  defineLazy(globalThis, 'Response', () => require('internal/fetch/response').Response);
}
// Web Crypto's object: a getter without a setter, as node's.
ObjectDefineProperty(globalThis, 'crypto', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: function crypto() { return require('internal/crypto/webcrypto').crypto; },
});
defineLazy(globalThis, 'Crypto', () => require('internal/crypto/webcrypto').Crypto);
defineLazy(globalThis, 'CryptoKey', () => require('internal/crypto/webcrypto').CryptoKey);
defineLazy(globalThis, 'SubtleCrypto', () => require('internal/crypto/webcrypto').SubtleCrypto);
// The WHATWG streams: non-enumerable globals, as node's.
const webStreamNames = [
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableByteStreamController', 'ReadableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController',
  'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
  'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream',
  'DecompressionStream',
];
for (let i = 0; i < webStreamNames.length; i++) {
  const name = webStreamNames[i];
  defineLazy(globalThis, name, () => require('stream/web')[name]);
}

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
