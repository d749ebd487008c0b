// Missing modules throw MODULE_NOT_FOUND with the require stack; unknown node:
// built-ins throw ERR_UNKNOWN_BUILTIN_MODULE.
const path = require('path');
try { require('./nope'); } catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
  console.log(e.requireStack.map((p) => path.basename(p)));
}
try { require('./fixtures/requires-missing'); } catch (e) {
  console.log(e.message.replaceAll(__dirname, '.'));
}
try { require('no-such-package-anywhere'); } catch (e) { console.log(e.code); }
try { require('node:nope'); } catch (e) { console.log(e.code, e.message); }
try { require(''); } catch (e) { console.log(e.code); }
try { require(1); } catch (e) { console.log(e.code); }
console.log(require('module').builtinModules.includes('path'), require('module').isBuiltin('node:events'));
