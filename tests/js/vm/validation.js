// vm's argument and option checks give Node's errors.
'use strict';
const vm = require('vm');

function check(what, fn) {
  try {
    fn();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
}

check('script options number', () => new vm.Script('', 42));
check('lineOffset string', () => new vm.Script('', { lineOffset: '1' }));
check('columnOffset fraction', () => new vm.Script('', { columnOffset: 0.5 }));
check('lineOffset too big', () => new vm.Script('', { lineOffset: 2 ** 32 }));
check('filename', () => new vm.Script('', { filename: 1 }));
check('produceCachedData', () => new vm.Script('', { produceCachedData: 1 }));
check('cachedData', () => new vm.Script('', { cachedData: 'x' }));
check('importModuleDynamically', () => new vm.Script('', { importModuleDynamically: 1 }));
const script = new vm.Script('1');
check('run options null', () => script.runInThisContext(null));
check('timeout 0', () => script.runInThisContext({ timeout: 0 }));
check('timeout -1', () => script.runInThisContext({ timeout: -1 }));
check('timeout string', () => script.runInThisContext({ timeout: '1' }));
check('displayErrors', () => script.runInThisContext({ displayErrors: 1 }));
check('breakOnSigint', () => script.runInThisContext({ breakOnSigint: 'yes' }));
check('breakOnSigint true', () => script.runInThisContext({ breakOnSigint: true }));
check('runInContext plain object', () => script.runInContext({}));
check('runInContext undefined', () => script.runInContext());
check('runInContext string', () => vm.runInContext('1', 'ctx'));
check('createContext string', () => vm.createContext('s'));
check('createContext options null', () => vm.createContext({}, null));
check('createContext name', () => vm.createContext({}, { name: 1 }));
check('createContext codeGeneration', () => vm.createContext({}, { codeGeneration: 1 }));
check('codeGeneration.strings', () => vm.createContext({}, { codeGeneration: { strings: 1 } }));
check('microtaskMode', () => vm.createContext({}, { microtaskMode: 'sometimes' }));
check('contextName', () => vm.runInNewContext('', {}, { contextName: null }));
check('isContext number', () => vm.isContext(1));

// isContext and createContext's identity.
const sandbox = {};
console.log(vm.isContext(sandbox), vm.createContext(sandbox) === sandbox, vm.isContext(sandbox));
console.log(vm.createContext(sandbox) === sandbox, vm.isContext([]), vm.isContext(vm.createContext([])));
const made = vm.createContext();
console.log(vm.isContext(made), Object.keys(made).length);
console.log(typeof vm.Script, typeof vm.createScript, typeof vm.measureMemory,
            vm.createScript('1') instanceof vm.Script);
