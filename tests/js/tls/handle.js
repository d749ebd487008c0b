// TLSSocket's `_handle`, as programs and libraries read it: set from the start
// (even before connecting) and the same object while the socket is open, null
// once it is destroyed; its getters answer as the socket does (certificate,
// cipher, protocol, session, verifyError, servername), writeQueueSize counts
// bytes written and not yet handed on (none once the write's callback ran), and a
// server's handshakes count is 0
// (renegotiation is off).
'use strict';
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

const fresh = new tls.TLSSocket(new net.Socket());
console.log('fresh socket has a handle', fresh._handle !== null && typeof fresh._handle === 'object');
fresh.destroy();
console.log('destroyed', fresh._handle);

const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem') }, (s) => {
  console.log('server: handle', s._handle !== null, 'handshakes', s._handle.handshakes);
  s.on('data', () => s.end('bye'));
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, ca: fx('ca-cert.pem'), servername: 'localhost' });
  console.log('client: handle before connecting', c._handle !== null);
  c.on('secureConnect', () => {
    const h = c._handle;
    assert.strictEqual(h, c._handle);
    assert.strictEqual(h.getCipher().name, c.getCipher().name);
    assert.deepStrictEqual(h.getPeerCertificate(true).raw, c.getPeerCertificate(true).raw);
    assert.deepStrictEqual(h.getSession(), c.getSession());
    console.log('client:', h.getProtocol(), h.getPeerCertificate().subject.CN, h.verifyError(),
                h.isSessionReused(), h.getServername(), h.handshakes);
    c.write('hello', () => console.log('client: queue after the write', c._handle.writeQueueSize));
    // Right after write() the bytes may or may not have reached the kernel yet.
    console.log('client: queue right after write() is a count', Number.isInteger(c._handle.writeQueueSize));
  });
  c.resume();
  c.on('end', () => server.close());
  c.on('close', () => console.log('client: closed, handle', c._handle));
});
