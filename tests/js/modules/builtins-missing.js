// exit: 1
// coil-only: Node has trace_events; coil says clearly that it does not provide it yet
// (not "Cannot find module" as for a missing npm package), unless a stand-in is
// installed in node_modules; builtinModules lists only what coil provides.
const { builtinModules, isBuiltin } = require('module');
const tryRequire = require('./fixtures/try-require');
for (const id of ['trace_events', 'node:trace_events', 'node:sea', 'inspector']) {
  const e = tryRequire(id);
  console.log(e.code, e.message, e.stack.split('\n')[0]);
}
console.log(require.resolve('trace_events'), require.resolve('node:trace_events'));
console.log(tryRequire('wasi'), tryRequire('node:wasi').code);
console.log(builtinModules.includes('trace_events'), isBuiltin('trace_events'), isBuiltin('node:trace_events'));
require('http2');
