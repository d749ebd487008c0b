// Built-in names: node: always means the built-in (an unknown one is Node's
// ERR_UNKNOWN_BUILTIN_MODULE); a name Node has only with the prefix ('test') is a
// plain package name without it; builtinModules and isBuiltin agree.
const { builtinModules, isBuiltin } = require('module');
const tryRequire = require('./fixtures/try-require');
console.log(tryRequire('test'));
const e = tryRequire('node:no-such-builtin');
console.log(e.name, e.code, e.message);
try { require.resolve('node:no-such-builtin'); } catch (err) { console.log(err.code); }
console.log(require.resolve('node:fs'), require.resolve('fs'), require.resolve.paths('fs'), require.resolve.paths('node:path'));
for (const id of ['fs', 'path', 'events', 'util', 'stream', 'buffer', 'module']) {
  if (!builtinModules.includes(id) || !isBuiltin(id) || !isBuiltin(`node:${id}`)) console.log('missing', id);
}
console.log(isBuiltin('test'), isBuiltin('no-such-builtin'), isBuiltin('node:no-such-builtin'));
console.log(builtinModules.every((id) => isBuiltin(id) && !id.startsWith('node:') && !id.startsWith('internal/')));
console.log(require('node:fs') === require('fs'), require('fs/promises') === require('fs').promises);
