// args: --enable-source-maps
// exit: 1
// --enable-source-maps: stack frames of files with a sourceMappingURL comment
// (inline data: URL, or a .map file beside) point into the original source, and
// so does the source line printed for an uncaught error.
'use strict';
const path = require('path');
const fixtures = path.join(__dirname, 'fixtures', 'sourcemap');
const relative = (line) => line.replace(fixtures, 'FIXTURES').replace(__dirname, 'DIR');
const inline = require('./fixtures/sourcemap/out/app.js');
console.log(relative(inline.where().split('\n').slice(0, 2).join('\n')));
const beside = require('./fixtures/sourcemap/out/app2.js');
try {
  beside.fail('');
} catch (e) {
  console.log(relative(e.stack.split('\n').slice(0, 3).join('\n')));
}
// A file without a map keeps its own positions.
console.log(relative(new Error('plain').stack.split('\n')[1]));
// A user's Error.prepareStackTrace still decides.
Error.prepareStackTrace = (err, sites) => `custom ${sites.length > 0}`;
console.log(new Error('x').stack);
Error.prepareStackTrace = undefined;
inline.fail();
