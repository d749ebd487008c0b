'use strict';
// package.json files as the module loaders see them: read once per path and cached
// for the life of the process (as Node does: a package.json edited while the program
// runs is not seen again), and the package scope of a file (the nearest folder up
// the tree holding a package.json, never looking past a node_modules folder).
// Shared by the CommonJS loader and the package resolver; holds no loader state.
// Bindings: fs.{internalModuleStat, readFileUtf8}.

const {
  JSONParse, ObjectPrototypeHasOwnProperty, SafeMap, StringPrototypeCharCodeAt,
  StringPrototypeEndsWith, StringPrototypeLastIndexOf, StringPrototypeSlice,
} = primordials;
const { internalModuleStat, readFileUtf8 } = internalBinding('fs');

const cache = new SafeMap();
const missing = { __proto__: null, exists: false };

function field(json, name) {
  return ObjectPrototypeHasOwnProperty(json, name) ? json[name] : undefined;
}

// read(dir): the package.json in `dir` (no trailing slash): { exists, dir, name, main,
// exports, imports, type }. A file that does not parse throws Node's
// "Error parsing <path>: <reason>" with err.path.
function read(dir) {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const file = dir + '/package.json';
  let result = missing;
  if (internalModuleStat(file) === 0) {
    let text = readFileUtf8(file);
    if (StringPrototypeCharCodeAt(text, 0) === 0xFEFF) text = StringPrototypeSlice(text, 1);
    let json;
    try {
      json = JSONParse(text);
    } catch (err) {
      err.path = file;
      err.message = `Error parsing ${file}: ${err.message}`;
      throw err;
    }
    if (json === null || typeof json !== 'object') json = { __proto__: null };
    const name = field(json, 'name');
    const main = field(json, 'main');
    const type = field(json, 'type');
    result = {
      __proto__: null,
      exists: true,
      dir,
      name: typeof name === 'string' ? name : undefined,
      main: typeof main === 'string' ? main : undefined,
      exports: field(json, 'exports'),
      imports: field(json, 'imports'),
      type: type === 'module' || type === 'commonjs' ? type : 'none',
    };
  }
  cache.set(dir, result);
  return result;
}

// The package scope of the file or folder `path` (absolute): the read() of the
// nearest package.json above it, or undefined. The search stops at a node_modules
// folder: a package without a package.json does not belong to the project around it.
function findScope(path) {
  let end = StringPrototypeLastIndexOf(path, '/');
  while (end > 0) {
    const dir = StringPrototypeSlice(path, 0, end);
    if (StringPrototypeEndsWith(dir, '/node_modules')) return undefined;
    const pkg = read(dir);
    if (pkg.exists) return pkg;
    end = StringPrototypeLastIndexOf(dir, '/');
  }
  const root = read('');
  return root.exists ? root : undefined;
}

module.exports = { read, findScope };
