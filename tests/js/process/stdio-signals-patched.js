// stdin: patched world\n
// Signals and stdio keep working after user code replaced built-in methods their
// lib/ code could have used (array, string, map and promise methods, and
// Object.prototype accessors): lib/ holds primordials captured at start-up.
'use strict';
// Made before the patches: loading modules is not what this test is about.
process.stdin;
process.stdout;
require('tty');

function boom(label) {
  return function patched() { throw new Error(`patched ${label} was called`); };
}
function patch(obj, key) {
  Object.defineProperty(obj, key, {
    __proto__: null, value: boom(key), writable: true, configurable: true,
  });
}
for (const key of ['push', 'shift', 'slice', 'map', 'indexOf', 'includes', 'forEach', 'join']) {
  patch(Array.prototype, key);
}
for (const key of ['split', 'startsWith', 'endsWith', 'indexOf', 'slice', 'trim']) {
  patch(String.prototype, key);
}
for (const key of ['get', 'set', 'has', 'delete']) patch(Map.prototype, key);
patch(Promise.prototype, 'then');
patch(Buffer, 'from');
patch(Buffer, 'concat');
Object.defineProperty(Object.prototype, 'get', {
  __proto__: null, get: boom('Object.prototype.get getter'), configurable: true,
});
Object.defineProperty(Object.prototype, 'set', {
  __proto__: null, get: boom('Object.prototype.set getter'), configurable: true,
});

const out = [];
const handler = (name, number) => { out[out.length] = `${name} ${number}`; };
process.on('SIGUSR2', handler);
process.kill(process.pid, 'SIGUSR2');
process.stdin.on('data', (chunk) => {
  out[out.length] = `stdin ${chunk.length} bytes`;
});
process.stdin.on('end', () => {
  setTimeout(() => {
    process.off('SIGUSR2', handler);
    delete Object.prototype.get;
    delete Object.prototype.set;
    let line = '';
    out.sort(); // the signal and the data may come in either order
    for (let i = 0; i < out.length; i++) line += `${i ? ', ' : ''}${out[i]}`;
    process.stdout.write(`${line}\n`);
    process.stdout.write(Buffer.alloc(3, 0x61));
    process.stdout.write('\n');
  }, 20);
});
