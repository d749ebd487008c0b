'use strict';
// Runs the program the command line names: a file (CommonJS), -e / -p code, or
// the script read from stdin; after the -r/--require preloads, or, with -c, only
// compiles the script to check its syntax.

const {
  FunctionPrototypeBind,
  ObjectDefineProperty,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
} = primordials;
const { getOptionValue } = require('internal/options');

function runMain(kind, arg) {
  const { Module } = require('internal/modules/cjs/loader');
  const path = require('path');
  if (kind === 'file') {
    // node resolves the script's path before anything sees process.argv.
    process.argv[1] = path.resolve(process.argv[1]);
  }
  const title = getOptionValue('--title');
  if (title !== undefined) process.title = title;
  if (getOptionValue('--check')) {
    checkSyntax(kind, arg);
    return;
  }
  if (process.env.NODE_CHANNEL_FD !== undefined) {
    require('internal/child_process/ipc').setupChildChannel();
    // A cluster worker is set up before the program runs, as in node.
    if (process.env.NODE_UNIQUE_ID !== undefined) require('cluster');
  }
  if (getOptionValue('--insecure-http-parser')) process.emitWarning('Using insecure HTTP parsing');
  preload(getOptionValue('--require'));
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
      evalScript('[stdin]', source, arg === 'print');
      break;
    }
  }
}

// -r modules load in order before the main script, found from the current
// directory as a require() there would find them.
function preload(requests) {
  if (requests.length === 0) return;
  require('internal/modules/cjs/loader').Module._preloadModules(requests);
}

// -c: compile as the loader would, run nothing. A SyntaxError is thrown from here
// and printed, with its source line and caret, as an uncaught exception.
function checkSyntax(kind, arg) {
  let filename;
  let source;
  if (kind === 'file') {
    const { Module } = require('internal/modules/cjs/loader');
    filename = Module._resolveFilename(require('path').resolve(arg), null, true);
    source = require('fs').readFileSync(filename, 'utf8');
  } else {
    filename = '[stdin]';
    source = require('fs').readFileSync(0, 'utf8');
  }
  if (StringPrototypeCharCodeAt(source, 0) === 0x23 && StringPrototypeCharCodeAt(source, 1) === 0x21) {
    // A #! line: keep the line count, drop the text.
    const nl = StringPrototypeIndexOf(source, '\n');
    source = nl === -1 ? '' : StringPrototypeSlice(source, nl);
  }
  const { compileFunction } = internalBinding('contextify');
  compileFunction(source, filename, ['exports', 'require', 'module', '__filename', '__dirname']);
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
  const require_ = FunctionPrototypeBind(module.require, module);
  require_.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require_.cache = Module._cache;
  require_.main = undefined;
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = require_;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  addBuiltinGlobals(require_);
  const result = runScript(source, name);
  if (print) console.log(result);
}

// As node's -e and -p: each built-in module is a global (`fs`, `url`, `http`...),
// required on first use; assigning to one replaces it.
function addBuiltinGlobals(require_) {
  const { builtinModules } = require('module');
  for (let i = 0; i < builtinModules.length; i++) {
    const name = builtinModules[i];
    if (name[0] === '_' || StringPrototypeIndexOf(name, '/') !== -1 || name in globalThis) continue;
    ObjectDefineProperty(globalThis, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        const lib = require_(name);
        ObjectDefineProperty(globalThis, name, {
          __proto__: null, value: lib, writable: true, configurable: true, enumerable: false,
        });
        return lib;
      },
      set(value) {
        ObjectDefineProperty(globalThis, name, {
          __proto__: null, value, writable: true, configurable: true, enumerable: true,
        });
      },
    });
  }
}

module.exports = { runMain };
