// A head past maxHeaderSize (16 KiB) gets 431 and the connection closes, whether
// it comes in one write or many; just under the limit is served; a server's own
// maxHeaderSize option lowers the limit; http.maxHeaderSize is 16384.
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

async function main() {
  console.log('maxHeaderSize', http.maxHeaderSize);
  const server = http.createServer((req, res) => res.end(`${req.rawHeaders.length} ${req.headers.x && req.headers.x.length}`));
  const port = await listen(server);
  const big = `GET / HTTP/1.1\r\nHost: h\r\nX: ${'a'.repeat(17000)}\r\n\r\n`;
  show('one write', await exchange(port, big));
  const pieces = [];
  for (let i = 0; i < big.length; i += 4000) pieces.push(big.slice(i, i + 4000), 10);
  show('many writes', await exchange(port, pieces));
  show('many fields', await exchange(port,
    `GET / HTTP/1.1\r\nHost: h\r\n${'Y: 0\r\n'.repeat(500)}X: a\r\n\r\n`));
  show('under the limit', await exchange(port, `GET / HTTP/1.1\r\nHost: h\r\nX: ${'a'.repeat(16000)}\r\n\r\n`));
  server.close();

  const small = http.createServer({ maxHeaderSize: 100 }, (req, res) => res.end('ok'));
  const port2 = await listen(small);
  show('option', await exchange(port2, `GET / HTTP/1.1\r\nHost: h\r\nX: ${'a'.repeat(100)}\r\n\r\n`));
  show('option ok', await exchange(port2, 'GET / HTTP/1.1\r\nHost: h\r\n\r\n'));
  small.close();
}
main();
