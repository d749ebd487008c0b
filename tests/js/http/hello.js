// The bytes a server sends for the common responses (Date masked): writeHead
// with an object, setHeader + end(body) (Content-Length), write + end (chunked),
// a custom status message, array headers, set-cookie lists, HEAD, 204, 304,
// HTTP/1.0 (close-delimited), end(Buffer), and a field holding a latin1 byte
// (node sends that head in the body's encoding when the body goes with it, as
// latin1 when a chunk-size line does).
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

const server = http.createServer((req, res) => {
  switch (req.url) {
    case '/object': res.writeHead(200, { 'Content-Type': 'text/plain', 'X-A': 1 }); res.end('hello'); break;
    case '/set': res.setHeader('Content-Type', 'text/html'); res.end('<p>hi</p>'); break;
    case '/chunked': res.write('part one,'); res.write(Buffer.from(' two')); res.end(); break;
    case '/status': res.statusCode = 404; res.statusMessage = 'Nowhere'; res.end(); break;
    case '/array': res.writeHead(201, ['X-B', 'b', 'X-C', 'c']); res.end('x'); break;
    case '/pairs': res.writeHead(202, 'Fine', [['X-D', 'd']]); res.end(); break;
    case '/cookies': res.setHeader('Set-Cookie', ['a=1', 'b=2']); res.end('c'); break;
    case '/204': res.writeHead(204); res.end(); break;
    case '/304': res.writeHead(304, { ETag: '"x"' }); res.end(); break;
    case '/buffer': res.end(Buffer.from('bytes')); break;
    case '/utf8': res.end('h\u00e9llo \u2603'); break;
    case '/latin1-field': res.setHeader('X-Name', 'caf\u00e9'); res.end('h\u00e9'); break;
    case '/latin1-chunked': res.writeHead(200, ['X-Name', 'caf\u00e9']); res.end('h\u00e9'); break;
    default: res.end(req.method + ' ' + req.url);
  }
});

listen(server).then(async (port) => {
  const get = (path, extra = '') => `GET ${path} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`;
  for (const path of ['/object', '/set', '/chunked', '/status', '/array', '/pairs', '/cookies',
    '/204', '/304', '/buffer', '/utf8', '/latin1-field',
    '/latin1-chunked']) {
    show(path, await exchange(port, get(path)));
  }
  show('HEAD', await exchange(port, 'HEAD /set HTTP/1.1\r\nHost: x\r\n\r\n'));
  show('HTTP/1.0', await exchange(port, 'GET /set HTTP/1.0\r\n\r\n'));
  show('HTTP/1.0 keep-alive', await exchange(port, 'GET /object HTTP/1.0\r\nConnection: keep-alive\r\n\r\n'));
  show('Connection: close', await exchange(port, get('/set', 'Connection: close\r\n')));
  server.close();
});
