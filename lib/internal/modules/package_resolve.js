'use strict';
// The package.json "exports" and "imports" resolver, as Node 20 documents it (the
// resolution algorithm of doc/api/esm.md: PACKAGE_RESOLVE, PACKAGE_EXPORTS_RESOLVE,
// PACKAGE_IMPORTS_RESOLVE, PACKAGE_TARGET_RESOLVE, PATTERN_KEY_COMPARE). One resolver
// for every loader: it holds no loader state and takes the set of active conditions
// as an argument (CommonJS: require, node, node-addons, default and the user's
// --conditions; ES modules will pass import instead of require).
//
// It works on absolute file paths rather than file: URLs (every package here is on
// disk); a result is a path, or 'node:<name>' when an "imports" target names a
// built-in. It never checks that a resolved file exists: loaders do that, each
// with its own error.

const {
  ArrayIsArray, JSONStringify, ObjectGetOwnPropertyNames,
  ObjectPrototypeHasOwnProperty, RegExpPrototypeExec, SafeSet, String,
  StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeLastIndexOf,
  StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeToLowerCase, decodeURIComponent,
} = primordials;
const { internalModuleStat } = internalBinding('fs');
const { read: readPackage, findScope } = require('internal/modules/package_json_reader');
const { isNodeBuiltinName } = require('internal/modules/builtins');

let lazyCodes;
function codes() {
  lazyCodes ??= require('internal/errors').codes;
  return lazyCodes;
}

// ---- names and segments ----

// splitPackageName('@a/b/c/d') -> { name: '@a/b', subpath: './c/d' }; undefined when
// the specifier is not a valid package name (starts with '.', holds '\' or '%', or
// is a scope without a name).
function splitPackageName(specifier) {
  if (specifier === '') return undefined;
  let sep = StringPrototypeIndexOf(specifier, '/');
  if (StringPrototypeCharCodeAt(specifier, 0) === 0x40 /* @ */) {
    if (sep === -1) return undefined;
    sep = StringPrototypeIndexOf(specifier, '/', sep + 1);
  }
  const name = sep === -1 ? specifier : StringPrototypeSlice(specifier, 0, sep);
  if (StringPrototypeCharCodeAt(name, 0) === 0x2E /* . */ ||
      StringPrototypeIncludes(name, '\\') || StringPrototypeIncludes(name, '%')) {
    return undefined;
  }
  return { __proto__: null, name, subpath: sep === -1 ? '.' : '.' + StringPrototypeSlice(specifier, sep) };
}

function parsePackageName(specifier, base) {
  const parts = splitPackageName(specifier);
  if (parts === undefined) {
    throw new (codes().ERR_INVALID_MODULE_SPECIFIER)(specifier, 'is not a valid package name', base);
  }
  return parts;
}

