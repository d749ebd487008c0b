// What a TLSSocket writes and reads, in every form: strings in UTF-8 (multi-byte
// characters), Latin-1, hex and base64, Buffers and plain Uint8Arrays, corked
// writes (one _writev), empty writes; an echo server sends them back and the
// client compares byte for byte. Then backpressure: a client that pauses while
// 3 MiB arrive still reads every byte in order. Then a TLSSocket over a stream
// that is not a net.Socket (a Duplex relaying to one) does the same echo.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const { Duplex } = require('stream');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));

const pieces = [
  ['héllo wörld € 😀 ', 'utf8'],
  ['caf\u00e9 \u00ff\u0080 ', 'latin1'],
  ['deadbeef00ff', 'hex'],
  ['aGVsbG8gYmFzZTY0', 'base64'],
  [Buffer.from([0, 1, 2, 250, 255])],
  [new Uint8Array([9, 8, 7])],
  ['', 'utf8'],
  [Buffer.alloc(0)],
  ['x'.repeat(40000) + 'ü', 'utf8'],
];
const expected = Buffer.concat(pieces.map(([v, enc]) => (typeof v === 'string' ? Buffer.from(v, enc) : Buffer.from(v))));
const corked = [['one ', 'utf8'], [Buffer.from('two ')], ['thr\u00e9e', 'latin1']];
const expectedCorked = Buffer.concat(corked.map(([v, enc]) => (typeof v === 'string' ? Buffer.from(v, enc) : v)));
const total = expected.length + expectedCorked.length;

function checksum(chunks) {
  let s = 0, len = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) s = (s * 31 + c[i]) % 1000000007;
    len += c.length;
  }
  return `${len} bytes, checksum ${s}`;
}

function echoServer() {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem') }, (s) => {
      s.on('data', (d) => s.write(d));
      s.on('end', () => s.end());
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function echo(label, c) {
  return new Promise((resolve) => {
    const got = [];
    c.on('data', (d) => {
      got.push(d);
      if (Buffer.concat(got).length >= total) c.end();
    });
    c.on('close', () => {
      const all = Buffer.concat(got);
      console.log(`${label}: ${all.length} of ${total} bytes back, ` +
        `same: ${all.equals(Buffer.concat([expected, expectedCorked]))}`);
      resolve();
    });
    c.on('secureConnect', () => {
      for (const [v, enc] of pieces) c.write(v, enc);
      c.cork();
      for (const [v, enc] of corked) c.write(v, enc);
      c.uncork();
    });
  });
}

function backpressure() {
  const big = [];
  for (let i = 0; i < 48; i++) big.push(Buffer.alloc(65536, i * 5 + 1));
  return new Promise((resolve) => {
    const server = tls.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem') }, (s) => {
      (function more(i) {
        while (i < big.length) {
          if (!s.write(big[i++])) return s.once('drain', () => more(i));
        }
        s.end();
      })(0);
    });
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: fx('ca-cert.pem') });
      const got = [];
      let paused = false;
      c.on('data', (d) => {
        got.push(d);
        if (!paused) {
          paused = true;
          c.pause();
          setTimeout(() => c.resume(), 50);
        }
      });
      c.on('end', () => {
        console.log(`paused client read ${checksum(got)} (sent ${checksum(big)})`);
        server.close();
        resolve();
      });
    });
  });
}

// A Duplex relaying to a net.Socket: the TLS layer reads and writes it as a stream.
function relay(socket) {
  const d = new Duplex({
    read() { socket.resume(); },
    write(chunk, enc, cb) { socket.write(chunk, cb); },
    final(cb) { socket.end(); cb(); },
  });
  socket.on('data', (b) => { if (!d.push(b)) socket.pause(); });
  socket.on('end', () => d.push(null));
  socket.on('close', () => d.destroy());
  return d;
}

(async () => {
  const server = await echoServer();
  const port = server.address().port;
  await echo('net.Socket parent', tls.connect({ port, host: '127.0.0.1', ca: fx('ca-cert.pem') }));
  const raw = net.connect(port, '127.0.0.1');
  await new Promise((r) => raw.once('connect', r));
  await echo('Duplex parent', tls.connect({ socket: relay(raw), servername: 'localhost', ca: fx('ca-cert.pem') }));
  server.close();
  await backpressure();
})();
