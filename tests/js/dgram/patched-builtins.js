// dgram's own code does not go through built-ins a user replaced: bind, send (a
// string, an array of buffers, a connected send), 'message', address(), close
// all work with Array.prototype.push, String.prototype.split and
// Object.prototype get/set accessors patched to throw. (Function.prototype.call
// and the array iterator are left alone: node's own code reaches them.)
const dgram = require('dgram');

const boom = () => { throw new Error('patched built-in reached'); };
const saved = {
  push: Array.prototype.push,
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

const log = [];
patch();
const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
let got = 0;
server.on('message', (msg, rinfo) => {
  log[log.length] = `message ${msg} ${rinfo.size}`;
  if (++got === 3) {
    client.close();
    server.close(() => {
      unpatch();
      console.log(log.join('\n'));
      console.log('done');
    });
  }
});
server.bind(0, '127.0.0.1', () => {
  const { port } = server.address();
  client.send('one', port, '127.0.0.1', (err, n) => {
    log[log.length] = `sent ${err} ${n}`;
    client.send([Buffer.from('t'), 'wo'], port, '127.0.0.1', () => {
      client.connect(port, '127.0.0.1', () => {
        client.send('three');
      });
    });
  });
});
