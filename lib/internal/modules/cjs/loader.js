'use strict';
// CommonJS, resolved as Node 20 resolves it (doc/api/modules.md, "All together"):
// built-ins first; relative and absolute paths with the extensions .js/.json/.node
// and directories (package.json "main", then index); '#name' through the "imports"
// of the requiring file's package; the package's own name through its "exports";
// then node_modules folders up the tree, where a package's "exports" wins over file
// lookup; then NODE_PATH and the global folders. Modules are cached by resolved
// filename (require.cache, which may also stand in for a built-in); a require cycle
// sees the partial exports (with a warning when it reads one that is missing).
// Bindings: fs.{internalModuleStat, readFileUtf8, realpath}, contextify.compileFunction.

const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypeLastIndexOf,
  ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, Error, FunctionPrototypeCall,
  JSONParse, ObjectCreate, ObjectDefineProperty, ObjectKeys, ObjectPrototypeHasOwnProperty,
  SafeWeakMap, StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeIndexOf,
  StringPrototypeSlice, StringPrototypeSplit, StringPrototypeStartsWith,
} = primordials;
const { internalModuleStat, readFileUtf8, realpath } = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const compileCache = require('internal/modules/compile_cache');
const path = require('path');
const builtins = require('internal/modules/builtins');
const { read: readPackage, findScope } = require('internal/modules/package_json_reader');
const {
  packageExportsResolve, packageImportsResolve, splitPackageName,
} = require('internal/modules/package_resolve');
const {
  exportsForCircularRequire, getCjsConditions, makeRequire, restoreAfterCircularRequire,
} = require('internal/modules/cjs/helpers');

const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];
// Who required a module first, for the require stack of a failed require (kept
// apart from `module.parent`, which programs may overwrite).
const parents = new SafeWeakMap();

let lazyCodes;
function codes() {
  lazyCodes ??= require('internal/errors').codes;
  return lazyCodes;
}

class Module {
  constructor(id = '', parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    ObjectDefineProperty(this, 'parent', {
      __proto__: null, value: parent, writable: true, configurable: true, enumerable: false,
    });
    if (parent?.children) ArrayPrototypePush(parent.children, this);
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
  }

  require(id) {
    const { validateString } = require('internal/validators');
    validateString(id, 'id');
    if (id === '') throw new (codes().ERR_INVALID_ARG_VALUE)('id', id, 'must be a non-empty string');
    return Module._load(id, this, false);
  }

  load(filename) {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(path.dirname(filename));
    const ext = findExtension(filename);
    if (ext === '.mjs' && !ObjectPrototypeHasOwnProperty(Module._extensions, '.mjs')) {
      loadESMFromCJS(this, filename);
    } else {
      Module._extensions[ext](this, filename);
    }
    this.loaded = true;
  }

  _compile(content, filename) {
    if (StringPrototypeCharCodeAt(content, 0) === 0x23 && StringPrototypeCharCodeAt(content, 1) === 0x21) {
      // A #! line: keep the line count, drop the text.
      const nl = StringPrototypeIndexOf(content, '\n');
      content = nl === -1 ? '' : StringPrototypeSlice(content, nl);
    }
    // A .js file outside any "type" may be an ES module: its syntax says.
    const detect = detectNextCompile;
    detectNextCompile = false;
    let fn;
    try {
      fn = compileCache.isOn() ? compileCache.compileFunction(content, filename, wrapperParams) :
        compileFunction(content, filename, wrapperParams);
    } catch (err) {
      if (!detect || !isModuleSyntaxError(err, content, filename)) throw err;
      return loadESMFromCJS(this, filename);
    }
    const require = makeRequire(this, Module);
    return FunctionPrototypeCall(fn, this.exports, this.exports, require, this, filename, path.dirname(filename));
  }
}

// The registered extension a file is loaded as: the longest registered one of its
// name's dotted endings ('a.test.js' -> '.test.js' if registered, else '.js'),
// '.js' when none is.
function findExtension(filename) {
  const base = path.basename(filename);
  let dot = StringPrototypeIndexOf(base, '.', 1);
  while (dot !== -1) {
    const ext = StringPrototypeSlice(base, dot);
    if (ObjectPrototypeHasOwnProperty(Module._extensions, ext) || ext === '.mjs') return ext;
    dot = StringPrototypeIndexOf(base, '.', dot + 1);
  }
  return '.js';
}

