// The bytes of a chunked response whose end() carries the last chunk (the size
// line counts the chunk's encoded bytes, in hex): UTF-8 and Latin-1 text, an
// empty chunk, sizes of several hex digits, trailers, a chunk after earlier
// writes, and one too long for the socket's direct string write.
const http = require('http');
const net = require('net');

const long = 'é'.repeat(700) + 'z'; // 1,401 UTF-8 bytes, over 1,024 characters
const cases = {
  '/utf8': (res) => res.end('héllo wörld'),
  '/latin1': (res) => res.end('héllo wörld', 'latin1'),
  '/empty': (res) => res.end(''),
  '/hex': (res) => res.end('x'.repeat(300)),
  '/trailer': (res) => { res.addTrailers({ 'X-Sum': 'abc' }); res.end('tail'); },
  '/after-write': (res) => { res.write('first '); res.end('second'); },
  '/long': (res) => res.end(long),
  '/astral': (res) => res.end('a😀b'),
};

const srv = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Date': 'x' });
  cases[req.url](res);
});

const paths = Object.keys(cases);
srv.listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, '127.0.0.1');
  c.setEncoding('latin1');
  let got = '';
  let i = 0;
  const ask = () => c.write(`GET ${paths[i]} HTTP/1.1\r\nHost: x\r\n${paths[i] === '/trailer' ? 'TE: trailers\r\n' : ''}\r\n`);
  c.on('connect', ask);
  c.on('data', (d) => {
    got += d;
    const end = got.indexOf('\r\n0\r\n');
    if (end < 0) return;
    const stop = got.indexOf('\r\n\r\n', end + 3);
    if (stop < 0) return;
    const one = got.slice(0, stop + 4);
    got = got.slice(stop + 4);
    const body = one.slice(one.indexOf('\r\n\r\n') + 4);
    console.log(paths[i], JSON.stringify(body.length > 120 ? body.slice(0, 12) + '...' + body.slice(-12) : body),
                Buffer.byteLength(body, 'latin1'));
    if (++i < paths.length) ask();
    else { c.end(); srv.close(); }
  });
});
