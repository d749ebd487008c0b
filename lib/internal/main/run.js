'use strict';
// Runs the program the command line names: a file (CommonJS), -e / -p code, or
// the script read from stdin.

function runMain(kind, arg) {
  const { Module } = require('internal/modules/cjs/loader');
  switch (kind) {
    case 'file':
      Module.runMain(arg);
      break;
    case 'eval':
      evalScript('[eval]', arg, false);
      break;
    case 'print':
      evalScript('[eval]', arg, true);
      break;
    case 'stdin': {
      const source = require('fs').readFileSync(0, 'utf8');
      evalScript('[stdin]', source, false);
      break;
    }
  }
}

// -e code runs as a script in the global scope, with require, module, exports,
// __filename and __dirname of a module rooted at the current directory.
function evalScript(name, source, print) {
  const { Module } = require('internal/modules/cjs/loader');
  const path = require('path');
  const { runScript } = internalBinding('contextify');
  const module = new Module(name, null);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  const require_ = module.require.bind(module);
  require_.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require_.cache = Module._cache;
  require_.main = undefined;
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = require_;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  const result = runScript(source, name);
  if (print) console.log(result);
}

module.exports = { runMain };
