// Certificate checks on 127.0.0.1: a server the client cannot verify (no CA
// given: UNABLE_TO_VERIFY_LEAF_SIGNATURE; self-signed: DEPTH_ZERO_SELF_SIGNED_CERT),
// a name the certificate does not hold (ERR_TLS_CERT_ALTNAME_INVALID), the same
// with rejectUnauthorized: false (connected, not authorized), a custom
// checkServerIdentity, and client certificates (requestCert): a client with one
// is authorized, one without is refused when the server rejects unauthorized
// clients and let in but not authorized when it does not.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

function serve(options) {
  return new Promise((resolve) => {
    const server = tls.createServer(options, (s) => {
      server.lastPeer = `authorized=${s.authorized} error=${s.authorizationError}` +
        ` cn=${s.getPeerCertificate().subject?.CN}`;
      s.end('hi');
    });
    server.on('tlsClientError', (err) => { server.lastPeer = `tlsClientError ${err.code}`; });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function attempt(label, server, options) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ...options }, () => {
      console.log(`${label}: connected authorized=${c.authorized} error=${c.authorizationError}`);
      c.resume();
    });
    c.on('error', (err) => {
      console.log(`${label}: error ${err.code}: ${err.message}`);
    });
    c.on('close', () => setTimeout(() => {
      if (server.lastPeer) console.log(`${label}: server saw ${server.lastPeer}`);
      server.lastPeer = undefined;
      resolve();
    }, 50));
  });
}

(async () => {
  const plain = await serve({ key: fx('server-key.pem'), cert: fx('server-cert.pem') });
  await attempt('no ca', plain, {});
  await attempt('no ca, not rejecting', plain, { rejectUnauthorized: false });
  await attempt('ca', plain, { ca: fx('ca-cert.pem') });
  await attempt('wrong name', plain, { ca: fx('ca-cert.pem'), servername: 'wrong.example' });
  await attempt('wrong name, not rejecting', plain,
                { ca: fx('ca-cert.pem'), servername: 'wrong.example', rejectUnauthorized: false });
  await attempt('own identity check', plain, {
    ca: fx('ca-cert.pem'),
    checkServerIdentity(host, cert) {
      console.log(`checkServerIdentity(${host}, ${cert.subject.CN})`);
      return new Error('not this one');
    },
  });
  plain.close();

  const self = await serve({ key: fx('self-key.pem'), cert: fx('self-cert.pem') });
  await attempt('self-signed', self, {});
  await attempt('self-signed trusted', self, { ca: fx('self-cert.pem') });
  self.close();

  const strict = await serve({ key: fx('server-key.pem'), cert: fx('server-cert.pem'),
                               ca: fx('ca-cert.pem'), requestCert: true });
  await attempt('client cert', strict, { ca: fx('ca-cert.pem'), key: fx('client-key.pem'),
                                         cert: fx('client-cert.pem') });
  strict.close();

  const lax = await serve({ key: fx('server-key.pem'), cert: fx('server-cert.pem'),
                            ca: fx('ca-cert.pem'), requestCert: true, rejectUnauthorized: false });
  await attempt('no client cert, lax server', lax, { ca: fx('ca-cert.pem') });
  await attempt('self-signed client cert, lax server', lax,
                { ca: fx('ca-cert.pem'), key: fx('self-key.pem'), cert: fx('self-cert.pem') });
  lax.close();
})();
