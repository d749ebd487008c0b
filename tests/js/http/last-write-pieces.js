// A response's last write whose head has not gone yet: the head and the body
// (with its chunk framing when chunked) reach the socket as the bytes of the
// joined string, for an ASCII body, non-ASCII utf8 (two- and four-byte), a
// latin1 body, a latin1 field value, a body past the direct write's 1,024
// characters, a chunk after an earlier write, and end() with no body.
'use strict';
const http = require('http');
const net = require('net');

const paths = ['/ascii', '/utf8', '/latin1', '/long', '/field', '/after-write', '/empty', '/length'];
const server = http.createServer((req, res) => {
  res.sendDate = false;
  switch (req.url) {
    case '/ascii': res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('hello'); break;
    case '/utf8': res.setHeader('X-A', 'caf\u00e9'); res.end('h\u00e9llo \u2603 \ud83d\ude00'); break;
    case '/latin1': res.writeHead(200, { 'X-A': 'caf\u00e9' }); res.end('caf\u00e9 \u2603', 'latin1'); break;
    case '/long': res.writeHead(200); res.end('x'.repeat(1100)); break;
    case '/field': res.writeHead(200, { 'X-A': 'caf\u00e9' }); res.end('\u2603'); break;
    case '/after-write': res.write('a'); res.end('\u2603b'); break;
    case '/empty': res.end(); break;
    case '/length': res.setHeader('Content-Type', 'text/plain'); res.end('sized \u00e9'); break;
  }
});

server.listen(0, '127.0.0.1', () => {
  const socket = net.connect(server.address().port, '127.0.0.1');
  const parts = [];
  socket.on('data', (d) => {
    parts.push(d);
    const text = Buffer.concat(parts).toString('latin1');
    if (text.split('HTTP/1.1 200 OK').length - 1 === paths.length && text.endsWith('sized \u00c3\u00a9')) {
      for (const answer of text.split('HTTP/1.1 200 OK').slice(1)) {
        const head = answer.slice(0, answer.indexOf('\r\n\r\n'));
        const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
        console.log(JSON.stringify(head), body.length > 100 ? `${body.length} bytes` : JSON.stringify(body));
      }
      socket.destroy();
      server.close();
    }
  });
  for (const p of paths) socket.write(`GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`);
});
