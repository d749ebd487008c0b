'use strict';
// ES module resolution, as Node 20 documents it (doc/api/esm.md, "Resolution
// algorithm": ESM_RESOLVE): a specifier and the URL of the module importing it give
// a URL. Relative and absolute specifiers are URLs against the parent; '#name' goes
// through the parent package's "imports"; a bare name is a built-in or a package
// found up the node_modules chain through its "exports" (or "main"); file: URLs
// must name an existing file (no extension search, no directory index), which is
// then taken at its real path. The package.json walks are internal/modules/
// package_resolve's, shared with require(); they work on paths, so file: URLs are
// turned into paths on the way in and back into URLs on the way out.

const {
  Error, RegExpPrototypeExec, SafeSet, StringPrototypeCharCodeAt, StringPrototypeLastIndexOf,
  StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeToLowerCase,
} = primordials;
const { internalModuleStat, realpath } = internalBinding('fs');
const { URL, pathToFileURL, fileURLToPath } = require('internal/url');
const path = require('path');
const builtins = require('internal/modules/builtins');
const {
  conditionSet, packageImportsResolve, packageResolve,
} = require('internal/modules/package_resolve');
const codes = require('internal/modules/esm/errors');
const { getOptionValue } = require('internal/options');

let esmConditions;
// import, node, node-addons, default (always on), and the user's --conditions / -C.
function getEsmConditions() {
  esmConditions ??= conditionSet(['import', 'node', 'node-addons'], getOptionValue('--conditions'));
  return esmConditions;
}

// The path a parent URL stands for in messages ("imported from ...").
function parentForMessages(parentURL) {
  if (parentURL === undefined) return undefined;
  if (StringPrototypeStartsWith(parentURL, 'file:')) {
    try {
      return fileURLToPath(parentURL);
    } catch {
      return parentURL;
    }
  }
  return parentURL;
}

function isRelativeSpecifier(specifier) {
  const c0 = StringPrototypeCharCodeAt(specifier, 0);
  if (c0 === 0x2F /* / */) return true;
  if (c0 !== 0x2E /* . */) return false;
  if (specifier.length === 1) return true;
  const c1 = StringPrototypeCharCodeAt(specifier, 1);
  if (c1 === 0x2F) return true;
  return c1 === 0x2E && (specifier.length === 2 || StringPrototypeCharCodeAt(specifier, 2) === 0x2F);
}

const urlScheme = /^[a-zA-Z][a-zA-Z\d+\-.]*:/;
const encodedSeparator = /%2f|%5c/i;
const allowedSchemes = new SafeSet(['file:', 'data:', 'node:']);

function builtinURL(name, specifier) {
  const id = StringPrototypeStartsWith(name, 'node:') ? StringPrototypeSlice(name, 5) : name;
  if (builtins.isNodeBuiltinName(id) || builtins.isNodePrefixOnlyName(id) || builtins.isBuiltin('node:' + id)) {
    return 'node:' + id;
  }
  const err = new Error(`No such built-in module: ${specifier}`);
  err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
  throw err;
}

// A file: URL must name a file that exists: its real path's URL, with the
// specifier's query and fragment kept.
function finalizeFileURL(url, base) {
  if (RegExpPrototypeExec(encodedSeparator, url.pathname) !== null) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(url.pathname, 'must not include encoded "/" or "\\" characters', base);
  }
  const path = fileURLToPath(url);
  const kind = internalModuleStat(StringPrototypeCharCodeAt(path, path.length - 1) === 0x2F ?
    StringPrototypeSlice(path, 0, -1) || '/' : path);
  if (kind === 1) throw new codes.ERR_UNSUPPORTED_DIR_IMPORT(path, base, url.href);
  if (kind !== 0 || StringPrototypeCharCodeAt(path, path.length - 1) === 0x2F) {
    throw new codes.ERR_MODULE_NOT_FOUND(path, base, url.href);
  }
  if (getOptionValue('--preserve-symlinks')) return url.href;
  let real = path;
  try {
    real = realpath(path);
  } catch {
    // Keep the path as given.
  }
  const out = pathToFileURL(real);
  out.search = url.search;
  out.hash = url.hash;
  return out.href;
}

