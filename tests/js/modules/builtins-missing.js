// exit: 1
// coil-only: Node has http2; coil says clearly that it does not provide it yet
// (not "Cannot find module" as for a missing npm package), unless a stand-in is
// installed in node_modules; builtinModules lists only what coil provides.
const { builtinModules, isBuiltin } = require('module');
const tryRequire = require('./fixtures/try-require');
for (const id of ['http2', 'node:http2', 'node:sea', '_stream_wrap']) {
  const e = tryRequire(id);
  console.log(e.code, e.message, e.stack.split('\n')[0]);
}
console.log(require.resolve('http2'), require.resolve('node:http2'));
console.log(tryRequire('wasi'), tryRequire('node:wasi').code);
console.log(builtinModules.includes('http2'), isBuiltin('http2'), isBuiltin('node:http2'));
require('http2');
