// exit: 1
// coil-only: Node has http; coil says clearly that it does not provide it yet
// (not "Cannot find module" as for a missing npm package), unless a stand-in is
// installed in node_modules; builtinModules lists only what coil provides.
const { builtinModules, isBuiltin } = require('module');
const tryRequire = require('./fixtures/try-require');
for (const id of ['http', 'node:http', 'node:test', 'zlib']) {
  const e = tryRequire(id);
  console.log(e.code, e.message, e.stack.split('\n')[0]);
}
console.log(require.resolve('http'), require.resolve('node:http'));
console.log(tryRequire('wasi'), tryRequire('node:wasi').code);
console.log(builtinModules.includes('http'), isBuiltin('http'), isBuiltin('node:http'));
require('http2');
