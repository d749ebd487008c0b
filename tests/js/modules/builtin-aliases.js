// Node's built-in names that are other names for what coil has: process,
// path/posix, path/win32, sys (util, with DEP0025), and the legacy _stream_* classes.
const stream = require('stream');
const { builtinModules } = require('module');
console.log(require('process') === process, require('node:process') === process);
console.log(require('path/posix') === require('path').posix, require('path/win32') === require('path').win32);
console.log(require('path/win32').join('a', 'b'), require('node:path/posix').join('a', 'b'));
console.log(require('_stream_readable') === stream.Readable, require('_stream_writable') === stream.Writable,
  require('_stream_duplex') === stream.Duplex, require('_stream_transform') === stream.Transform,
  require('_stream_passthrough') === stream.PassThrough);
console.log(require('sys') === require('util'));
const names = ['process', 'path/posix', 'path/win32', 'sys', '_stream_readable', '_stream_passthrough'];
console.log(names.every((n) => builtinModules.includes(n)));
