'use strict';
// The `console` module: the global console (bound to process.stdout and
// process.stderr, resolved on first use) with `console.Console` for new ones.
//
// internalBinding functions used: none directly (see internal/console/*).

const {
  FunctionPrototypeBind, FunctionPrototypeSymbolHasInstance, ObjectDefineProperty,
  ReflectDefineProperty, ReflectGetOwnPropertyDescriptor, ReflectOwnKeys, SymbolHasInstance,
} = primordials;
const { Console, kBindStreamsLazy, kBindProperties } = require('internal/console/constructor');

const globalConsole = { __proto__: {} };

{
  const props = ReflectOwnKeys(Console.prototype);
  for (let i = 0; i < props.length; i++) {
    const prop = props[i];
    if (prop === 'constructor') continue;
    const desc = { __proto__: null, ...ReflectGetOwnPropertyDescriptor(Console.prototype, prop) };
    if (typeof desc.value === 'function') {
      desc.value = FunctionPrototypeBind(desc.value, globalConsole);
      ReflectDefineProperty(desc.value, 'name', { __proto__: null, value: prop });
    }
    ReflectDefineProperty(globalConsole, prop, desc);
  }
}

globalConsole[kBindProperties](true, 'auto');

// `console instanceof Console` holds for the global console, as in Node.
ObjectDefineProperty(Console, SymbolHasInstance, {
  __proto__: null,
  value(instance) { return instance === globalConsole || FunctionPrototypeSymbolHasInstance(Console, instance); },
  configurable: true,
});

globalConsole.Console = Console;
// Inspector-only methods: coil has no inspector, so they do nothing.
globalConsole.profile = function profile() {};
globalConsole.profileEnd = function profileEnd() {};
globalConsole.timeStamp = function timeStamp() {};
globalConsole.context = function context() { return new Console(process.stdout, process.stderr); };
globalConsole.createTask = function createTask() { return { run: (fn) => fn() }; };

globalConsole[kBindStreamsLazy](process);

module.exports = globalConsole;
