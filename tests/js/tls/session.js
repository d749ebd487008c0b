// Session resumption: the client's first connection gets sessions ('session'
// events, getSession()); a second connection given one of them resumes it
// (isSessionReused() on both sides), one given nothing does a full handshake,
// and a TLSv1.2 connection resumes too.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

function serve(options) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem'), ...options },
                                    (s) => {
                                      server.reused = s.isSessionReused();
                                      s.end('x');
                                    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function attempt(label, server, session) {
  return new Promise((resolve) => {
    let last;
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: fx('ca-cert.pem'),
                            session });
    c.on('session', (s) => { last = s; });
    c.on('secureConnect', () => {
      console.log(`${label}: reused=${c.isSessionReused()} getSession is Buffer: ` +
        `${Buffer.isBuffer(c.getSession())} protocol=${c.getProtocol()}`);
    });
    c.resume();
    c.on('close', () => setTimeout(() => {
      console.log(`${label}: server reused=${server.reused} got a session: ${Buffer.isBuffer(last)}`);
      resolve(last);
    }, 20));
  });
}

(async () => {
  const v13 = await serve({});
  const first = await attempt('first', v13);
  await attempt('resumed', v13, first);
  await attempt('fresh', v13);
  v13.close();

  const v12 = await serve({ maxVersion: 'TLSv1.2' });
  const s12 = await attempt('tls1.2 first', v12);
  await attempt('tls1.2 resumed', v12, s12);
  v12.close();
})();
