// Heads built from the response's own table (setHeader/appendHeader), answered
// alike and then with one thing changed (a name's case, a number for a string, a
// list, Connection, trailers, a chunk of another size), read as raw bytes from the
// socket: each head is what its own fields say. Then the errors setHeader throws
// for bad names and values (short and long names, the table's fast check).
const http = require('http');
const net = require('net');

const cases = [
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.setHeader('X-Powered-By', 'coil'); res.end('hi'); },
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.setHeader('X-Powered-By', 'coil'); res.end('hi'); },
  (res) => { res.setHeader('content-type', 'text/plain'); res.setHeader('X-Powered-By', 'coil'); res.end('hi'); },
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.setHeader('X-Powered-By', 5); res.end('hi'); },
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.setHeader('X-Powered-By', '5'); res.end('hi'); },
  (res) => { res.appendHeader('Set-Cookie', 'a=1'); res.appendHeader('Set-Cookie', 'b=2'); res.end('hi'); },
  (res) => { res.appendHeader('Set-Cookie', 'a=1'); res.appendHeader('Set-Cookie', 'c=3'); res.end('hi'); },
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.setHeader('Connection', 'close'); res.end('hi'); },
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.writeHead(200, { 'X-A': '1' }); res.end('hi'); },
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.writeHead(200, { 'X-A': '1' }); res.end('hi'); },
  (res) => { res.setHeader('X-Latin', 'caf\u00e9'); res.end('hi'); },
  (res) => { res.setHeader('X-Latin', 'caf\u00e9'); res.end('hi'); },
  (res) => { res.setHeader('X-Latin', 'cafe'); res.end('hi'); },
  (res) => { res.setHeader('Content-Type', 'text/plain'); res.write('a'); res.end('bcd'); },
  (res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('hello'); },
  (res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('hi'); },
  (res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('hello'); },
  (res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('x'.repeat(300)); },
  (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Trailer': 'X-T' });
    res.addTrailers({ 'X-T': 'done' });
    res.end('hello');
  },
  (res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('hello'); },
  (res) => {
    const bad = [['Bad Name', 'x'], ['X-\u00e9', 'x'], ['', 'x'], ['a'.repeat(70) + ' ', 'x'],
      ['X', 'bad\n'], ['X', undefined], [5, 'x'], ['a'.repeat(70), 'bad\u0000']];
    for (const [name, value] of bad) {
      try {
        res.setHeader(name, value);
        console.log('set', JSON.stringify(name));
      } catch (e) {
        console.log(e.code, e.message);
      }
    }
    res.setHeader('a'.repeat(70), 'ok');
    res.setHeader('X-Ok!#$%&*+.^_`|~', 'ok');
    res.end('hi');
    try {
      res.setHeader('X-Late', '1');
    } catch (e) {
      console.log(e.code, e.message);
    }
  },
];

let i = 0;
const srv = http.createServer((req, res) => {
  res.sendDate = false;
  cases[i](res);
});
srv.listen(0, '127.0.0.1', function next() {
  if (i === cases.length) return srv.close();
  const sock = net.connect(srv.address().port, '127.0.0.1', () => {
    sock.end('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  const parts = [];
  sock.on('data', (d) => parts.push(d));
  sock.on('end', () => {
    console.log(i, JSON.stringify(Buffer.concat(parts).toString('latin1')));
    i++;
    next();
  });
});
