// net.Server extras: with events.captureRejections, a rejected async 'connection'
// listener destroys that connection with the error; Symbol.asyncDispose closes the
// server (and resolves when it is already closed); net._setSimultaneousAccepts is a
// deprecated no-op that warns once.
const net = require('net');
const events = require('events');

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
net._setSimultaneousAccepts();
net._setSimultaneousAccepts();

events.captureRejections = true;
const kaboom = new Error('kaboom');
const server = net.createServer(async (sock) => {
  server.close();
  sock.on('error', (err) => console.log('connection error is the rejection', err === kaboom));
  throw kaboom;
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('error', () => {});
  c.on('close', () => {
    console.log('client closed');
    events.captureRejections = false;
    dispose();
  });
});

function dispose() {
  const s = net.createServer();
  s.on('close', () => console.log('close event'));
  s.listen(0, '127.0.0.1', async () => {
    await s[Symbol.asyncDispose]();
    console.log('disposed, address', s.address());
    await s[Symbol.asyncDispose]();
    console.log('disposed again');
  });
}
