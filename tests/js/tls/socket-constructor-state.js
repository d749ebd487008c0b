// A new tls.TLSSocket's state before any connection, as node has it: connecting
// (readyState 'opening', pending) unless it wraps a connected socket or a plain
// Duplex; bufferSize 0, not undefined.
const tls = require('tls');
const net = require('net');
const stream = require('stream');

const show = (label, s) => console.log(label, s.connecting, s.readyState, s.pending, s.bufferSize,
  s.encrypted, s.authorized, s._secureEstablished, s.alpnProtocol, s.servername, s.destroyed);
show('null:', new tls.TLSSocket(null));
show('no argument:', new tls.TLSSocket());
show('unconnected net.Socket:', new tls.TLSSocket(new net.Socket()));
show('null, isServer:', new tls.TLSSocket(null, { isServer: true }));
show('PassThrough:', new tls.TLSSocket(new stream.PassThrough()));

const server = net.createServer((s) => s.destroy()).listen(0, '127.0.0.1', () => {
  const raw = net.connect(server.address().port, '127.0.0.1', () => {
    const t = new tls.TLSSocket(raw);
    t.on('error', () => {});
    show('connected net.Socket:', t);
    const raw2 = net.connect(server.address().port, '127.0.0.1');
    const t2 = new tls.TLSSocket(raw2);
    t2.on('error', () => {});
    show('connecting net.Socket:', t2);
    t2.on('connect', () => {
      show('after connect:', t2);
      t.destroy();
      t2.destroy();
      server.close();
    });
  });
});
