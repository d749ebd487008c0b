'use strict';
// Which built-in module names exist: Node 20's (what a require() of that name means
// to a Node program) and coil's (the public lib/ files it embeds). For a name Node
// reserves that coil lacks, require('crypto') takes a stand-in installed in
// node_modules if there is one (a polyfill, or the stubs Node's test runner gets);
// without one it says that coil does not provide it yet, a clear
// ERR_UNKNOWN_BUILTIN_MODULE instead of "Cannot find module" as if an npm package
// were missing. 'node:crypto' always means the built-in, so it always says so.
//
// `builtinModules` (and isBuiltin) list only what coil provides, so a package that
// feature-detects a built-in (`builtinModules.includes('worker_threads')`) takes its
// fallback path instead of requiring a module that would throw.
// Binding: builtins.builtinIds (the public lib/ ids).

const {
  ArrayPrototypeFilter, ArrayPrototypeSort, Error, ErrorCaptureStackTrace,
  ObjectDefineProperty, SafeSet, StringPrototypeSlice, StringPrototypeStartsWith,
} = primordials;
const { builtinIds, hasBuiltin } = internalBinding('builtins');

// Node 20's require('module').builtinModules.
const nodeNames = new SafeSet([
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
  '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable',
  '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap',
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster',
  'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises',
  'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32',
  'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises',
  'repl', 'stream', 'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder',
  'sys', 'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util',
  'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
]);
// Node 20's built-ins that exist only with the node: prefix.
const nodePrefixOnly = new SafeSet(['test', 'test/reporters', 'sea']);

const coilIds = new SafeSet(builtinIds);
const builtinModules = ArrayPrototypeSort(ArrayPrototypeFilter(builtinIds, (id) => nodeNames.has(id)));

// Does coil provide `id` under a name a program may require? ('fs', 'node:fs',
// 'node:test' when coil has it, but not 'test'.)
function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (StringPrototypeStartsWith(id, 'node:')) {
    const name = StringPrototypeSlice(id, 5);
    return (coilIds.has(name) && (nodeNames.has(name) || nodePrefixOnly.has(name))) || isExposedInternal(name);
  }
  return (coilIds.has(id) && nodeNames.has(id)) || isExposedInternal(id);
}

// With --expose-internals (Node's own tests run with it) coil's internal modules
// are built-ins too, with or without the node: prefix, as node's are.
let exposeInternals;
function isExposedInternal(id) {
  if (!StringPrototypeStartsWith(id, 'internal/')) return false;
  exposeInternals ??= require('internal/options').getOptionValue('--expose-internals');
  return exposeInternals && hasBuiltin(id);
}

// Would Node 20 load a built-in for require(id)? (true for 'crypto' whether or not
// coil has it; the node: prefix is taken off by the caller.)
function isNodeBuiltinName(id) {
  return nodeNames.has(id);
}

function isNodePrefixOnlyName(id) {
  return nodePrefixOnly.has(id);
}

// The error for a built-in Node has and coil does not. Its stack starts
// `Error [ERR_UNKNOWN_BUILTIN_MODULE]: ...` like Node's own coded errors.
function notProvidedError(id, caller) {
  const err = new Error(`'${id}' is a Node.js built-in module that coil does not provide yet`);
  ObjectDefineProperty(err, 'code', {
    __proto__: null, value: 'ERR_UNKNOWN_BUILTIN_MODULE', writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(err, 'name', {
    __proto__: null, value: 'Error [ERR_UNKNOWN_BUILTIN_MODULE]', writable: true, configurable: true,
  });
  ErrorCaptureStackTrace(err, caller);
  err.stack; // eslint-disable-line no-unused-expressions -- formats the stack while the name holds the code
  delete err.name;
  return err;
}

module.exports = { builtinModules, isBuiltin, isNodeBuiltinName, isNodePrefixOnlyName, notProvidedError };
