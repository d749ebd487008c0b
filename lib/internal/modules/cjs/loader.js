'use strict';
// CommonJS, resolved as Node resolves it: relative and absolute paths, the
// extensions .js/.json/.node, directories (package.json "main", then index),
// node_modules folders up the tree, built-ins by name or with the node: prefix.
// Modules are cached by resolved filename; a cycle sees the partial exports.
// Bindings: fs.{internalModuleStat, readFileUtf8, realpath},
// contextify.compileFunction, builtins.{hasBuiltin, builtinIds}.

const { internalModuleStat, readFileUtf8, realpath } = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const { hasBuiltin, builtinIds } = internalBinding('builtins');
const path = require('path');

const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];
const publicBuiltins = new Set(builtinIds);
// Built-ins that exist only with the node: prefix.
const prefixOnly = new Set(['test']);

function isBuiltin(id) {
  if (id.startsWith('node:')) return publicBuiltins.has(id.slice(5));
  return publicBuiltins.has(id) && !prefixOnly.has(id);
}

class Module {
  constructor(id = '', parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', { value: parent, writable: true, configurable: true, enumerable: false });
    if (parent && parent.children) parent.children.push(this);
  }

  require(id) {
    const { validateString } = require('internal/validators');
    validateString(id, 'id');
    if (id === '') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
    }
    return Module._load(id, this, false);
  }

  load(filename) {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(path.dirname(filename));
    let ext = path.extname(filename);
    if (!Object.prototype.hasOwnProperty.call(Module._extensions, ext)) ext = '.js';
    Module._extensions[ext](this, filename);
    this.loaded = true;
  }

  _compile(content, filename) {
    if (content.charCodeAt(0) === 0x23 && content.charCodeAt(1) === 0x21) {
      // A #! line: keep the line count, drop the text.
      const nl = content.indexOf('\n');
      content = nl === -1 ? '' : content.slice(nl);
    }
    const fn = compileFunction(content, filename, wrapperParams);
    const dirname = path.dirname(filename);
    const require = makeRequire(this);
    return fn.call(this.exports, this.exports, require, this, filename, dirname);
  }
}

function makeRequire(mod) {
  function require(id) { return mod.require(id); }
  require.resolve = function resolve(request, options) {
    const { validateString } = require_('internal/validators');
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  };
  require.resolve.paths = function paths(request) {
    if (isBuiltin(request)) return null;
    return Module._resolveLookupPaths(request, mod);
  };
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}
const require_ = require;

Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.builtinModules = builtinIds.filter((id) => !prefixOnly.has(id));
Module.isBuiltin = isBuiltin;
Module.Module = Module;
Module.globalPaths = [];

Module._extensions['.js'] = function loadJs(module, filename) {
  module._compile(readFileUtf8(filename), filename);
};
Module._extensions['.json'] = function loadJson(module, filename) {
  const content = readFileUtf8(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};
Module._extensions['.node'] = function loadAddon(module, filename) {
  const err = new Error(`Cannot load native addon ${filename}: native addons are not supported yet`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

function stripBOM(s) { return s.charCodeAt(0) === 0xFEFF ? s.slice(1) : s; }

Module._nodeModulePaths = function nodeModulePaths(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  let dir = from;
  for (;;) {
    if (path.basename(dir) !== 'node_modules') paths.push(path.join(dir, 'node_modules'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (paths[paths.length - 1] !== '/node_modules') paths.push('/node_modules');
  return paths;
};

Module._resolveLookupPaths = function resolveLookupPaths(request, parent) {
  if (request.charAt(0) !== '.' || (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    const paths = parent && parent.paths && parent.paths.length ? parent.paths.slice() : Module._nodeModulePaths(process.cwd());
    return paths.concat(Module.globalPaths);
  }
  return [parent && parent.filename ? path.dirname(parent.filename) : process.cwd()];
};

const extensions = () => Object.keys(Module._extensions);

function statPath(p) { return internalModuleStat(p); }

function tryFile(p) {
  if (statPath(p) !== 0) return false;
  return toRealPath(p);
}

function toRealPath(p) {
  try { return realpath(p); } catch { return p; }
}

function tryExtensions(base) {
  for (const ext of extensions()) {
    const found = tryFile(base + ext);
    if (found) return found;
  }
  return false;
}

function readPackageMain(dir) {
  const file = path.join(dir, 'package.json');
  if (statPath(file) !== 0) return undefined;
  let json;
  try {
    json = JSON.parse(readFileUtf8(file));
  } catch (err) {
    err.path = file;
    err.message = `Error parsing ${file}: ${err.message}`;
    throw err;
  }
  return typeof json.main === 'string' ? json.main : undefined;
}

function tryPackage(dir, originalPath) {
  const main = readPackageMain(dir);
  if (!main) return tryExtensions(path.join(dir, 'index'));
  const filename = path.resolve(dir, main);
  const found = tryFile(filename) || tryExtensions(filename) || tryExtensions(path.join(filename, 'index'));
  if (found) return found;
  const fallback = tryExtensions(path.join(dir, 'index'));
  if (fallback) return fallback;
  const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
  err.code = 'MODULE_NOT_FOUND';
  err.path = path.join(dir, 'package.json');
  err.requestPath = originalPath;
  throw err;
}

Module._findPath = function findPath(request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  const trailingSlash = request.length > 0 && (request.endsWith('/') || request.endsWith('/.') || request.endsWith('/..') || request === '.' || request === '..');
  const cacheKey = request + '\x00' + paths.join('\x00');
  const cached = Module._pathCache[cacheKey];
  if (cached) return cached;
  for (const dir of paths) {
    if (dir && statPath(dir) < 1) continue;
    const base = path.resolve(dir, request);
    let filename = false;
    const kind = statPath(base);
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

Module._resolveFilename = function resolveFilename(request, parent, isMain, options) {
  if (isBuiltin(request)) return request;
  let paths;
  if (options && Array.isArray(options.paths)) {
    paths = [];
    for (const p of options.paths) {
      const lookup = request.startsWith('./') || request.startsWith('../') ? [p] : Module._nodeModulePaths(p);
      for (const q of lookup) if (!paths.includes(q)) paths.push(q);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor.parent) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

Module._load = function load(request, parent, isMain) {
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!publicBuiltins.has(id)) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return require(id);
  }
  if (isBuiltin(request)) return require(request);
  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
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
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
};

Module.runMain = function runMain(main) {
  const filename = path.resolve(main);
  Module._load(filename, null, true);
};

Module.createRequire = function createRequire(filename) {
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filename = require('url').fileURLToPath(filename);
  }
  const mod = new Module(filename, null);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(path.dirname(filename));
  return makeRequire(mod);
};

Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];

module.exports = { Module, isBuiltin };
