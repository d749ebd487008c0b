// codeGeneration: { strings: false } makes eval and new Function throw EvalError
// in that context only; { wasm: false } refuses WebAssembly compilation.
'use strict';
const vm = require('vm');

const noStrings = vm.createContext({}, { codeGeneration: { strings: false } });
for (const code of ['eval("1 + 1")', 'new Function("return 1")()', 'Function("return 2")()']) {
  try {
    console.log(vm.runInContext(code, noStrings));
  } catch (e) {
    console.log(e.name, e.message, e instanceof EvalError);
  }
}
console.log(eval('1 + 1'), vm.runInNewContext('eval("3")'));

// A module with no imports or functions: the 8-byte header.
const wasmBytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
const noWasm = vm.createContext({ wasmBytes }, { codeGeneration: { wasm: false } });
try {
  vm.runInContext('new WebAssembly.Module(wasmBytes)', noWasm);
  console.log('compiled');
} catch (e) {
  console.log(e.name, e.message);
}
console.log(vm.runInNewContext('new WebAssembly.Module(wasmBytes) instanceof WebAssembly.Module',
                               { wasmBytes }));

// runInNewContext takes the same through contextCodeGeneration.
try {
  vm.runInNewContext('eval("1")', {}, { contextCodeGeneration: { strings: false } });
} catch (e) {
  console.log(e.name);
}
