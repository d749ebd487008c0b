'use strict';
// Turns a loaded URL into a V8 module record (an id of internalBinding
// ('module_wrap')): source text is compiled as a module; JSON, CommonJS and
// built-ins become synthetic modules whose exports are set when they are
// evaluated: JSON's `default` is the parsed value; CommonJS's `default` is
// module.exports and its named exports are those the lexer finds (followed through
// reexports) or, for a module already loaded, its exports' keys; a built-in's are
// its exports' keys, kept in step by module.syncBuiltinESMExports().

const {
  ArrayPrototypePush, ObjectKeys, ObjectPrototypeHasOwnProperty, SafeSet, StringPrototypeCharCodeAt,
  StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeStartsWith,
} = primordials;
const {
  compileModule, createSyntheticModule, getStatus, kEvaluated, setExport,
} = internalBinding('module_wrap');
const { readFileUtf8 } = internalBinding('fs');
const path = require('path');
const { parseJSON } = require('internal/modules/esm/load');
const { lex } = require('internal/modules/esm/cjs_lexer');
const compileCache = require('internal/modules/compile_cache');
const builtins = require('internal/modules/builtins');

let lazyLoader;
function cjsLoader() {
  lazyLoader ??= require('internal/modules/cjs/loader');
  return lazyLoader;
}

// Module source as V8 takes it: a leading #! line is blanked (kept as a line).
function stripHashbang(source) {
  if (StringPrototypeCharCodeAt(source, 0) === 0x23 && StringPrototypeCharCodeAt(source, 1) === 0x21) {
    const nl = StringPrototypeIndexOf(source, '\n');
    return nl === -1 ? '' : StringPrototypeSlice(source, nl);
  }
  return source;
}

function translateModule(url, loaded) {
  const source = stripHashbang(loaded.source);
  if (compileCache.isOn() && StringPrototypeStartsWith(url, 'file:')) return compileCache.compileModule(source, url);
  return compileModule(source, url);
}

function translateJSON(url, loaded) {
  const value = parseJSON(loaded.source, url, loaded.filename);
  let id;
  const steps = () => setExport(id, 'default', value);
  id = createSyntheticModule(url, ['default'], steps);
  return id;
}

// The names a CommonJS file exports, its reexports followed (each file once).
function cjsExportNames(filename, source, names, seen) {
  if (seen.has(filename)) return;
  seen.add(filename);
  const { Module } = cjsLoader();
  const cached = Module._cache[filename];
  if (cached?.loaded) {
    const keys = typeof cached.exports === 'object' || typeof cached.exports === 'function' ?
      ObjectKeys(cached.exports ?? {}) : [];
    for (let i = 0; i < keys.length; i++) names.add(keys[i]);
    return;
  }
  let found;
  try {
    found = lex(source ?? readFileUtf8(filename));
  } catch {
    return;
  }
  for (const name of found.names) names.add(name);
  const fake = new Module(filename, null);
  fake.filename = filename;
  fake.paths = Module._nodeModulePaths(path.dirname(filename));
  for (let i = 0; i < found.reexports.length; i++) {
    let target;
    try {
      target = Module._resolveFilename(found.reexports[i], fake, false);
    } catch {
      continue;
    }
    if (builtins.isBuiltin(target) || !StringPrototypeStartsWith(target, '/')) continue;
    const ext = path.extname(target);
    if (ext === '.js' || ext === '.cjs' || ext === '') cjsExportNames(target, undefined, names, seen);
  }
}

function translateCommonJS(url, loaded, isMain) {
  const filename = loaded.filename;
  const names = new SafeSet();
  cjsExportNames(filename, loaded.source, names, new SafeSet());
  names.delete('default');
  const list = ['default'];
  for (const name of names) ArrayPrototypePush(list, name);
  let id;
  const steps = () => {
    const { Module } = cjsLoader();
    const cached = Module._cache[filename];
    const exports = cached?.loaded ? cached.exports : Module._load(filename, undefined, isMain);
    setExport(id, 'default', exports);
    for (let i = 1; i < list.length; i++) {
      let value;
      try {
        value = exports == null ? undefined : exports[list[i]];
      } catch {
        // A throwing getter leaves the export undefined.
      }
      setExport(id, list[i], value);
    }
  };
  id = createSyntheticModule(url, list, steps);
  return id;
}

// url -> { id, names }: built-in modules made so far, for syncBuiltinESMExports.
const builtinRecords = [];

function translateBuiltin(url) {
  const name = StringPrototypeSlice(url, 5);
  const { Module } = cjsLoader();
  const exports = Module._load(url, undefined, false);
  const keys = exports !== null && (typeof exports === 'object' || typeof exports === 'function') ?
    ObjectKeys(exports) : [];
  const list = ['default'];
  for (let i = 0; i < keys.length; i++) if (keys[i] !== 'default') ArrayPrototypePush(list, keys[i]);
  let id;
  const record = { __proto__: null, name, list, get id() { return id; } };
  const steps = () => syncRecord(record, exports);
  id = createSyntheticModule(url, list, steps);
  ArrayPrototypePush(builtinRecords, record);
  return id;
}

function syncRecord(record, exports) {
  setExport(record.id, 'default', exports);
  for (let i = 1; i < record.list.length; i++) {
    const key = record.list[i];
    setExport(record.id, key, ObjectPrototypeHasOwnProperty(exports, key) ? exports[key] : undefined);
  }
}

// module.syncBuiltinESMExports(): each built-in's named exports take the values
// its exports object has now.
function syncBuiltinESMExports() {
  for (let i = 0; i < builtinRecords.length; i++) {
    const record = builtinRecords[i];
    if (getStatus(record.id) < kEvaluated) continue;
    syncRecord(record, cjsLoader().Module._load('node:' + record.name, undefined, false));
  }
}

function translate(url, loaded, isMain) {
  switch (loaded.format) {
    case 'module': return translateModule(url, loaded);
    case 'json': return translateJSON(url, loaded);
    case 'commonjs': return translateCommonJS(url, loaded, isMain);
    case 'builtin': return translateBuiltin(url);
  }
  throw new (require('internal/errors').codes.ERR_UNKNOWN_MODULE_FORMAT)(loaded.format, url);
}

module.exports = { translate, syncBuiltinESMExports };
