// The global console on stdout: log/info/debug/dirxml formatting, dir, groups,
// count, table; bound methods; the Console class writing to custom streams.
'use strict';
const { Console } = require('console');
const EventEmitter = require('events');

console.log('hello %s, %d items', 'world', 3, { extra: true });
console.info('info', [1, 2]);
console.debug('debug');
console.dirxml('dirxml', null);
console.dir({ a: { b: { c: { d: 1 } } } });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'ignored'; } });
console.log();
console.log('%c styled', 'color: red');

console.group('Group 1');
console.log('inside\ntwo lines');
console.group();
console.info({ nested: [1, 2, 3] });
console.groupEnd();
console.groupCollapsed('collapsed');
console.log('deep');
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log('outside');

console.count();
console.count();
console.count('x');
console.count(undefined);
console.countReset();
console.count();

const { log, info } = console;
log('bound log', log.name, info.name);
console.log(console.log.name, typeof console.Console, console.Console === Console);
console.log(console instanceof Console, require('console') === console);
console.log(Object.keys(Console.prototype).join(' '));

function sink() {
  const chunks = [];
  const stream = Object.assign(new EventEmitter(), { write(s) { chunks.push(s); return true; } });
  return { stream, chunks };
}
const out = sink();
const err = sink();
const c = new Console(out.stream, err.stream);
c.log('a', { b: 1 });
c.error('e');
c.warn('w');
c.group('g');
c.warn('x\ny');
c.groupEnd();
c.dir([1, [2, [3, [4]]]], { depth: 1 });
c.assert(true, 'not shown');
c.assert(false);
c.assert(false, 'msg %s', 'x');
c.assert(false, { a: 1 });
c.table([{ x: 1 }]);
console.log(JSON.stringify(out.chunks));
console.log(JSON.stringify(err.chunks));

const o2 = sink();
const c2 = new Console({ stdout: o2.stream, groupIndentation: 4, inspectOptions: { compact: false } });
c2.group('four');
c2.log({ a: 1 });
c2.error('stderr defaults to stdout');
const c3 = Console(o2.stream);
c3.log('called without new', c3 instanceof Console);
const o3 = sink();
new Console({ stdout: o3.stream, colorMode: true }).log(1, 'a', [null]);
new Console({ stdout: o3.stream, colorMode: false }).log(1, 'a', [null]);
console.log(JSON.stringify(o2.chunks));
console.log(JSON.stringify(o3.chunks));

const tr = sink();
new Console(tr.stream).trace('hello %s', 'x');
const lines = tr.chunks[0].split('\n');
console.log(lines[0], lines[1].startsWith('    at '));

for (const bad of [[undefined], [{}], [{ stdout: out.stream, stderr: 1 }],
  [{ stdout: out.stream, colorMode: 'x' }], [{ stdout: out.stream, groupIndentation: -1 }],
  [{ stdout: out.stream, groupIndentation: 1.5 }], [{ stdout: out.stream, inspectOptions: 1 }],
  [{ stdout: out.stream, inspectOptions: { colors: true }, colorMode: true }]]) {
  try {
    new Console(...bad);
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  console.table([], 1);
} catch (e) {
  console.log(e.code, e.message);
}
