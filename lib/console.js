'use strict';
// The `console` module: the global console (bound to process.stdout and
// process.stderr, resolved on first use) with `console.Console` for new ones.
//
// internalBinding functions used: none directly (see internal/console/*).

const { Console, kBindStreamsLazy, kBindProperties } = require('internal/console/constructor');

const globalConsole = { __proto__: {} };

for (const prop of Reflect.ownKeys(Console.prototype)) {
  if (prop === 'constructor') continue;
  const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, prop);
  if (typeof desc.value === 'function') {
    desc.value = desc.value.bind(globalConsole);
    Reflect.defineProperty(desc.value, 'name', { value: prop });
  }
  Reflect.defineProperty(globalConsole, prop, desc);
}

globalConsole[kBindProperties](true, 'auto');

// `console instanceof Console` holds for the global console, as in Node.
Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) { return instance === globalConsole || Function.prototype[Symbol.hasInstance].call(Console, instance); },
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
