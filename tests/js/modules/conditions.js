// args: -C other --conditions=custom
// The user's --conditions / -C join require's conditions (require, node,
// node-addons, default); the package's key order still decides which one wins.
const tryRequire = require('./fixtures/try-require');
console.log(tryRequire('exp-cond/custom'), tryRequire('exp-cond'), tryRequire('exp-cond/nested'));
console.log(process.execArgv);
