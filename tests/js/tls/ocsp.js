// OCSP stapling: a client with requestOCSP asks for the server's OCSP response
// and hears it as 'OCSPResponse' (a Buffer, or null when none was stapled) before
// 'secureConnect'. The server's 'OCSPRequest' listeners get the certificate it
// will send and its issuer's (DER, or null when the server does not have it) and
// answer later through the callback; the handshake waits for them. An error given
// to the callback fails the connection ('tlsClientError'). A client that does not
// ask gets no event, and a server without listeners staples nothing.
'use strict';
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const { X509Certificate } = require('crypto');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

const cases = [
  { name: 'stapled', answer: Buffer.from('stapled response'), ca: true },
  { name: 'nothing to staple', answer: null, ca: true },
  { name: 'no issuer known', answer: Buffer.from('x'), ca: false },
  { name: 'failed', answer: new Error('no OCSP today'), ca: true },
  { name: 'not asked', answer: Buffer.from('never sent'), ca: true, noRequest: true },
  { name: 'no listener', ca: true, noListener: true },
];

function run(i) {
  const t = cases[i];
  if (t === undefined) return;
  const log = [];
  const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem'),
                                    ca: t.ca ? fx('ca-cert.pem') : undefined }, (s) => s.end('hi'));
  if (!t.noListener) {
    server.on('OCSPRequest', (cert, issuer, cb) => {
      assert.strictEqual(new X509Certificate(cert).subject, 'O=coil tests\nCN=localhost');
      if (t.ca) {
        assert.strictEqual(new X509Certificate(issuer).fingerprint256,
                           new X509Certificate(fx('ca-cert.pem')).fingerprint256);
      } else {
        assert.strictEqual(issuer, null);
      }
      log.push('server: OCSPRequest');
      // Answered later: the handshake waits.
      setTimeout(() => (t.answer instanceof Error ? cb(t.answer) : cb(null, t.answer)), 20);
    });
  }
  server.on('tlsClientError', (err) => log.push(`server: tlsClientError ${err.message}`));
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, ca: fx('ca-cert.pem'), servername: 'localhost',
                            requestOCSP: !t.noRequest });
    c.on('OCSPResponse', (r) => log.push(`client: OCSPResponse ${r === null ? null : r.toString()}`));
    c.on('secureConnect', () => log.push('client: secureConnect'));
    c.on('data', (d) => log.push(`client: data ${d}`));
    c.on('error', (e) => log.push(`client: error ${e.code}`));
    c.on('close', () => {
      server.close();
      // The server's error may come after the client's close: wait for it.
      setTimeout(() => {
        console.log(`${t.name}:\n  ${log.join('\n  ')}`);
        run(i + 1);
      }, 50);
    });
  });
}
run(0);
