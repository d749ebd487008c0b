// A large transfer both ways at once: 8 MiB from the client and 12 MiB from the
// server, written in uneven chunks; each side checks the byte count and a
// running checksum of what it read, so lost, repeated or reordered records show.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

function pattern(total, seed) {
  const chunks = [];
  let left = total, n = seed;
  while (left > 0) {
    const size = Math.min(left, 1000 + (n * 7919) % 70000);
    const b = Buffer.alloc(size);
    for (let i = 0; i < size; i++) b[i] = (n + i * 31) & 0xff;
    chunks.push(b);
    left -= size;
    n++;
  }
  return chunks;
}

function sum(chunks) {
  let s = 0, len = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) s = (s * 33 + c[i]) % 1000000007;
    len += c.length;
  }
  return `${len} bytes, checksum ${s}`;
}

function sendAll(socket, chunks, done) {
  let i = 0;
  (function more() {
    while (i < chunks.length) {
      if (!socket.write(chunks[i++])) return socket.once('drain', more);
    }
    socket.end();
    if (done) done();
  })();
}

const fromClient = pattern(8 * 1024 * 1024, 1);
const fromServer = pattern(12 * 1024 * 1024, 5);
const log = [];
process.on('exit', () => console.log(log.sort().join('\n')));

// allowHalfOpen: each side ends only its own direction, once all is written.
const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem'), allowHalfOpen: true }, (s) => {
  const got = [];
  s.on('data', (d) => got.push(d));
  s.on('end', () => log.push(`server read ${sum(got)} (sent ${sum(fromClient)})`));
  s.on('close', () => server.close());
  sendAll(s, fromServer);
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: fx('ca-cert.pem'),
                        allowHalfOpen: true }, () => {
    sendAll(c, fromClient);
  });
  const got = [];
  c.on('data', (d) => got.push(d));
  c.on('end', () => log.push(`client read ${sum(got)} (sent ${sum(fromServer)})`));
});