Module._cache = ObjectCreate(null);
Module._pathCache = ObjectCreate(null);
Module._extensions = ObjectCreate(null);
Module.builtinModules = builtins.builtinModules;
Module.isBuiltin = builtins.isBuiltin;
Module.Module = Module;
Module.globalPaths = [];
// NODE_PATH, ~/.node_modules, ~/.node_libraries, <prefix>/lib/node (set by _initPaths).
let globalModulePaths = [];

Module._extensions['.js'] = function(module, filename) {
  const content = readFileUtf8(filename);
  if (StringPrototypeEndsWith(filename, '.js')) {
    const type = findScope(filename)?.type;
    if (type === 'module') return loadESMFromCJS(module, filename);
    detectNextCompile = type !== 'commonjs';
  }
  module._compile(content, filename);
};

let detectNextCompile = false;

// Did compiling `content` fail because it is an ES module? (Then warn if its
// package.json could have said so.)
function isModuleSyntaxError(err, content, filename) {
  const load = require('internal/modules/esm/load');
  if (!load.isModuleSyntaxError(err, content)) return false;
  load.warnTypeless(filename);
  return true;
}

// An ES module reached through the CommonJS loader: the main file runs as the
// entry point; a require()d one gives its namespace (node 20's require(esm)).
function loadESMFromCJS(module, filename) {
  const loader = require('internal/modules/esm/loader');
  if (module.id === '.') {
    loader.runMainFile(filename);
    return;
  }
  module.exports = loader.requireModule(filename, parents.get(module)?.filename ?? module.parent?.filename);
}
Module._extensions['.json'] = function(module, filename) {
  const content = readFileUtf8(filename);
  try {
    module.exports = JSONParse(stripBOM(content));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};
Module._extensions['.node'] = function(module, filename) {
  // Node-API addons (coil's own Node-API, src/v8/napi).
  return process.dlopen(module, path.toNamespacedPath(filename));
};

function stripBOM(s) {
  return StringPrototypeCharCodeAt(s, 0) === 0xFEFF ? StringPrototypeSlice(s, 1) : s;
}

Module._initPaths = function initPaths() {
  const home = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefix = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefix, 'lib', 'node')];
  if (home) paths = [path.resolve(home, '.node_modules'), path.resolve(home, '.node_libraries'), paths[0]];
  if (nodePath) {
    const extra = [];
    const parts = StringPrototypeSplit(nodePath, path.delimiter);
    for (let i = 0; i < parts.length; i++) if (parts[i]) ArrayPrototypePush(extra, parts[i]);
    for (let i = 0; i < paths.length; i++) ArrayPrototypePush(extra, paths[i]);
    paths = extra;
  }
  globalModulePaths = paths;
  Module.globalPaths = ArrayPrototypeSlice(paths);
};

Module._nodeModulePaths = function nodeModulePaths(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  let dir = from;
  for (;;) {
    if (path.basename(dir) !== 'node_modules') ArrayPrototypePush(paths, dir === '/' ? '/node_modules' : dir + '/node_modules');
    if (dir === '/') break;
    dir = path.dirname(dir);
  }
  return paths;
};

