// The same head string written again and again on one connection, in the body's
// encoding (UTF-8, then Latin-1, then UTF-8 again), with a non-ASCII field value
// whose bytes differ between the two; and chunked answers whose last write
// carries the same ending each time. Each answer's bytes, as the peer got them.
'use strict';
const http = require('http');
const net = require('net');

const paths = ['/utf8', '/utf8', '/latin1', '/utf8', '/latin1', '/chunked', '/chunked', '/chunked-latin1',
               '/other', '/utf8'];
const server = http.createServer((req, res) => {
  res.sendDate = false;
  switch (req.url) {
    case '/utf8': res.writeHead(200, { 'X-A': 'caf\u00e9', 'Content-Length': 2 }); res.end('hi'); break;
    case '/latin1': res.writeHead(200, { 'X-A': 'caf\u00e9', 'Content-Length': 2 }); res.end('hi', 'latin1'); break;
    case '/chunked': res.writeHead(200, { 'X-B': '1' }); res.end('h\u00e9'); break;
    case '/chunked-latin1': res.writeHead(200, { 'X-B': '1' }); res.end('h\u00e9', 'latin1'); break;
    case '/other': res.writeHead(201, { 'X-A': 'cafe', 'Content-Length': 2 }); res.end('hi'); break;
  }
});

server.listen(0, '127.0.0.1', () => {
  const socket = net.connect(server.address().port, '127.0.0.1');
  let got = Buffer.alloc(0);
  let i = 0;
  const ask = () => socket.write(`GET ${paths[i]} HTTP/1.1\r\nHost: x\r\n\r\n`);
  socket.on('connect', ask);
  socket.on('data', (d) => {
    got = Buffer.concat([got, d]);
    const text = got.toString('latin1');
    const head = text.indexOf('\r\n\r\n');
    if (head < 0) return;
    let end;
    if (/Content-Length: (\d+)/.test(text.slice(0, head))) {
      end = head + 4 + Number(RegExp.$1);
    } else {
      const last = text.indexOf('\r\n0\r\n\r\n', head);
      if (last < 0) return;
      end = last + 7;
    }
    if (got.length < end) return;
    console.log(paths[i], JSON.stringify(got.subarray(0, end).toString('latin1')));
    got = got.subarray(end);
    if (++i < paths.length) ask();
    else { socket.end(); server.close(); }
  });
});
