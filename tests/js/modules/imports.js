// package.json "imports" ('#name') and a package requiring itself by its "name",
// as Node 20 resolves them for require(): conditions, patterns, bare targets into
// node_modules, null and array targets, the errors, and the package scope rules
// (the nearest package.json decides, the search stops at node_modules).
const path = require('path');
const fixtures = path.join(__dirname, 'fixtures');
const tryRequire = require('./fixtures/pkg-app/lib/try-require');
function show(request, result) {
  if (result instanceof Error) {
    const msg = result.message.replaceAll(fixtures, '<fixtures>').replaceAll(__dirname, '.');
    console.log(`${request} -> ${result.name} ${result.code}: ${msg}`);
  } else {
    console.log(`${request} -> ${JSON.stringify(result)}`);
  }
}
for (const r of ['#app-dep', '#cond', '#ext/e1.js', '#ext/e2.js', '#ext/e1', '#pkg', '#pkg-sub',
  '#pkg-legacy', '#null', '#fallback', '#builtin', '#url', '#up', '#abs', '#missing', '#no-such-pkg',
  '#not-defined', '#', '#/x', '#app-dep/',
  'pkg-app', 'pkg-app/sub', 'pkg-app/lib/dep', 'pkg-app/lib/ext/e1', 'pkg-app/index.js', 'pkg-app/package.json']) {
  show(r, tryRequire(r));
}
// From a file whose nearest package.json has no "imports" nor this name.
console.log(require('./fixtures/pkg-app/inner/try.js'));
// From a file outside any package with "imports": looked up as a plain name.
show('#app-dep (outside)', (() => { try { return require('#app-dep'); } catch (e) { return e; } })());
// A package without package.json: its scope is not the project's around it.
console.log(require('./fixtures/node_modules/no-pjson'));
