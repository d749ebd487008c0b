// ALPN: the server picks the first of its protocols the client offers; without
// a client list there is none (false). SNI: the client's servername reaches the
// server (socket.servername), addContext picks a certificate by exact name or
// wildcard, an SNICallback may answer later, and a name no context matches
// gets the default certificate.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));
const ca = fx('ca-cert.pem');
const sniContext = tls.createSecureContext({ key: fx('sni-key.pem'), cert: fx('sni-cert.pem') });

function serve(options, setup) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem'), ...options },
                                    (s) => {
                                      server.seen = `${s.alpnProtocol} ${s.servername}`;
                                      s.end();
                                    });
    if (setup) setup(server);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function attempt(label, server, options) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca, ...options }, () => {
      console.log(`${label}: alpn=${c.alpnProtocol} cert=${c.getPeerCertificate().subject.CN}` +
        ` authorized=${c.authorized}`);
      c.resume();
    });
    c.on('error', (err) => console.log(`${label}: error ${err.code}`));
    c.on('close', () => setTimeout(() => {
      console.log(`${label}: server saw ${server.seen}`);
      resolve();
    }, 20));
  });
}

(async () => {
  const alpn = await serve({ ALPNProtocols: ['h2', 'http/1.1'] });
  await attempt('alpn both', alpn, { ALPNProtocols: ['http/1.1', 'h2'] });
  await attempt('alpn one', alpn, { ALPNProtocols: ['http/1.1'] });
  await attempt('alpn none', alpn, {});
  alpn.close();

  const sni = await serve({}, (server) => {
    server.addContext('other.example', { key: fx('sni-key.pem'), cert: fx('sni-cert.pem') });
    server.addContext('*.wild.example', sniContext);
  });
  await attempt('sni exact', sni, { servername: 'other.example' });
  await attempt('sni wildcard', sni, { servername: 'a.wild.example' });
  await attempt('sni unknown', sni, { servername: 'localhost' });
  sni.close();

  const cb = await serve({
    SNICallback(name, done) {
      console.log(`SNICallback(${name})`);
      setTimeout(() => done(null, name === 'other.example' ? sniContext : undefined), 10);
    },
  });
  await attempt('callback', cb, { servername: 'other.example' });
  await attempt('callback default', cb, { servername: 'localhost' });
  cb.close();
})();
