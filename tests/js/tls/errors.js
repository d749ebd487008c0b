// TLS failures with Node's codes: a TLS client talking to a plain TCP server
// (ERR_SSL_WRONG_VERSION_NUMBER), a server closing before the handshake
// (ECONNRESET), no common protocol version, bad key material and passphrases,
// a PKCS#12 bundle, and option validation.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

function tryIt(label, fn) {
  try {
    fn();
    console.log(`${label}: ok`);
  } catch (err) {
    console.log(`${label}: ${err.name} ${err.code}`);
  }
}

tryIt('encrypted key, right passphrase', () =>
  tls.createSecureContext({ key: fx('server-key-enc.pem'), passphrase: 'sesame', cert: fx('server-cert.pem') }));
tryIt('encrypted key, wrong passphrase', () =>
  tls.createSecureContext({ key: fx('server-key-enc.pem'), passphrase: 'nope' }));
tryIt('key in an object', () =>
  tls.createSecureContext({ key: [{ pem: fx('server-key-enc.pem'), passphrase: 'sesame' }] }));
tryIt('not a key', () => tls.createSecureContext({ key: 'not a key' }));
tryIt('key and cert that do not match', () =>
  tls.createSecureContext({ key: fx('client-key.pem'), cert: fx('server-cert.pem') }));
tryIt('pfx', () => tls.createSecureContext({ pfx: fx('server.pfx'), passphrase: 'sesame' }));
tryIt('pfx, wrong passphrase', () => tls.createSecureContext({ pfx: fx('server.pfx'), passphrase: 'x' }));
tryIt('ciphers not a string', () => tls.createSecureContext({ ciphers: 5 }));
tryIt('unknown cipher', () => tls.createSecureContext({ ciphers: 'NO-SUCH-CIPHER' }));
tryIt('bad minVersion', () => tls.createSecureContext({ minVersion: 'TLSv9' }));
tryIt('secureProtocol with minVersion', () =>
  tls.createSecureContext({ secureProtocol: 'TLSv1_2_method', minVersion: 'TLSv1.2' }));
tryIt('servername on a server socket', () =>
  new tls.TLSSocket(new net.Socket(), { isServer: true }).setServername('x'));

function client(label, port, options) {
  return new Promise((resolve) => {
    const c = tls.connect({ port, host: '127.0.0.1', ca: fx('ca-cert.pem'), ...options }, () => {
      console.log(`${label}: connected`);
      c.end();
    });
    c.on('error', (err) => console.log(`${label}: error ${err.code}`));
    c.on('close', resolve);
  });
}

(async () => {
  const plain = net.createServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  await new Promise((r) => plain.listen(0, '127.0.0.1', r));
  await client('plain server', plain.address().port, {});
  plain.close();

  const hangup = net.createServer((s) => s.destroy());
  await new Promise((r) => hangup.listen(0, '127.0.0.1', r));
  await client('server hangs up', hangup.address().port, {});
  hangup.close();

  const v12 = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem'), maxVersion: 'TLSv1.2' });
  v12.on('tlsClientError', (err) => console.log(`server tlsClientError ${err.code}`));
  await new Promise((r) => v12.listen(0, '127.0.0.1', r));
  await client('no common version', v12.address().port, { minVersion: 'TLSv1.3' });
  await client('pfx-less TLSv1.2', v12.address().port, {});
  v12.close();

  const pfx = tls.createServer({ pfx: fx('server.pfx'), passphrase: 'sesame' });
  await new Promise((r) => pfx.listen(0, '127.0.0.1', r));
  pfx.on('secureConnection', (s) => s.end());
  await client('pfx server', pfx.address().port, {});
  pfx.close();
})();
