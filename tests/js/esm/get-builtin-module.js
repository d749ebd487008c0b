// process.getBuiltinModule: a built-in by name, with or without node:, whatever
// require.cache holds; undefined for unknown or prefix-only names; a string only.
const fs = require('fs');
require.cache.fs = { exports: 'stand-in' };
console.log(process.getBuiltinModule('fs') === fs, process.getBuiltinModule('node:fs') === fs);
console.log(process.getBuiltinModule('node:path') === require('path'));
console.log(process.getBuiltinModule('no-such-module'), process.getBuiltinModule('node:nope'));
console.log(process.getBuiltinModule('test'));
try {
  process.getBuiltinModule(1);
} catch (err) {
  console.log(err.code, err.message);
}
