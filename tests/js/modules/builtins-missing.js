// exit: 1
// coil-only: Node has https; coil says clearly that it does not provide it yet
// (not "Cannot find module" as for a missing npm package), unless a stand-in is
// installed in node_modules; builtinModules lists only what coil provides.
const { builtinModules, isBuiltin } = require('module');
const tryRequire = require('./fixtures/try-require');
for (const id of ['https', 'node:https', 'node:sea', 'inspector']) {
  const e = tryRequire(id);
  console.log(e.code, e.message, e.stack.split('\n')[0]);
}
console.log(require.resolve('https'), require.resolve('node:https'));
console.log(tryRequire('wasi'), tryRequire('node:wasi').code);
console.log(builtinModules.includes('https'), isBuiltin('https'), isBuiltin('node:https'));
require('http2');
