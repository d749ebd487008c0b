'use strict';
// The ES module loader: the module map (one record per URL), loading a module
// graph, linking it and running it. A graph is loaded depth-first from its root:
// each module is read and translated (translators.js), its static imports are
// resolved (resolve.js) and loaded in turn, and what each resolved to is recorded
// with the binding before V8 instantiates the root. Evaluation gives a promise
// (top-level await); the entry point's keeps the process's exit code at 13 while it
// is unsettled. import() from any code, import.meta, and require() of an ES module
// (a graph without top-level await only, as Node 20) come through here.
// Binding: module_wrap.

const {
  ArrayPrototypePush, ObjectDefineProperty, PromisePrototypeThen, PromiseReject, PromiseResolve, ReflectGet,
  ReflectGetOwnPropertyDescriptor, ReflectOwnKeys, RegExpPrototypeExec, SafeMap, StringPrototypeCharCodeAt,
  StringPrototypeSplit, StringPrototypeStartsWith,
} = primordials;
// primordials has Proxy's statics only; captured when the loader first loads.
const { Proxy } = globalThis;
const binding = internalBinding('module_wrap');
const { getPromiseDetails } = internalBinding('util');
const { pathToFileURL, fileURLToPath } = require('internal/url');
const path = require('path');
const { resolve, resolveForMeta } = require('internal/modules/esm/resolve');
const { load } = require('internal/modules/esm/load');
const { translate } = require('internal/modules/esm/translators');
const codes = require('internal/modules/esm/errors');
const { regExpReplace } = require('internal/util/regexp');

// url -> { url, id, format, filename, type }
const moduleMap = new SafeMap();
// id -> record, for import.meta.
const byId = [];

function addRecord(url, type, isMain) {
  const loaded = load(url, type);
  const id = translate(url, loaded, isMain);
  const record = { __proto__: null, url, id, format: loaded.format, filename: loaded.filename };
  moduleMap.set(url, record);
  byId[id] = record;
  return record;
}

function getRecord(url, type, isMain = false) {
  const record = moduleMap.get(url);
  if (record === undefined) return addRecord(url, type, isMain);
  require('internal/modules/esm/load').checkAttributes(url, record.format, type);
  return record;
}

// Loads `url` and everything it imports, recording each module's links. Work is
// a stack, not recursion, so a deep graph cannot overflow the JS stack.
function loadGraph(url, type, isMain = false) {
  const root = getRecord(url, type, isMain);
  const pending = [root];
  const visited = new SafeMap();
  visited.set(root.id, true);
  while (pending.length > 0) {
    const record = pending[pending.length - 1];
    pending.length--;
    if (record.format !== 'module' || record.linked) continue;
    const requests = binding.getRequests(record.id);
    const specifiers = [];
    const ids = [];
    const children = new SafeMap();
    for (let i = 0; i < requests.length; i += 2) {
      const specifier = requests[i];
      const childURL = resolve(specifier, record.url);
      const child = getRecord(childURL, requests[i + 1]);
      ArrayPrototypePush(specifiers, specifier);
      ArrayPrototypePush(ids, child.id);
      children.set(specifier, child);
      if (!visited.has(child.id)) {
        visited.set(child.id, true);
        ArrayPrototypePush(pending, child);
      }
    }
    binding.link(record.id, specifiers, ids);
    record.linked = true;
    record.children = children;
  }
  try {
    binding.instantiate(root.id);
  } catch (err) {
    explainCommonJSNamedExport(err);
    throw err;
  }
  return root;
}

// V8's "does not provide an export named" for a CommonJS module becomes Node's
// message, which says why and how to import the name through the default export.
const missingExport = /^The requested module '(.*)' does not provide an export named '(.*)'$/;
function explainCommonJSNamedExport(err) {
  const match = err?.name === 'SyntaxError' ? RegExpPrototypeExec(missingExport, err.message) : null;
  if (match === null) return;
  const specifier = match[1];
  let isCommonJS = false;
  for (const record of moduleMap.values()) {
    if (record.children?.get(specifier)?.format === 'commonjs') isCommonJS = true;
  }
  if (!isCommonJS) return;
  const arrow = internalBinding('errors').getArrowMessage(err) ?? '';
  const sourceLine = StringPrototypeSplit(arrow, '\n')[1] ?? '';
  const named = RegExpPrototypeExec(/{.*}/, sourceLine);
  const destructuring = named === null ? '' :
    `const ${regExpReplace(named[0], /\s+as\s+/g, ': ')} = pkg;\n`;
  err.message = `Named export '${match[2]}' not found. The requested module '${specifier}' is a CommonJS ` +
    'module, which may not support all module.exports as named exports.\nCommonJS modules can always be ' +
    `imported via the default export, for example using:\n\nimport pkg from '${specifier}';\n${destructuring}`;
}

// The promise of the graph's evaluation, settled with its namespace.
function evaluateToNamespace(record) {
  const promise = binding.evaluate(record.id);
  return PromisePrototypeThen(promise, () => binding.getNamespace(record.id));
}

// import(specifier) from the module or script named `referrer` (a URL, a file
// path, or a name such as '[eval]' standing for the current folder).
function importModuleDynamically(specifier, referrer, type) {
  try {
    const parentURL = parentURLOf(referrer);
    return evaluateToNamespace(loadGraph(resolve(`${specifier}`, parentURL), type));
  } catch (err) {
    return PromiseReject(err);
  }
}

