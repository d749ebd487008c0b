// Request bodies and heads as the handler sees them: a Content-Length body, a
// chunked body (extensions dropped, trailers kept), a body split across reads,
// headers lower-cased with node's rules for repeats (set-cookie a list, cookie
// joined by '; ', host keeps the first, others joined by ', '),
// headersDistinct, rawHeaders, trailers, httpVersion, and a chunked response
// to a POST.
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (d) => parts.push(d.toString('latin1')));
  req.on('end', () => {
    console.log(req.method, req.url, req.httpVersion, `complete=${req.complete}`);
    console.log('  body', JSON.stringify(parts.join('')));
    console.log('  headers', JSON.stringify(req.headers));
    console.log('  distinct', JSON.stringify(req.headersDistinct));
    console.log('  raw', JSON.stringify(req.rawHeaders));
    console.log('  trailers', JSON.stringify(req.trailers), JSON.stringify(req.rawTrailers));
    res.write('got ');
    res.end(String(parts.join('').length));
  });
});

listen(server).then(async (port) => {
  show('content-length', await exchange(port,
    'POST /cl HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world'));
  show('chunked', await exchange(port,
    'POST /chunked HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\nX-Checksum: def\r\n\r\n'));
  show('split', await exchange(port, ['PUT /split HTTP/1.1\r\nHo', 30, 'st: h\r\nContent-Le', 30,
    'ngth: 6\r\n\r\nab', 30, 'cdef']));
  show('split chunked', await exchange(port, ['POST /sc HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3', 30,
    '\r\nabc\r', 30, '\n0\r\n', 30, '\r\n']));
  show('repeats', await exchange(port,
    'GET /repeats HTTP/1.1\r\nHost: h1\r\nHost: h2\r\nX-A: 1\r\nx-a: 2\r\nSet-Cookie: a\r\n' +
    'set-cookie: b\r\nCookie: c1\r\nCookie: c2\r\nContent-Type: t1\r\nContent-Type: t2\r\n' +
    'X-Empty:\r\nX-Space:   v w  \r\nX-Latin1: caf\xe9\r\n\r\n'));
  show('http/1.0', await exchange(port, 'POST /ten HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi'));
  server.close();
});
