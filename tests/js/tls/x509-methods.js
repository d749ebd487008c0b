// getPeerX509Certificate() and getX509Certificate(): the peer's and our own
// certificate as X509Certificate objects on both ends; undefined where there is
// none (a client that sent no certificate, a client with no certificate of its own).
'use strict';
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { X509Certificate } = require('crypto');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem') }, (s) => {
  const own = s.getX509Certificate();
  console.log('server own:', own instanceof X509Certificate, own.subject.replace(/\n/g, ', '));
  console.log('server peer:', s.getPeerX509Certificate());
  s.end();
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: fx('ca-cert.pem') }, () => {
    const peer = c.getPeerX509Certificate();
    console.log('client peer:', peer instanceof X509Certificate, peer.subject.replace(/\n/g, ', '));
    console.log('same as the file:', peer.fingerprint256 === new X509Certificate(fx('server-cert.pem')).fingerprint256);
    console.log('client own:', c.getX509Certificate());
    c.resume();
    c.on('end', () => server.close());
  });
});
