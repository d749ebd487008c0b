// 'keylog': each side's TLS secrets as NSS key log lines (a Buffer per line,
// ending in a newline), on the client socket and on the tls.Server (with the
// socket). Both sides derive the same secrets, so the two sets of lines must be
// equal; TLSv1.3 has five labels, TLSv1.2 the one CLIENT_RANDOM line. A client
// with no 'keylog' listener gets none; one added after connect() hears them, also
// over a socket already connected (the handshake starts inside connect()).
'use strict';
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

const kLine = /^[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]{64,96}\n$/;

const net = require('net');

function run(maxVersion, overSocket, next) {
  const serverLines = [];
  const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem'), maxVersion },
                                  (s) => s.end('bye'));
  server.on('keylog', (line, socket) => {
    assert.ok(Buffer.isBuffer(line));
    assert.ok(socket instanceof tls.TLSSocket);
    assert.strictEqual(socket.encrypted, true);
    serverLines.push(line.toString('latin1'));
  });
  server.listen(0, '127.0.0.1', () => {
    if (!overSocket) return start(tls.connect({ port: server.address().port, host: '127.0.0.1',
                                                ca: fx('ca-cert.pem'), servername: 'localhost' }));
    const raw = net.connect(server.address().port, '127.0.0.1', () => {
      start(tls.connect({ socket: raw, ca: fx('ca-cert.pem'), servername: 'localhost' }));
    });
  });
  function start(c) {
    const clientLines = [];
    // Added after connect(): heard all the same.
    c.on('keylog', (line) => {
      assert.ok(Buffer.isBuffer(line));
      clientLines.push(line.toString('latin1'));
    });
    let sawSecure = false;
    c.on('secureConnect', () => { sawSecure = clientLines.length > 0; });
    c.resume();
    c.on('close', () => {
      server.close();
      for (const l of clientLines) assert.match(l, kLine);
      assert.deepStrictEqual([...clientLines].sort(), [...serverLines].sort());
      console.log(maxVersion, overSocket ? 'over a socket:' : '', 'lines before secureConnect', sawSecure);
      console.log(maxVersion, [...new Set(clientLines.map((l) => l.split(' ')[0]))].sort().join(' '));
      next();
    });
  }
}

function quiet(next) {
  // Neither side listens: nothing is logged, the connection works.
  const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem') },
                                  (s) => s.end('bye'));
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, ca: fx('ca-cert.pem'), servername: 'localhost' });
    c.setEncoding('utf8');
    c.on('data', (d) => console.log('quiet got', d, c.listenerCount('keylog')));
    c.on('close', () => { server.close(); next(); });
  });
}

run('TLSv1.3', false, () => run('TLSv1.2', false, () => run('TLSv1.3', true,
                                                             () => quiet(() => console.log('done')))));
