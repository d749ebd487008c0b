// A response's last write in every shape (a string in utf8, latin1 and hex, a
// callback, after a write, while the user corks the socket, on a socket whose
// earlier bytes are still queued), answered in order on one keep-alive
// connection: the bytes, 'finish' after end() returns, the end callback, and
// the socket's bytesWritten equal to what the client read.
'use strict';
const http = require('http');
const net = require('net');

const log = [];
const server = http.createServer((req, res) => {
  const url = req.url;
  let ended = false;
  res.on('finish', () => log.push(`${url} finish after end=${ended}`));
  res.setHeader('Content-Type', 'text/plain');
  switch (url) {
    case '/utf8': res.end('h\u00e9llo'); break;
    case '/latin1': res.end('caf\u00e9', 'latin1'); break;
    case '/hex': res.end('6869', 'hex'); break;
    case '/callback': res.end('cb', () => log.push(`${url} callback`)); break;
    case '/after-write': res.write('one,'); res.end('two'); break;
    case '/corked':
      req.socket.cork();
      res.end('corked');
      process.nextTick(() => req.socket.uncork());
      break;
    case '/big':
      res.write('x'.repeat(200000));
      res.end('tail');
      break;
    default: res.end('?');
  }
  ended = true;
});

server.listen(0, '127.0.0.1', () => {
  const paths = ['/utf8', '/latin1', '/hex', '/callback', '/after-write', '/corked', '/big'];
  const socket = net.connect(server.address().port, '127.0.0.1');
  let bytes = 0;
  let text = '';
  socket.on('data', (d) => {
    bytes += d.length;
    text += d.toString('latin1');
    const answers = text.split('HTTP/1.1 200 OK').length - 1;
    if (answers === paths.length && /0\r\n\r\n$/.test(text)) {
      setTimeout(() => {
        for (const line of log) console.log(line);
        const bodies = text.split('HTTP/1.1 200 OK').slice(1).map((a) => {
          const body = a.slice(a.indexOf('\r\n\r\n') + 4);
          return body.length > 100 ? `${body.length} bytes` : JSON.stringify(body);
        });
        console.log(bodies.join('\n'));
        console.log('bytesWritten matches', serverSocket.bytesWritten === bytes);
        socket.destroy();
        server.close();
      }, 50);
    }
  });
  for (const p of paths) socket.write(`GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`);
});
let serverSocket = null;
server.on('connection', (s) => { serverSocket = s; });
