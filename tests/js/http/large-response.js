// A large streamed response: write() returns false past the high-water mark and
// 'drain' follows; every byte arrives in order (chunked, read by a raw client).
const http = require('http');
const net = require('net');
const { listen } = require('./fixtures/wire');

const piece = Buffer.alloc(64 * 1024, 'x');
const total = 16 * 1024 * 1024;
let sawFalse = false, drains = 0;
const server = http.createServer((req, res) => {
  res.setHeader('Content-Length', total);
  let sent = 0;
  function pump() {
    while (sent < total) {
      sent += piece.length;
      if (!res.write(piece)) {
        sawFalse = true;
        res.once('drain', () => { drains++; pump(); });
        return;
      }
    }
    res.end();
  }
  pump();
  res.on('finish', () => console.log('finish', sawFalse, drains > 0));
});

listen(server).then((port) => {
  const sock = net.connect(port, '127.0.0.1');
  let received = 0, head = null, buffered = Buffer.alloc(0);
  sock.on('data', (d) => {
    if (head === null) {
      buffered = Buffer.concat([buffered, d]);
      const at = buffered.indexOf('\r\n\r\n');
      if (at < 0) return;
      head = buffered.subarray(0, at).toString();
      received += buffered.length - at - 4;
    } else {
      received += d.length;
    }
    if (received >= total) {
      console.log(head.split('\r\n')[0], /Content-Length: 16777216/.test(head), received);
      sock.destroy();
      server.close();
    }
  });
  sock.write('GET / HTTP/1.1\r\nHost: h\r\n\r\n');
});