// Where a request is looked up: null for a built-in; the requiring file's folder
// for a relative one ('.' without a file to be relative to); otherwise its
// node_modules chain followed by the global folders.
Module._resolveLookupPaths = function resolveLookupPaths(request, parent) {
  if (builtins.isBuiltin(request)) return null;
  const c0 = StringPrototypeCharCodeAt(request, 0);
  const c1 = StringPrototypeCharCodeAt(request, 1);
  if (c0 !== 0x2E /* . */ || (request.length > 1 && c1 !== 0x2E && c1 !== 0x2F /* / */)) {
    let paths = globalModulePaths;
    if (parent?.paths?.length) {
      paths = ArrayPrototypeSlice(parent.paths);
      for (let i = 0; i < globalModulePaths.length; i++) ArrayPrototypePush(paths, globalModulePaths[i]);
    }
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function toRealPath(p) {
  try {
    return realpath(p);
  } catch {
    return p;
  }
}

function tryFile(p) {
  return internalModuleStat(p) === 0 ? toRealPath(p) : false;
}

function tryExtensions(base) {
  const exts = ObjectKeys(Module._extensions);
  for (let i = 0; i < exts.length; i++) {
    const found = tryFile(base + exts[i]);
    if (found) return found;
  }
  return false;
}

// A folder: its package.json "main" (as a file, with extensions, or as a folder
// with an index), else its index file.
function tryPackage(dir, originalRequest) {
  const main = readPackage(dir).main;
  if (!main) return tryExtensions(path.resolve(dir, 'index'));
  const filename = path.resolve(dir, main);
  const found = tryFile(filename) || tryExtensions(filename) || tryExtensions(path.resolve(filename, 'index'));
  if (found) return found;
  const fallback = tryExtensions(path.resolve(dir, 'index'));
  if (fallback) return fallback;
  const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
  err.code = 'MODULE_NOT_FOUND';
  err.path = path.resolve(dir, 'package.json');
  err.requestPath = originalRequest;
  throw err;
}

// What an "exports"/"imports" resolution found must be a file on disk.
function finalizeResolution(resolved, pkgDir) {
  if (StringPrototypeStartsWith(resolved, 'node:')) throw new (codes().ERR_INVALID_URL_SCHEME)('file');
  const found = tryFile(resolved);
  if (found) return found;
  const err = new Error(`Cannot find module '${resolved}'`);
  err.code = 'MODULE_NOT_FOUND';
  if (pkgDir !== undefined) err.path = pkgDir + '/package.json';
  throw err;
}

function rethrowNotFound(err, request, pkgDir) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  const notFound = new Error(`Cannot find module '${request}'`);
  notFound.code = 'MODULE_NOT_FOUND';
  if (pkgDir !== undefined) notFound.path = pkgDir + '/package.json';
  throw notFound;
}

// A bare request inside one node_modules folder, through the package's "exports".
function resolveExports(nodeModulesDir, request) {
  const parts = splitPackageName(request);
  if (parts === undefined) return undefined;
  const pkgDir = path.resolve(nodeModulesDir, parts.name);
  const pkg = readPackage(pkgDir);
  if (!pkg.exists || pkg.exports === undefined || pkg.exports === null) return undefined;
  try {
    return finalizeResolution(packageExportsResolve(pkgDir, parts.subpath, pkg.exports, undefined, getCjsConditions()), pkgDir);
  } catch (err) {
    return rethrowNotFound(err, request, pkgDir);
  }
}

// The package of `parentPath` required by its own name.
function resolveSelf(parentPath, request) {
  if (!parentPath) return false;
  const pkg = findScope(parentPath);
  if (pkg === undefined || pkg.exports === undefined || pkg.exports === null || pkg.name === undefined) return false;
  let subpath;
  if (request === pkg.name) subpath = '.';
  else if (StringPrototypeStartsWith(request, pkg.name + '/')) subpath = '.' + StringPrototypeSlice(request, pkg.name.length);
  else return false;
  try {
    return finalizeResolution(packageExportsResolve(pkg.dir, subpath, pkg.exports, parentPath, getCjsConditions()), pkg.dir);
  } catch (err) {
    return rethrowNotFound(err, request, pkg.dir);
  }
}

Module._findPath = function findPath(request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const cacheKey = request + '\x00' + ArrayPrototypeJoin(paths, '\x00');
  const cached = Module._pathCache[cacheKey];
  if (cached) return cached;
  const last = StringPrototypeCharCodeAt(request, request.length - 1);
  const trailingSlash = request.length > 0 && (last === 0x2F || request === '.' || request === '..' ||
    StringPrototypeEndsWith(request, '/.') || StringPrototypeEndsWith(request, '/..'));
  for (let i = 0; i < paths.length; i++) {
    const dir = paths[i];
    if (dir && internalModuleStat(path.resolve(dir)) < 1) continue;
    if (!absolute) {
      const exported = resolveExports(dir, request);
      if (exported) {
        Module._pathCache[cacheKey] = exported;
        return exported;
      }
    }
    const base = path.resolve(dir, request);
    let filename = false;
    const kind = internalModuleStat(base);
    if (!trailingSlash) {
      if (kind === 0) filename = toRealPath(base);
      if (!filename) filename = tryExtensions(base);
    }
    if (!filename && kind === 1) filename = tryPackage(base, request);
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

function lookupPathsFromOption(request, option) {
  if (option === undefined) return undefined;
  if (!ArrayIsArray(option)) throw new (codes().ERR_INVALID_ARG_VALUE)('options.paths', option);
  if (StringPrototypeStartsWith(request, './') || StringPrototypeStartsWith(request, '../')) return option;
  const paths = [];
  const fake = new Module('', null);
  for (let i = 0; i < option.length; i++) {
    fake.paths = Module._nodeModulePaths(option[i]);
    const lookup = Module._resolveLookupPaths(request, fake) || [];
    for (let j = 0; j < lookup.length; j++) {
      if (!ArrayPrototypeIncludes(paths, lookup[j])) ArrayPrototypePush(paths, lookup[j]);
    }
  }
  return paths;
}

function isNodeName(id) {
  return builtins.isNodeBuiltinName(id) || builtins.isNodePrefixOnlyName(id);
}

Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  if (builtins.isBuiltin(request)) return request;
  // Node's built-ins resolve to their names even where coil lacks them (loading
  // one then says so); an unknown node: name is not found.
  if (StringPrototypeStartsWith(request, 'node:') && isNodeName(StringPrototypeSlice(request, 5))) return request;
  let paths;
  if (typeof options === 'object' && options !== null) paths = lookupPathsFromOption(request, options.paths);
  paths ??= Module._resolveLookupPaths(request, parent);

  const parentPath = parent?.filename ||
    (parent?.id === '<repl>' || parent?.id === 'internal/preload' ? process.cwd() + '/' : undefined);
  if (StringPrototypeCharCodeAt(request, 0) === 0x23 /* # */ && parentPath) {
    const scope = findScope(parentPath);
    if (scope !== undefined && scope.imports !== undefined && scope.imports !== null) {
      try {
        return finalizeResolution(packageImportsResolve(request, parentPath, getCjsConditions()), scope.dir);
      } catch (err) {
        rethrowNotFound(err, request, undefined);
      }
    }
  }
  const self = resolveSelf(parentPath, request);
  if (self) return self;

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  // A Node built-in coil lacks, with no stand-in installed in node_modules.
  if (builtins.isNodeBuiltinName(request)) return request;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = parents.get(cursor) ?? cursor.parent) {
    ArrayPrototypePush(requireStack, cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += '\nRequire stack:\n- ' + ArrayPrototypeJoin(requireStack, '\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

Module._load = function _load(request, parent, isMain) {
  if (StringPrototypeStartsWith(request, 'node:')) {
    const id = StringPrototypeSlice(request, 5);
    if (builtins.isBuiltin(request)) return require(id);
    if (isNodeName(id)) throw builtins.notProvidedError(id, _load);
    throw new (codes().ERR_UNKNOWN_BUILTIN_MODULE)(request);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (filename === request && builtins.isNodeBuiltinName(filename) && !builtins.isBuiltin(filename) &&
      Module._cache[filename] === undefined) {
    throw builtins.notProvidedError(filename, _load);
  }
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent?.children && !ArrayPrototypeIncludes(parent.children, cached)) {
      ArrayPrototypePush(parent.children, cached);
    }
    if (!cached.loaded && !builtins.isBuiltin(filename)) return exportsForCircularRequire(cached);
    return cached.exports;
  }
  if (builtins.isBuiltin(filename)) return require(filename);

  const module = new Module(filename, parent);
  if (parent) parents.set(module, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent?.children) {
        const at = ArrayPrototypeLastIndexOf(parent.children, module);
        if (at !== -1) ArrayPrototypeSplice(parent.children, at, 1);
      }
    } else {
      restoreAfterCircularRequire(module);
    }
  }
  return module.exports;
};

// -r / --require: each module is required as if from a file in the current folder.
Module._preloadModules = function _preloadModules(requests) {
  if (!ArrayIsArray(requests)) return;
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (let i = 0; i < requests.length; i++) parent.require(requests[i]);
};

Module.runMain = function runMain(main) {
  Module._load(path.resolve(main), null, true);
};

// createRequire(filename): a require() that resolves as a module at `filename` (a
// file URL, a file URL string or an absolute path; a trailing '/' names a folder).
Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && StringPrototypeStartsWith(filename, 'file:')) {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && path.isAbsolute(filename)) {
    filepath = filename;
  } else {
    throw new (codes().ERR_INVALID_ARG_VALUE)('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const proxyPath = StringPrototypeEndsWith(filepath, '/') ? path.join(filepath, 'noop.js') : filepath;
  const mod = new Module(proxyPath, null);
  mod.filename = proxyPath;
  mod.paths = Module._nodeModulePaths(mod.path);
  return makeRequire(mod, Module);
};

Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = function wrap(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
// node 22's module compile cache (internal/modules/compile_cache).
Module.constants = { __proto__: null, compileCacheStatus: compileCache.compileCacheStatus };
Module.enableCompileCache = compileCache.enableCompileCache;
Module.getCompileCacheDir = compileCache.getCompileCacheDir;
Module.flushCompileCache = compileCache.flushCompileCache;
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  require('internal/modules/esm/translators').syncBuiltinESMExports();
};

Module._initPaths();

module.exports = { Module, isBuiltin: builtins.isBuiltin };
