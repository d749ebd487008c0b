// The parts of require() that programs and tools reach into: require.cache (which
// may stand in for a built-in), Module._initPaths and NODE_PATH,
// Module._resolveLookupPaths, require.resolve's paths option, Module._preloadModules,
// createRequire's argument checks, and the warning for reading a missing export of a module that is
// still loading in a require cycle.
const Module = require('module');
const path = require('path');
const fixtures = path.join(__dirname, 'fixtures');

const fake = { fake: true };
require.cache.os = { exports: fake, loaded: true };
console.log(require('os') === fake, require('node:os') === fake);
delete require.cache.os;
console.log(require('os') === require('node:os'));

process.env.NODE_PATH = path.join(fixtures, 'node-path');
Module._initPaths();
console.log(require('on-node-path'), Module.globalPaths[0] === process.env.NODE_PATH);
console.log(Module._resolveLookupPaths('./x'), Module._resolveLookupPaths('./x', null));
console.log(require.resolve.paths('./x')[0] === __dirname, path.relative(__dirname, require.resolve.paths('x')[0]));
console.log(path.relative(__dirname, require.resolve('./counter', { paths: [fixtures] })));
console.log(path.relative(__dirname, require.resolve('fake-dep', { paths: [path.join(fixtures, 'nested')] })));
for (const paths of ['x', null]) {
  try { require.resolve('x', { paths }); } catch (e) { console.log(e.name, e.code, e.message); }
}
for (const arg of [{}, '../relative', 'https://example.com/x.js', 1]) {
  try { Module.createRequire(arg); } catch (e) { console.log(e.name, e.code, e.message); }
}
const fromDir = Module.createRequire(fixtures + '/');
console.log(fromDir('./data.json').answer, Module.createRequire(`file://${fixtures}/x.js`)('./data').answer);

// What -r does: modules required as if from a file in the current folder.
Module._preloadModules(['./fixtures/node-path/on-node-path.js', 'on-node-path']);
console.log(path.join(fixtures, 'node-path/on-node-path.js') in require.cache);

process.on('warning', (w) => console.log('warning:', w.name, w.message));
const a = require('./fixtures/cycle-warn/a.js');
console.log(require('./fixtures/cycle-warn/b.js'), Object.getPrototypeOf(a) === Object.prototype);
