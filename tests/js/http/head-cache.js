// writeHead with the same header object shape again and again (the way a server
// answers), then with one value, one key, the status or its message changed, a
// getter (read once per head), a bad value after a good set, Latin-1 values and a
// Connection field: each head is exactly what its own fields say.
const http = require('http');
let reads = 0;
const cases = [
  (res) => res.writeHead(200, { 'Content-Type': 'text/plain' }),
  (res) => res.writeHead(200, { 'Content-Type': 'text/plain' }),
  (res) => res.writeHead(200, { 'Content-Type': 'text/html' }),
  (res) => res.writeHead(201, { 'Content-Type': 'text/html', 'X-N': 5 }),
  (res) => res.writeHead(201, { 'Content-Type': 'text/html', 'X-N': 5 }),
  (res) => res.writeHead(201, { 'Content-Type': 'text/html', 'X-M': 5 }),
  (res) => res.writeHead(200, 'Fine', { 'Content-Type': 'text/html', 'X-N': 'caf\u00e9' }),
  (res) => res.writeHead(200, 'Fine', { 'Content-Type': 'text/html', 'X-N': 'caf\u00e9' }),
  (res) => res.writeHead(200, { 'Content-Type': 'text/html', get 'X-N'() { reads++; return 5; } }),
  (res) => res.writeHead(200, { 'Content-Type': 'text/html', get 'X-N'() { reads++; return 6; } }),
  (res) => {
    try {
      res.writeHead(200, { 'Content-Type': 'text/html', 'X-N': 'bad\u0001' });
    } catch (e) {
      console.log('threw', e.code);
      res.writeHead(500, { 'Content-Type': 'text/html' });
    }
  },
  (res) => res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': 1 }),
  (res) => res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': 1 }),
  (res) => res.writeHead(200, { 'Connection': 'close' }),
];
let i = 0;
const srv = http.createServer((req, res) => {
  res.sendDate = false;
  cases[i](res);
  res.end('x');
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
srv.listen(0, '127.0.0.1', function next() {
  if (i === cases.length) {
    console.log('getter reads', reads);
    agent.destroy();
    return srv.close();
  }
  http.get({ port: srv.address().port, host: '127.0.0.1', agent }, (res) => {
    let body = '';
    res.setEncoding('latin1');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log(i, res.statusCode, res.statusMessage, JSON.stringify(res.rawHeaders), body);
      i++;
      next();
    });
  });
});
