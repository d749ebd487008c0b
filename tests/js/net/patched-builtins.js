// net's own code does not go through built-ins a user replaced: an echo works with
// Array.prototype.push, Function.prototype.call/apply, String.prototype.split and
// Object.prototype accessors for get/set patched to throw; then again with the array
// iterator's next (array destructuring and spreads run it) and Buffer.from patched.
const net = require('net');

const boom = () => { throw new Error('patched built-in reached'); };
const saved = {
  push: Array.prototype.push, call: Function.prototype.call, apply: Function.prototype.apply,
  split: String.prototype.split,
};
function patch() {
  Array.prototype.push = boom;
  String.prototype.split = boom;
  Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
  Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
}
function unpatch() {
  Array.prototype.push = saved.push;
  String.prototype.split = saved.split;
  delete Object.prototype.get;
  delete Object.prototype.set;
}

patch();
const server = net.createServer((sock) => {
  sock.on('data', (d) => sock.write(d));
  sock.on('end', () => sock.end());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end('patched'));
  const got = [];
  c.on('data', (d) => { got[got.length] = d; });
  c.on('close', () => {
    server.close(() => {
      unpatch();
      console.log('echo with patched built-ins:', Buffer.concat(got).toString());
      iteratorAndBufferCase();
    });
  });
});

function iteratorAndBufferCase() {
  const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
  const before = { next: ArrayIteratorPrototype.next, from: Buffer.from };
  const payload = Buffer.from('iterator');
  ArrayIteratorPrototype.next = boom;
  Buffer.from = boom;
  const server = net.createServer({ allowHalfOpen: true }, (sock) => {
    sock.on('data', (d) => sock.write(d));
    sock.on('end', () => sock.end());
  });
  server.listen({ port: 0, host: '127.0.0.1' }, () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1' });
    c.write(payload);
    c.on('connect', () => c.end());
    const got = [];
    c.on('data', (d) => { got[got.length] = d; });
    c.on('close', () => {
      server.close(() => {
        ArrayIteratorPrototype.next = before.next;
        Buffer.from = before.from;
        console.log('echo with patched iterator and Buffer.from:', Buffer.concat(got).toString());
      });
    });
  });
}
