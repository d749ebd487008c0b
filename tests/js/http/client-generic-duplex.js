// A client request over a generic Duplex from createConnection (no destroySoon):
// the response's end ends the stream (its peer sees 'end'), and a hand-set
// shouldKeepAlive without an agent leaves the stream open for a second request.
// Then a request's maxHeadersCount (set before an agent assigns the socket)
// trims the response's fields.
const http = require('http');
const { Duplex } = require('stream');

// Two Duplexes whose writes are the other's reads.
function pair() {
  const make = () => new Duplex({
    read() {},
    write(chunk, enc, cb) { this.other.push(chunk); cb(); },
    final(cb) { this.other.push(null); cb(); },
  });
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

function closeTest(next) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('X-A', '1');
      res.setHeader('X-B', '2');
      res.setHeader('X-C', '3');
      res.end('body');
    });
  });
  const [client, srv] = pair();
  server.emit('connection', srv);
  const ended = [];
  client.on('end', () => ended.push('client'));
  srv.on('end', () => ended.push('server side'));
  const req = http.request({ createConnection: () => client, method: 'PUT', headers: { Connection: 'close' } }, (res) => {
    console.log('close: fields', Object.keys(res.headers).join(','));
    res.setEncoding('utf8');
    res.on('data', (d) => console.log('close: data', d));
    res.on('end', () => setTimeout(() => { console.log('close: ended', ended.sort().join(',')); next(); }, 20));
  });
  req.end('x');
}

function keepTest(next) {
  let n = 0;
  const server = http.createServer((req, res) => res.end(`r${++n}`));
  const [client, srv] = pair();
  server.emit('connection', srv);
  srv.on('end', () => console.log('keep: server side end'));
  function one(cb) {
    const req = http.request({ createConnection: () => client, headers: { Connection: 'keep-alive' } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d) => console.log('keep: data', d));
      res.on('end', cb);
    });
    req.shouldKeepAlive = true;
    req.end();
  }
  one(() => one(() => setTimeout(() => {
    console.log('keep: client writable', client.writable);
    client.end();
    setTimeout(next, 20);
  }, 20)));
}

function countTest() {
  const server = http.createServer((req, res) => {
    res.sendDate = false;
    res.setHeader('X-A', '1');
    res.setHeader('X-B', '2');
    res.setHeader('X-C', '3');
    res.end();
  });
  server.listen(0, '127.0.0.1', () => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
      console.log('count: fields', Object.keys(res.headers).join(','));
      res.resume();
      server.close();
    });
    req.maxHeadersCount = 2;
  });
}

closeTest(() => keepTest(countTest));
