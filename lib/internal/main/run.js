'use strict';
// Runs the program the command line names: a file (CommonJS or an ES module),
// -e / -p code (a module with --input-type=module), the script read from stdin,
// or the REPL; after the -r/--require preloads, or, with -c, only
// compiles the script to check its syntax.

const {
  ArrayPrototypeSlice,
  FunctionPrototypeBind,
  ObjectDefineProperty,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
} = primordials;
const { getOptionValue } = require('internal/options');

function runMain(kind, arg) {
  const { Module } = require('internal/modules/cjs/loader');
  const path = require('path');
  setModuleHostCallbacks();
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
  // Coverage is collected through the inspector, which coil (like a node built
  // without one) does not have.
  if (process.env.NODE_V8_COVERAGE) {
    process.emitWarning('The inspector is disabled, coverage could not be collected');
  }
  require('internal/modules/compile_cache').enableFromEnvironment();
  if (getOptionValue('--test')) {
    // The paths are the command line's arguments (no script runs in this process).
    require('internal/test_runner/runner').runCli(kind === 'file' ? ArrayPrototypeSlice(process.argv, 1) : []);
    return;
  }
  preload(getOptionValue('--require'));
  const imports = getOptionValue('--import');
  if (imports.length === 0) {
    runProgram(Module, kind, arg);
  } else {
    // --import modules run first, one after another, each to its end.
    require('internal/modules/esm/loader').importInOrder(imports, () => runProgram(Module, kind, arg));
  }
}

function runProgram(Module, kind, arg) {
  const path = require('path');
  const moduleInput = getOptionValue('--input-type') === 'module';
  switch (kind) {
    case 'file':
      if (mainIsModule(Module, arg)) {
        require('internal/modules/esm/loader').runMainFile(Module._findPath(path.resolve(arg), null, true));
      } else {
        Module.runMain(arg);
      }
      break;
    case 'eval':
    case 'print':
      if (moduleInput && kind === 'print') throw new (require('internal/modules/esm/errors').ERR_EVAL_ESM_CANNOT_PRINT)();
      if (moduleInput) require('internal/modules/esm/loader').evalModule(arg);
      else evalScript(kind === 'eval' && !require('internal/worker/self').isMainThread ? '[worker eval]' : '[eval]', arg, kind === 'print');
      break;
    case 'stdin': {
      const source = require('fs').readFileSync(0, 'utf8');
      if (moduleInput && arg === 'print') throw new (require('internal/modules/esm/errors').ERR_EVAL_ESM_CANNOT_PRINT)();
      if (moduleInput) require('internal/modules/esm/loader').evalModule(source);
      else evalScript('[stdin]', source, arg === 'print');
      break;
    }
    case 'repl':
      require('internal/main/repl').startRepl();
      break;
    case 'url':
      // A Worker made from a data: URL: an ES module, as node runs it.
      require('internal/modules/esm/loader').runEntryPoint(arg);
      break;
  }
}

// import() and import.meta from any code: the ES module loader loads on first use.
function setModuleHostCallbacks() {
  internalBinding('module_wrap').setHostCallbacks(
    (specifier, referrer, type) =>
      require('internal/modules/esm/loader').importModuleDynamically(specifier, referrer, type),
    (meta, id) => require('internal/modules/esm/loader').initializeImportMeta(meta, id));
}

// Does the main file go to the ES module loader: by its name (.mjs), or any file but
// .cjs under "type": "module" (an extensionless bin script runs as a module there; the
// loader refuses other extensions with ERR_UNKNOWN_FILE_EXTENSION, as node does)?
// Other files go to the CommonJS loader (which still runs a .js file that can only be
// a module as one).
function mainIsModule(Module, arg) {
  const path = require('path');
  const filename = Module._findPath(path.resolve(arg), null, true);
  if (!filename) return false;
  if (StringPrototypeEndsWith(filename, '.mjs')) return true;
  if (StringPrototypeEndsWith(filename, '.cjs')) return false;
  return require('internal/modules/package_json_reader').findScope(filename)?.type === 'module';
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
  const { compileModule } = internalBinding('module_wrap');
  if (kind === 'file' ? mainIsModule(require('internal/modules/cjs/loader').Module, arg) :
    getOptionValue('--input-type') === 'module') {
    compileModule(source, filename);
    return;
  }
  const { compileFunction } = internalBinding('contextify');
  try {
    compileFunction(source, filename, ['exports', 'require', 'module', '__filename', '__dirname']);
  } catch (err) {
    // A .js file without a "type" that only parses as a module is one.
    const typeless = kind === 'file' && StringPrototypeEndsWith(filename, '.js') &&
      require('internal/modules/package_json_reader').findScope(filename)?.type !== 'commonjs';
    if (!typeless || !require('internal/modules/esm/load').isModuleSyntaxError(err, source)) throw err;
    compileModule(source, filename);
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
