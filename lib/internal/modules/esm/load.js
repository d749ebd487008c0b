'use strict';
// What a resolved URL holds and how it is to be read: its format ('module',
// 'commonjs', 'json', 'builtin') and source text. For file: URLs the format comes
// from the extension and the package scope's "type" as Node 20 has it (.mjs and
// .cjs always; .js by "type", and without one by its syntax: a .js file that only
// parses as a module is one); data: URLs say it with their MIME type. Import
// attributes are checked here: JSON needs `type: 'json'`, nothing else may have it.

const {
  JSONParse, RegExpPrototypeExec, StringPrototypeCharCodeAt, StringPrototypeLastIndexOf,
  StringPrototypeIncludes, StringPrototypeSlice, StringPrototypeStartsWith, decodeURIComponent,
} = primordials;
const { readFileUtf8 } = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const { fileURLToPath, pathToFileURL } = require('internal/url');
const { findScope } = require('internal/modules/package_json_reader');
const codes = require('internal/modules/esm/errors');

// The SyntaxErrors V8 gives CommonJS code that is written as a module.
const moduleSyntaxErrors = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];
const awaitErrors = [
  'await is only valid in async functions and the top level bodies of modules',
  'Unexpected reserved word',
];

// Is this SyntaxError (from compiling `source` as CommonJS) one that says the code
// is a module? Top-level await counts when the code compiles as a module.
function isModuleSyntaxError(err, source) {
  const message = err?.message;
  for (let i = 0; i < moduleSyntaxErrors.length; i++) if (message === moduleSyntaxErrors[i]) return true;
  for (let i = 0; i < awaitErrors.length; i++) {
    if (message !== awaitErrors[i]) continue;
    try {
      internalBinding('module_wrap').compileModule(source, 'file:///[detect]');
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

// Does `source` (of a file with no "type" to go by) have to be a module?
function containsModuleSyntax(source, filename) {
  try {
    compileFunction(source, filename, ['exports', 'require', 'module', '__filename', '__dirname']);
    return false;
  } catch (err) {
    if (!isModuleSyntaxError(err, source)) return false;
    warnTypeless(filename);
    return true;
  }
}

// A file taken for a module by its syntax, in a package whose package.json could
// have said so: Node's warning (not for files under node_modules).
function warnTypeless(filename) {
  const scope = findScope(filename);
  if (scope === undefined || StringPrototypeIncludes(filename, '/node_modules/')) return;
  process.emitWarning(
    `Module type of ${pathToFileURL(filename).href} is not specified and it doesn't parse as CommonJS.\n` +
    'Reparsing as ES module because module syntax was detected. This incurs a performance overhead.\n' +
    `To eliminate this warning, add "type": "module" to ${scope.dir}/package.json.`,
    { __proto__: null, code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

function extensionOf(path) {
  const slash = StringPrototypeLastIndexOf(path, '/');
  const dot = StringPrototypeLastIndexOf(path, '.');
  return dot > slash + 1 ? StringPrototypeSlice(path, dot) : '';
}

function stripBOM(s) {
  return StringPrototypeCharCodeAt(s, 0) === 0xFEFF ? StringPrototypeSlice(s, 1) : s;
}

const dataURL = /^([^/]+\/[^;,]+)(?:[^,]*?)(;base64)?,([\s\S]*)$/;

function loadData(url) {
  const match = RegExpPrototypeExec(dataURL, StringPrototypeSlice(url, 5));
  if (match === null) throw new codes.ERR_INVALID_URL(url);
  const mime = match[1];
  const body = match[2] ? require('buffer').Buffer.from(match[3], 'base64').toString('utf8') :
    decodeURIComponent(match[3]);
  let format;
  if (mime === 'text/javascript') format = 'module';
  else if (mime === 'application/json') format = 'json';
  else throw new codes.ERR_UNKNOWN_MODULE_FORMAT(mime, url);
  return { __proto__: null, format, source: body, filename: undefined };
}

// The format of a file by its extension and package scope.
function fileFormat(path, url) {
  const ext = extensionOf(path);
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  const scope = findScope(path);
  const type = scope?.type ?? 'none';
  if (ext === '.js' || ext === '') {
    if (type === 'module') return 'module';
    if (type === 'commonjs') return 'commonjs';
    return 'detect';
  }
  throw new codes.ERR_UNKNOWN_FILE_EXTENSION(ext, path);
}

// load(url, type) -> { format, source, filename }: `type` is the import's type
// attribute (undefined without one).
function load(url, type) {
  let result;
  if (StringPrototypeStartsWith(url, 'node:')) {
    result = { __proto__: null, format: 'builtin', source: undefined, filename: undefined };
  } else if (StringPrototypeStartsWith(url, 'data:')) {
    result = loadData(url);
  } else {
    const filename = fileURLToPath(url);
    let format = fileFormat(filename, url);
    const source = readFileUtf8(filename);
    if (format === 'detect') format = containsModuleSyntax(source, filename) ? 'module' : 'commonjs';
    result = { __proto__: null, format, source, filename };
  }
  checkAttributes(url, result.format, type);
  return result;
}

function checkAttributes(url, format, type) {
  if (type !== undefined && type !== 'json') throw new codes.ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  if (format === 'json' && type !== 'json') throw new codes.ERR_IMPORT_ASSERTION_TYPE_MISSING(url, 'json');
  if (format !== 'json' && type === 'json') throw new codes.ERR_IMPORT_ASSERTION_TYPE_FAILED(url, 'json');
}

// A JSON module's value; a parse error names the file, as Node's does.
function parseJSON(source, url, filename) {
  try {
    return JSONParse(stripBOM(source));
  } catch (err) {
    err.message = `${filename ?? url}: ${err.message}`;
    throw err;
  }
}

module.exports = { load, checkAttributes, parseJSON, containsModuleSyntax, isModuleSyntaxError, warnTypeless };