function parentURLOf(referrer) {
  if (typeof referrer !== 'string' || referrer === '') return pathToFileURL(process.cwd() + '/').href;
  if (StringPrototypeStartsWith(referrer, 'file:') || StringPrototypeStartsWith(referrer, 'data:')) return referrer;
  if (StringPrototypeCharCodeAt(referrer, 0) === 0x2F) return pathToFileURL(referrer).href;
  return pathToFileURL(path.join(process.cwd(), referrer)).href;
}

// import.meta: dirname and filename (file: modules only), resolve and url, in
// Node's order.
function initializeImportMeta(meta, id) {
  const record = byId[id];
  if (record === undefined) return;
  const url = record.url;
  if (StringPrototypeStartsWith(url, 'file:')) {
    const filename = fileURLToPath(url);
    meta.dirname = path.dirname(filename);
    meta.filename = filename;
  }
  meta.resolve = function resolve(specifier) {
    return resolveForMeta(specifier, url);
  };
  meta.url = url;
}

// Runs the program's entry point as a module: an uncaught throw from it is an
// uncaught exception; if its top-level await never settles, the process ends with
// code 13 once nothing else is left to do.
function runEntryPoint(url) {
  runGraph(loadGraph(url, undefined, true));
}

function runGraph(record) {
  const promise = binding.evaluate(record.id);
  let settled = false;
  const onExit = () => {
    if (!settled) process.exitCode ??= 13;
  };
  process.prependListener('exit', onExit);
  PromisePrototypeThen(promise, () => {
    settled = true;
    process.removeListener('exit', onExit);
  }, (err) => {
    settled = true;
    process.removeListener('exit', onExit);
    uncaught(err);
  });
}

// A module's rejection as an uncaught exception. It was never thrown through a
// TryCatch: an Error's arrow is where it was made, when that is the program's code.
function uncaught(err) {
  let thrownAt = internalBinding('errors').getArrowMessage(err, true);
  if (StringPrototypeStartsWith(thrownAt, 'node:')) thrownAt = '';
  require('internal/process/execution').triggerUncaughtException(err, false, thrownAt);
}

function runMainFile(filename) {
  runEntryPoint(pathToFileURL(filename).href);
}

// --import: each module imported in turn from the current folder, then `then`; a
// failure is an uncaught exception and the program does not run.
function importInOrder(specifiers, then) {
  const parentURL = pathToFileURL(process.cwd() + '/').href;
  let chain = PromiseResolve();
  for (let i = 0; i < specifiers.length; i++) {
    chain = PromisePrototypeThen(chain, () => evaluateToNamespace(loadGraph(resolve(specifiers[i], parentURL))));
  }
  PromisePrototypeThen(chain, then, uncaught);
}

// --input-type=module code from -e or stdin, named as a file in the current folder.
let evalCount = 0;
function evalModule(source) {
  const url = pathToFileURL(process.cwd() + '/').href + `[eval${++evalCount}]`;
  const id = binding.compileModule(source, url);
  const record = { __proto__: null, url, id, format: 'module', filename: undefined };
  moduleMap.set(url, record);
  byId[id] = record;
  runGraph(loadGraph(url, undefined, true));
}

// require() of an ES module: its namespace, once the graph has run. A graph with
// top-level await cannot be run synchronously and throws, as Node 20 does.
function requireModule(filename, parentFilename) {
  const url = pathToFileURL(filename).href;
  const record = loadGraph(url, undefined);
  if (binding.isGraphAsync(record.id)) {
    throw new codes.ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
  }
  const status = binding.getStatus(record.id);
  if (status === binding.kEvaluating) throw new codes.ERR_REQUIRE_CYCLE_MODULE(url);
  const promise = binding.evaluate(record.id);
  const details = getPromiseDetails(promise);
  if (details[0] === 2) {
    // Handled here: the error is thrown to the require() caller.
    PromisePrototypeThen(promise, undefined, () => {});
    throw details[1];
  }
  return withEsModuleFlag(binding.getNamespace(record.id));
}

// A namespace with a default export and no __esModule export reads as one with
// __esModule: true, so transpiled CommonJS takes its default as the default. A
// namespace cannot take a new key, so the proxy stands on a copy of its keys and
// reads every value live from the namespace.
function withEsModuleFlag(namespace) {
  if (!('default' in namespace) || '__esModule' in namespace) return namespace;
  const keys = ReflectOwnKeys(namespace);
  const shape = { __proto__: null, __esModule: true };
  for (let i = 0; i < keys.length; i++) {
    let value;
    try {
      value = namespace[keys[i]];
    } catch {
      // Not yet initialized (a cycle): read live through the proxy later.
    }
    ObjectDefineProperty(shape, keys[i], {
      __proto__: null, value, writable: true, enumerable: typeof keys[i] === 'string', configurable: true,
    });
  }
  return new Proxy(shape, {
    __proto__: null,
    get(target, prop) {
      return prop === '__esModule' ? true : ReflectGet(namespace, prop);
    },
    getOwnPropertyDescriptor(target, prop) {
      if (prop === '__esModule') {
        return { __proto__: null, value: true, writable: true, enumerable: true, configurable: true };
      }
      const desc = ReflectGetOwnPropertyDescriptor(namespace, prop);
      if (desc !== undefined) desc.configurable = true;
      return desc;
    },
    set() {
      return false;
    },
    defineProperty() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}

module.exports = {
  evalModule, importInOrder, importModuleDynamically, initializeImportMeta, requireModule, runEntryPoint,
  runMainFile,
};
