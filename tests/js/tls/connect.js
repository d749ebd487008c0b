// A TLS server and client on 127.0.0.1 with certificates made for these tests:
// the client trusts the test CA, so the server is authorized; both sides see the
// protocol, cipher and certificates; data goes both ways; end() sends
// close_notify and the peer sees 'end', then both close.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));
// Each side's events in its own order (the two sides' interleaving is timing).
const serverLog = [];
process.on('exit', () => console.log(serverLog.join('\n')));

const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem') });
server.on('secureConnection', (s) => {
  serverLog.push(`server: secureConnection ${s.encrypted} ${s.authorized} ${s.getProtocol()}`);
  assert.deepStrictEqual(s.getPeerCertificate(), {});
  assert.strictEqual(s.getCertificate().subject.CN, 'localhost');
  s.setEncoding('utf8');
  s.on('data', (d) => {
    serverLog.push(`server: got ${d}`);
    s.write(`echo ${d}`);
    s.end();
  });
  s.on('end', () => serverLog.push('server: end'));
  s.on('close', () => { serverLog.push('server: close'); server.close(); });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const c = tls.connect({ port, host: '127.0.0.1', ca: fx('ca-cert.pem') }, () => {
    console.log('client: secureConnect', c.authorized, c.authorizationError, c.getProtocol());
    const cipher = c.getCipher();
    console.log('client: cipher', cipher.name, cipher.version);
    const cert = c.getPeerCertificate();
    console.log('client: peer', cert.subject.CN, cert.subject.O, cert.issuer.CN);
    console.log('client: altnames', cert.subjectaltname);
    console.log('client: serial', cert.serialNumber, 'bits', cert.bits, 'exponent', cert.exponent);
    console.log('client: ca?', cert.ca, 'raw is Buffer', Buffer.isBuffer(cert.raw));
    console.log('client: ocsp', cert.infoAccess['OCSP - URI']);
    assert.match(cert.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.match(cert.valid_to, /GMT$/);
    assert.strictEqual(c.remotePort, port);
    assert.strictEqual(c.remoteAddress, '127.0.0.1');
    c.write('hello');
  });
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('client: got', d));
  c.on('end', () => console.log('client: end'));
  c.on('close', (hadError) => console.log('client: close', hadError));
});
