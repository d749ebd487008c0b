// Field values and a status message holding Latin-1 characters: the head goes out
// as Latin-1 bytes and the body in its own encoding, whichever way the fields were
// given (writeHead object or flat array, setHeader, arrays, numbers). Raw bytes.
const http = require('http');
const net = require('net');
const cases = [
  (res) => { res.writeHead(200, { 'X-A': 'caf\u00e9' }); res.end('\u00fc'); },
  (res) => { res.writeHead(200, 'Ok\u00e9', { 'X-A': 'plain' }); res.end('\u00fc'); },
  (res) => { res.setHeader('X-B', 'd\u00e9j\u00e0'); res.end('\u20ac'); },
  (res) => { res.setHeader('X-C', ['a', 'b\u00ff']); res.end('x'); },
  (res) => { res.writeHead(200, ['X-D', 'plain', 'X-E', 'n\u00f1']); res.end('\u00f1'); },
  (res) => { res.writeHead(200, { 'X-F': 42 }); res.end('\u00f1'); },
];
let i = 0;
const srv = http.createServer((req, res) => { res.sendDate = false; cases[i](res); });
srv.listen(0, '127.0.0.1', function next() {
  if (i === cases.length) return srv.close();
  const c = net.connect(srv.address().port, '127.0.0.1', () => c.end('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  const parts = [];
  c.on('data', (d) => parts.push(d));
  c.on('close', () => { console.log(i, Buffer.concat(parts).toString('hex')); i++; next(); });
});