// A path (or 'node:x') from package_resolve as a URL string.
function pathResult(result, specifier) {
  if (StringPrototypeStartsWith(result, 'node:')) return builtinURL(result, specifier);
  return pathToFileURL(result);
}

// resolve(specifier, parentURL, conditions?) -> URL string. A file not found that
// require() would have found (an extension left out, say) gets Node's hint.
function resolve(specifier, parentURL, conditions = getEsmConditions()) {
  try {
    return resolveURL(specifier, parentURL, conditions);
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && typeof err.url === 'string') addCommonJSHint(err, specifier, parentURL);
    throw err;
  }
}

function addCommonJSHint(err, specifier, parentURL) {
  if (!StringPrototypeStartsWith(parentURL, 'file:')) return;
  let found;
  try {
    const { Module } = require('internal/modules/cjs/loader');
    const parentPath = fileURLToPath(parentURL);
    const parent = new Module(parentPath, null);
    parent.filename = parentPath;
    parent.paths = Module._nodeModulePaths(path.dirname(parentPath));
    found = Module._resolveFilename(specifier, parent, false);
  } catch {
    return;
  }
  if (builtins.isBuiltin(found)) return;
  let suggestion = found;
  if (isRelativeSpecifier(specifier) && StringPrototypeCharCodeAt(specifier, 0) === 0x2E) {
    suggestion = path.relative(path.dirname(fileURLToPath(parentURL)), found);
    if (StringPrototypeCharCodeAt(suggestion, 0) !== 0x2E) suggestion = './' + suggestion;
  } else if (!isRelativeSpecifier(specifier)) {
    const at = StringPrototypeLastIndexOf(found, '/node_modules/');
    if (at !== -1) suggestion = StringPrototypeSlice(found, at + 14);
  }
  err.message += `\nDid you mean to import "${suggestion}"?`;
}

function resolveURL(specifier, parentURL, conditions) {
  const base = parentForMessages(parentURL);
  if (StringPrototypeStartsWith(specifier, 'node:')) return builtinURL(specifier, specifier);
  if (builtins.isNodeBuiltinName(specifier)) return 'node:' + specifier;
  let url;
  if (isRelativeSpecifier(specifier)) {
    url = new URL(specifier, parentURL);
  } else if (StringPrototypeCharCodeAt(specifier, 0) === 0x23 /* # */) {
    url = pathResult(packageImportsResolve(specifier, fileURLToPath(parentURL), conditions), specifier);
    if (typeof url === 'string') return url;
  } else if (RegExpPrototypeExec(urlScheme, specifier) !== null) {
    url = new URL(specifier);
  } else {
    const parentPath = StringPrototypeStartsWith(parentURL, 'file:') ? fileURLToPath(parentURL) : process.cwd() + '/';
    url = pathResult(packageResolve(specifier, parentPath, conditions), specifier);
    if (typeof url === 'string') return url;
  }
  if (url.protocol === 'file:') return finalizeFileURL(url, base);
  if (url.protocol === 'node:') return builtinURL(url.href, specifier);
  if (!allowedSchemes.has(url.protocol)) {
    throw new codes.ERR_UNSUPPORTED_ESM_URL_SCHEME(url, 'file, data, and node');
  }
  return url.href;
}

// import.meta.resolve: a missing file still resolves to its URL, as in Node.
function resolveForMeta(specifier, parentURL) {
  try {
    return resolve(`${specifier}`, parentURL);
  } catch (err) {
    if ((err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') &&
        typeof err.url === 'string') {
      return err.url;
    }
    throw err;
  }
}

function isFileURL(url) {
  return StringPrototypeStartsWith(StringPrototypeToLowerCase(StringPrototypeSlice(url, 0, 5)), 'file:');
}

module.exports = { resolve, resolveForMeta, getEsmConditions, parentForMessages, isFileURL };
