// stdin: one\ntwo\n
// Under the test harness stdin, stdout and stderr are pipes: each is a net.Socket
// over the fd, as in node (stdout write-only, stdin read-only); stdin's data
// arrives through the loop and ends; destroying stdout leaves it usable.
'use strict';
const net = require('net');
const { Readable, Writable } = require('stream');

for (const name of ['stdin', 'stdout', 'stderr']) {
  const s = process[name];
  console.log(name, s instanceof net.Socket, s instanceof Readable, s instanceof Writable,
    s.fd, s.readable, s.writable, s._type, s.isTTY, s._handle.constructor.name, s._handle.fd);
}
console.log('stdin paused at start', process.stdin.isPaused(), process.stdin.readableFlowing);

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', () => {
  console.log('stdin said', JSON.stringify(text));
  // stdout survives destroy(): 'close' comes, and writing still works.
  process.stdout.once('close', () => {
    console.log('after destroy', process.stdout.destroyed, process.stdout.writable);
  });
  process.stdout.destroy();
});
// A write's callback runs after the bytes went out; write() returns true.
console.log('write returned', process.stdout.write('direct\n', () => console.log('write cb')));
