// require() of an ES module (node 20.19+): its namespace (with __esModule when it
// has a default export); a graph with top-level await throws
// ERR_REQUIRE_ASYNC_MODULE; a throw while it runs reaches the caller.
const lib = require('./fixtures/lib.mjs');
console.log(lib.alpha, lib.__esModule, typeof lib.default, lib.counter);
lib.increment();
console.log(lib.counter);
const more = require('./fixtures/more.mjs');
console.log(more.beta, Object.keys(more).includes('__esModule'));
try {
  require('./fixtures/tla-dep.mjs');
} catch (err) {
  console.log(err.code, err.message.split('\n')[0]);
}
try {
  require('./fixtures/throws.mjs');
} catch (err) {
  console.log(err.message);
}
console.log(require('./fixtures/lib.mjs') === lib);
