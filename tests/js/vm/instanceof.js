// Every context has its own built-ins: values made in one are not instances of
// another's constructors, though they have the same shape.
'use strict';
const vm = require('vm');

const arr = vm.runInNewContext('[1, 2, 3]');
console.log(arr instanceof Array, Array.isArray(arr), arr.length);
const obj = vm.runInNewContext('({ x: 1 })');
console.log(obj instanceof Object, Object.getPrototypeOf(obj) === Object.prototype, obj.x);
const err = vm.runInNewContext('new TypeError("inner")');
console.log(err instanceof TypeError, err instanceof Error, err.name, err.message);
const fn = vm.runInNewContext('(function f() { return 1; })');
console.log(fn instanceof Function, typeof fn, fn());

// The same context keeps its built-ins between runs.
const ctx = vm.createContext({});
vm.runInContext('var A = Array', ctx);
console.log(vm.runInContext('A === Array && [] instanceof A', ctx));
console.log(vm.runInContext('Array', ctx) === Array, vm.runInThisContext('Array') === Array);

// A value passed in keeps its own prototypes inside the context.
const sandbox = vm.createContext({ outer: [1] });
console.log(vm.runInContext('outer instanceof Array', sandbox));

// Two new contexts do not share built-ins.
console.log(vm.runInNewContext('Object') === vm.runInNewContext('Object'));
