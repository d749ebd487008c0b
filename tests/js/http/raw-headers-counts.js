// rawHeaders of heads with 0 to 9 fields, on the server (requests) and on the
// client (responses): order, case, duplicates, a fresh array per message (a change
// to one does not show in the next), and maxHeadersCount, which cuts `headers`
// but leaves rawHeaders whole.
const http = require('http');
const net = require('net');

const heads = [
  [],
  [['Host', 'a']],
  [['Host', 'a'], ['X-One', '1']],
  [['Host', 'a'], ['x-two', '2'], ['X-TWO', 'again']],
  [['Host', 'a'], ['A', '1'], ['B', '2'], ['C', '3']],
  [['Host', 'a'], ['A', '1'], ['B', '2'], ['C', '3'], ['D', '4']],
  [['Host', 'a'], ['A', '1'], ['B', '2'], ['C', '3'], ['D', '4'], ['E', '5'], ['F', '6'], ['G', '7'], ['H', '8']],
];
const text = (fields) => fields.map(([k, v]) => `${k}: ${v}\r\n`).join('');

let seen = 0;
const server = http.createServer((req, res) => {
  console.log('server', req.httpVersion, JSON.stringify(req.rawHeaders), JSON.stringify(req.headers));
  req.rawHeaders.push('mutated');
  res.end(String(seen++));
});
server.maxHeadersCount = 0;
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  // HTTP/1.0 lets a request have no fields at all.
  const lines = heads.map((f, i) => `GET /${i} HTTP/1.${f.length === 0 ? 0 : 1}\r\n${text(f)}\r\n`);
  for (const line of lines) {
    await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => c.end(line));
      c.on('data', () => {});
      c.on('close', resolve);
    });
  }
  server.maxHeadersCount = 2;
  await new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(`GET /cut HTTP/1.1\r\n${text(heads[4])}\r\n`));
    c.on('data', () => {});
    c.on('close', resolve);
  });
  server.close();
  // The client side: a raw server answers with each head in turn.
  let k = 0;
  const raw = net.createServer((sock) => {
    const f = k < heads.length ? heads[k++] : heads[4];
    sock.end(`HTTP/1.1 200 OK\r\n${text(f)}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  raw.listen(0, '127.0.0.1', async () => {
    for (let i = 0; i < heads.length; i++) {
      await new Promise((resolve) => {
        http.get({ port: raw.address().port, host: '127.0.0.1', agent: false }, (res) => {
          console.log('client', JSON.stringify(res.rawHeaders));
          res.rawHeaders.push('mutated');
          res.resume();
          res.on('end', resolve);
        });
      });
    }
    // A request's maxHeadersCount cuts headers, not rawHeaders, too.
    const req = http.get({ port: raw.address().port, host: '127.0.0.1', agent: false }, (res) => {
      console.log('client cut', JSON.stringify(res.rawHeaders), JSON.stringify(res.headers));
      res.resume();
      res.on('end', () => raw.close());
    });
    req.maxHeadersCount = 2;
  });
});