function decodeSegment(segment) {
  if (!StringPrototypeIncludes(segment, '%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Does `path` hold a '.', '..' or 'node_modules' segment (also percent-encoded, any
// case)? Empty segments ('a//b') are allowed, as Node 20 still allows them.
function hasInvalidSegment(path) {
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    const c = i < path.length ? StringPrototypeCharCodeAt(path, i) : 0x2F;
    if (c !== 0x2F && c !== 0x5C) continue;
    if (i > start) {
      const segment = StringPrototypeToLowerCase(decodeSegment(StringPrototypeSlice(path, start, i)));
      if (segment === '.' || segment === '..' || segment === 'node_modules') return true;
    }
    start = i + 1;
  }
  return false;
}

// A target that parses as a URL (has a scheme), such as 'node:fs' or 'https://x'.
const urlScheme = /^[a-zA-Z][a-zA-Z\d+\-.]*:/;

function invalidTarget(pkgDir, key, target, isImports, base) {
  const text = typeof target === 'object' && target !== null ? JSONStringify(target) : `${target}`;
  return new (codes().ERR_INVALID_PACKAGE_TARGET)(pkgDir, key, text, isImports, base);
}

function notFound(pkgDir, subpath, isImports, base) {
  if (isImports) return new (codes().ERR_PACKAGE_IMPORT_NOT_DEFINED)(subpath, pkgDir, base);
  return new (codes().ERR_PACKAGE_PATH_NOT_EXPORTED)(pkgDir, subpath, base);
}

// Every '*' of a pattern target replaced by the matched text, taken literally (a '$'
// in it is not a replacement pattern).
function replaceStars(text, value) {
  let out = '';
  let from = 0;
  for (let star = StringPrototypeIndexOf(text, '*'); star !== -1; star = StringPrototypeIndexOf(text, '*', from)) {
    out += StringPrototypeSlice(text, from, star) + value;
    from = star + 1;
  }
  return out + StringPrototypeSlice(text, from);
}

const encodedSeparator = /%2f|%5c/i;

// A resolved target as a path: percent-decoded, except that an encoded '/' or '\'
// is refused (it would reach outside the folder the target names).
function decodePath(path, base) {
  if (!StringPrototypeIncludes(path, '%')) return path;
  if (RegExpPrototypeExec(encodedSeparator, path) !== null) {
    throw new (codes().ERR_INVALID_MODULE_SPECIFIER)(path, 'must not include encoded "/" or "\\" characters', base);
  }
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// ---- targets ----

function resolveTargetString(pkgDir, target, subpath, key, isImports, pattern, base, conditions) {
  if (!StringPrototypeStartsWith(target, './')) {
    if (isImports && !StringPrototypeStartsWith(target, '../') &&
        !StringPrototypeStartsWith(target, '/') && RegExpPrototypeExec(urlScheme, target) === null) {
      // A bare name in "imports" maps to another package (or a built-in).
      const specifier = pattern ? replaceStars(target, subpath) : target + subpath;
      return packageResolve(specifier, pkgDir + '/package.json', conditions);
    }
    throw invalidTarget(pkgDir, key, target, isImports, base);
  }
  if (hasInvalidSegment(StringPrototypeSlice(target, 2))) {
    throw invalidTarget(pkgDir, key, target, isImports, base);
  }
  const resolved = pkgDir + StringPrototypeSlice(target, 1);
  if (subpath === '') return decodePath(resolved, base);
  if (hasInvalidSegment(subpath)) {
    const request = pattern ? replaceStars(key, subpath) : key + subpath;
    const reason = `request is not a valid match in pattern "${key}" for the ` +
      `"${isImports ? 'imports' : 'exports'}" resolution of ${pkgDir}/package.json`;
    throw new (codes().ERR_INVALID_MODULE_SPECIFIER)(request, reason, base);
  }
  return decodePath(pattern ? replaceStars(resolved, subpath) : resolved + subpath, base);
}

function isArrayIndex(key) {
  const n = +key;
  return `${n}` === key && n >= 0 && n < 0xFFFFFFFF;
}

// PACKAGE_TARGET_RESOLVE: a string, an array of fallbacks, an object of conditions
// (taken in key order; the first that applies and resolves wins) or null. Returns
// the path, null (explicitly not exported) or undefined (no condition applied).
function resolveTarget(pkgDir, target, subpath, key, isImports, pattern, base, conditions) {
  if (typeof target === 'string') {
    return resolveTargetString(pkgDir, target, subpath, key, isImports, pattern, base, conditions);
  }
  if (ArrayIsArray(target)) {
    if (target.length === 0) return null;
    let lastError;
    for (let i = 0; i < target.length; i++) {
      let resolved;
      try {
        resolved = resolveTarget(pkgDir, target[i], subpath, key, isImports, pattern, base, conditions);
      } catch (err) {
        lastError = err;
        if (err?.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw err;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastError = null;
        continue;
      }
      return resolved;
    }
    if (lastError === undefined || lastError === null) return lastError;
    throw lastError;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = ObjectGetOwnPropertyNames(target);
    for (let i = 0; i < keys.length; i++) {
      if (isArrayIndex(keys[i])) {
        throw new (codes().ERR_INVALID_PACKAGE_CONFIG)(`${pkgDir}/package.json`, base,
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (let i = 0; i < keys.length; i++) {
      const condition = keys[i];
      if (condition !== 'default' && !conditions.has(condition)) continue;
      const resolved = resolveTarget(pkgDir, target[condition], subpath, key, isImports, pattern, base, conditions);
      if (resolved === undefined) continue;
      return resolved;
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(pkgDir, key, target, isImports, base);
}

// DEP0155, once per package and request: a request ending in '/' meets a pattern
// (folder mappings ending in '/' are gone since Node 17).
const trailingSlashWarned = new SafeSet();
function warnTrailingSlash(matchKey, pkgDir, base) {
  const pjson = `${pkgDir}/package.json`;
  const id = `${pjson}|${matchKey}`;
  if (trailingSlashWarned.has(id)) return;
  trailingSlashWarned.add(id);
  process.emitWarning(`Use of deprecated trailing slash pattern mapping "${matchKey}" in the ` +
    `"exports" field module resolution of the package at ${pjson}${base ? ` imported from ${base}` : ''}. ` +
    'Mapping specifiers ending in "/" is no longer supported.', 'DeprecationWarning', 'DEP0155');
}

// PATTERN_KEY_COMPARE: orders pattern keys most specific first (-1 when a sorts
// before b): the longer prefix before the '*' wins, then the longer key.
function patternKeyCompare(a, b) {
  const aStar = StringPrototypeIndexOf(a, '*');
  const bStar = StringPrototypeIndexOf(b, '*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase > bBase) return -1;
  if (bBase > aBase) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

// PACKAGE_IMPORTS_EXPORTS_RESOLVE: an exact key first, then the most specific
// pattern key (one '*', matched with a non-empty substitution).
function resolveImportsExports(matchKey, matchObj, pkgDir, isImports, base, conditions) {
  if (ObjectPrototypeHasOwnProperty(matchObj, matchKey) && !StringPrototypeIncludes(matchKey, '*') &&
      !StringPrototypeEndsWith(matchKey, '/')) {
    const resolved = resolveTarget(pkgDir, matchObj[matchKey], '', matchKey, isImports, false, base, conditions);
    if (resolved === null || resolved === undefined) throw notFound(pkgDir, matchKey, isImports, base);
    return resolved;
  }
  let bestKey = '';
  let bestSubpath;
  const keys = ObjectGetOwnPropertyNames(matchObj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const star = StringPrototypeIndexOf(key, '*');
    if (star === -1 || StringPrototypeLastIndexOf(key, '*') !== star) continue;
    if (!StringPrototypeStartsWith(matchKey, StringPrototypeSlice(key, 0, star))) continue;
    if (StringPrototypeEndsWith(matchKey, '/')) warnTrailingSlash(matchKey, pkgDir, base);
    const trailer = StringPrototypeSlice(key, star + 1);
    if (matchKey.length >= key.length && StringPrototypeEndsWith(matchKey, trailer) &&
        patternKeyCompare(bestKey, key) === 1) {
      bestKey = key;
      bestSubpath = StringPrototypeSlice(matchKey, star, matchKey.length - trailer.length);
    }
  }
  if (bestKey !== '') {
    const resolved = resolveTarget(pkgDir, matchObj[bestKey], bestSubpath, bestKey, isImports, true, base, conditions);
    if (resolved === null || resolved === undefined) throw notFound(pkgDir, matchKey, isImports, base);
    return resolved;
  }
  throw notFound(pkgDir, matchKey, isImports, base);
}

// Is "exports" the sugar form (a string, an array, or an object of conditions only)?
// An object mixing '.'-keys and condition keys is an invalid package config.
function isConditionalSugar(exports, pkgDir, base) {
  if (typeof exports === 'string' || ArrayIsArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = ObjectGetOwnPropertyNames(exports);
  let sugar = false;
  for (let i = 0; i < keys.length; i++) {
    const conditionKey = keys[i] === '' || StringPrototypeCharCodeAt(keys[i], 0) !== 0x2E;
    if (i === 0) {
      sugar = conditionKey;
    } else if (sugar !== conditionKey) {
      throw new (codes().ERR_INVALID_PACKAGE_CONFIG)(`${pkgDir}/package.json`, base,
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
        ' The exports object must either be an object of package subpath keys' +
        ' or an object of main entry condition name keys only.');
    }
  }
  return sugar;
}

// PACKAGE_EXPORTS_RESOLVE: `subpath` is '.' or './x' within the package in `pkgDir`
// (absolute, no trailing slash); `base` is the importing file, for messages.
function packageExportsResolve(pkgDir, subpath, exports, base, conditions) {
  const sugar = isConditionalSugar(exports, pkgDir, base);
  if (subpath === '.') {
    let mainExport;
    if (sugar) mainExport = exports;
    else if (typeof exports === 'object' && exports !== null && ObjectPrototypeHasOwnProperty(exports, '.')) {
      mainExport = exports['.'];
    }
    if (mainExport !== undefined) {
      const resolved = resolveTarget(pkgDir, mainExport, '', '.', false, false, base, conditions);
      if (resolved !== null && resolved !== undefined) return resolved;
    }
  } else if (!sugar && typeof exports === 'object' && exports !== null) {
    return resolveImportsExports(subpath, exports, pkgDir, false, base, conditions);
  }
  throw notFound(pkgDir, subpath, false, base);
}

// PACKAGE_IMPORTS_RESOLVE: a '#name' specifier from the file `base`, through the
// "imports" of its package scope.
function packageImportsResolve(name, base, conditions) {
  if (name === '#' || StringPrototypeStartsWith(name, '#/') || StringPrototypeEndsWith(name, '/')) {
    throw new (codes().ERR_INVALID_MODULE_SPECIFIER)(name, 'is not a valid internal imports specifier name', base);
  }
  const pkg = findScope(base);
  if (pkg !== undefined) {
    const imports = pkg.imports;
    if (typeof imports === 'object' && imports !== null && !ArrayIsArray(imports)) {
      return resolveImportsExports(name, imports, pkg.dir, true, base, conditions);
    }
  }
  throw notFound(pkg?.dir, name, true, base);
}

// A package requiring itself by its own "name" (only through its "exports").
// Returns undefined when `name` is not the name of `base`'s package.
function packageSelfResolve(name, subpath, base, conditions) {
  const pkg = findScope(base);
  if (pkg === undefined || pkg.exports === undefined || pkg.exports === null || pkg.name !== name) {
    return undefined;
  }
  return packageExportsResolve(pkg.dir, subpath, pkg.exports, base, conditions);
}

function dirname(path) {
  const slash = StringPrototypeLastIndexOf(path, '/');
  return slash <= 0 ? '' : StringPrototypeSlice(path, 0, slash);
}

function isFile(path) {
  return internalModuleStat(path) === 0;
}

function moduleNotFound(specifier, base) {
  return new (codes().ERR_MODULE_NOT_FOUND)(specifier, base);
}

// A package without "exports" reached by name: its "main" (with the extensions
// Node tries), else its index file.
function legacyMainResolve(pkgDir, pkg, base) {
  if (pkg.main !== undefined) {
    const main = pkgDir + '/' + pkg.main;
    const tries = ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'];
    for (let i = 0; i < tries.length; i++) {
      if (isFile(main + tries[i])) return main + tries[i];
    }
  }
  const index = ['/index.js', '/index.json', '/index.node'];
  for (let i = 0; i < index.length; i++) {
    if (isFile(pkgDir + index[i])) return pkgDir + index[i];
  }
  throw moduleNotFound(pkgDir, base);
}

// PACKAGE_RESOLVE: a bare specifier ('pkg', 'pkg/sub', '@scope/pkg/sub') from `base`:
// a built-in name, the package itself, then node_modules folders up the tree.
function packageResolve(specifier, base, conditions) {
  if (isNodeBuiltinName(specifier)) return 'node:' + specifier;
  const { name, subpath } = parsePackageName(specifier, base);
  const self = packageSelfResolve(name, subpath, base, conditions);
  if (self !== undefined) return self;
  let dir = dirname(base);
  for (;;) {
    const pkgDir = dir + '/node_modules/' + name;
    if (internalModuleStat(pkgDir) === 1) {
      const pkg = readPackage(pkgDir);
      if (pkg.exists && pkg.exports !== undefined && pkg.exports !== null) {
        return packageExportsResolve(pkgDir, subpath, pkg.exports, base, conditions);
      }
      if (subpath === '.') return legacyMainResolve(pkgDir, pkg, base);
      return decodePath(pkgDir + StringPrototypeSlice(subpath, 1), base);
    }
    if (dir === '') break;
    dir = dirname(dir);
  }
  throw moduleNotFound(name, base);
}

// The condition set for a loader: its own names plus the user's --conditions.
function conditionSet(names, userConditions) {
  const set = new SafeSet();
  for (let i = 0; i < names.length; i++) set.add(names[i]);
  for (let i = 0; i < userConditions.length; i++) set.add(String(userConditions[i]));
  return set;
}

module.exports = {
  conditionSet,
  packageExportsResolve,
  packageImportsResolve,
  packageResolve,
  packageSelfResolve,
  parsePackageName,
  patternKeyCompare,
  splitPackageName,
};
