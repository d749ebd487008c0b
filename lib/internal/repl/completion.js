'use strict';
// The REPL's tab completion: dot-commands, built-in module names inside
// require('...'), names of the global scope and JavaScript's keywords, and the
// properties of an expression (`process.ver` -> process.version, process.versions).
// callback(null, [candidates, textCompleted]), candidates grouped by where they
// come from ('' between groups when there are several).

const vm = require('vm');
const {
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSort,
  ObjectGetOwnPropertyNames,
  ObjectGetPrototypeOf,
  ObjectKeys,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const KEYWORDS = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue',
  'debugger', 'default', 'delete', 'do', 'else', 'export', 'false', 'finally',
  'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null',
  'return', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'yield',
];
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// The names an object answers to, nearest first, one group per prototype.
function propertyGroups(value) {
  const groups = [];
  const seen = new SafeSet();
  let object = value;
  if (object === null || object === undefined) return groups;
  if (typeof object !== 'object' && typeof object !== 'function') {
    object = ObjectGetPrototypeOf(object);
  }
  for (let depth = 0; object !== null && depth < 20; depth++) {
    let names;
    try {
      names = ObjectGetOwnPropertyNames(object);
    } catch {
      break;
    }
    const group = [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (seen.has(name) || RegExpPrototypeExec(IDENTIFIER, name) === null) continue;
      seen.add(name);
      ArrayPrototypePush(group, name);
    }
    if (group.length > 0) ArrayPrototypePush(groups, ArrayPrototypeSort(group));
    object = ObjectGetPrototypeOf(object);
  }
  return groups;
}

function evaluate(server, expression) {
  const options = { __proto__: null, displayErrors: false };
  if (server.useGlobal || server.context === globalThis) return vm.runInThisContext(expression, options);
  return vm.runInContext(expression, server.context, options);
}

// Groups filtered by `filter`, flattened with '' between non-empty groups.
function finish(groups, filter, prefix, completeOn, callback) {
  const out = [];
  const seen = new SafeSet();
  for (let g = 0; g < groups.length; g++) {
    const kept = [];
    for (let i = 0; i < groups[g].length; i++) {
      const name = groups[g][i];
      if (!StringPrototypeStartsWith(name, filter) || seen.has(name)) continue;
      seen.add(name);
      ArrayPrototypePush(kept, prefix + name);
    }
    if (kept.length === 0) continue;
    if (out.length > 0) ArrayPrototypePush(out, '');
    for (let i = 0; i < kept.length; i++) ArrayPrototypePush(out, kept[i]);
  }
  callback(null, [out, completeOn]);
}

function complete(line, callback) {
  const server = this;
  // .he -> help
  const command = RegExpPrototypeExec(/^\s*\.(\w*)$/, line);
  if (command !== null) {
    const names = ArrayPrototypeSort(ObjectKeys(server.commands));
    finish([names], command[1], '', command[1], callback);
    return;
  }
  const required = RegExpPrototypeExec(/\brequire\s*\(\s*['"`]([\w@./-]*)$/, line);
  if (required !== null) {
    const { builtinModules } = require('module');
    const names = ArrayPrototypeFilter(builtinModules, (n) => n[0] !== '_');
    finish([names], required[1], '', required[1], callback);
    return;
  }
  const match = RegExpPrototypeExec(/(?:^|[^\w$.])((?:[A-Za-z_$][\w$]*\??\.)*)([A-Za-z_$][\w$]*)?$/, line);
  if (match === null) {
    callback(null, [[], line]);
    return;
  }
  const chain = match[1];
  const filter = match[2] ?? '';
  if (chain === '') {
    let globals = [];
    try {
      globals = propertyGroups(evaluate(server, 'globalThis'));
    } catch {
      // A context that cannot be read offers keywords only.
    }
    const scope = [];
    for (let i = 0; i < globals.length; i++) {
      for (let j = 0; j < globals[i].length; j++) ArrayPrototypePush(scope, globals[i][j]);
    }
    const { builtinModules } = require('module');
    for (let i = 0; i < builtinModules.length; i++) {
      const name = builtinModules[i];
      if (RegExpPrototypeExec(IDENTIFIER, name) !== null && name[0] !== '_' &&
          !ArrayPrototypeIncludes(scope, name)) ArrayPrototypePush(scope, name);
    }
    finish([ArrayPrototypeSort(scope), KEYWORDS], filter, '', filter, callback);
    return;
  }
  // `a.b.` -> the properties of a.b. Only plain name chains are evaluated, so a
  // completion never calls a function the user wrote.
  const expression = StringPrototypeSlice(chain, 0, chain[chain.length - 2] === '?' ? -2 : -1);
  let value;
  try {
    value = evaluate(server, expression);
  } catch {
    callback(null, [[], chain + filter]);
    return;
  }
  finish(propertyGroups(value), filter, chain, chain + filter, callback);
}

module.exports = { complete };
