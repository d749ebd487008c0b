// CommonJS resolution as Node does it: extensions, directories, package.json
// main, node_modules up the tree, scoped packages, JSON, cache and cycles.
const path = require('path');
console.log(require('./fixtures/pkg-main').name);
console.log(require('./fixtures/dir-index'));
console.log(require('./fixtures/data.json').answer, require('./fixtures/data').list.length);
console.log(require('./fixtures/nested/deep/uses-dep.js'));
const a = require('./fixtures/cycle-a');
const b = require('./fixtures/cycle-b');
console.log('cycle', a.loaded, a.sawB, b.sawPartialA);
console.log(require('./fixtures/counter').count, require('./fixtures/counter.js').count);
const resolved = require.resolve('./fixtures/counter');
console.log(path.relative(__dirname, resolved), resolved in require.cache);
delete require.cache[resolved];
console.log('reloaded', require('./fixtures/counter').count);
console.log(require(path.join(__dirname, 'fixtures', 'dir-index')));
console.log(JSON.stringify(require('./fixtures/not-main')), require.main === module);
console.log(path.basename(__filename), path.basename(__dirname), typeof module.exports, exports === module.exports);
console.log(require('node:path') === path, require('events') === require('node:events'));
console.log(module.id, module.filename === __filename, module.loaded, typeof module.paths[0]);
console.log(this === module.exports);
