// Pausing in a request handler, as node 20: the server resumes the socket when
// a request ends, so a socket.pause() in the handler of a bodiless request
// holds no later request (one sent while the first is unanswered is read, and
// answered after it, in order); a pause in the handler of a request whose body
// is still coming does not hold the body once the request is read (reading a
// request resumes its socket, unless the server paused it itself); a
// request left non-flowing (req.readableFlowing = false) with a large body
// holds its bytes and the socket until it is resumed, and the pipelined
// request behind it is served after. Runs with reads consumed by the parser
// and without (the first request of a connection takes the JS read path).
const http = require('http');
const net = require('net');

const log = [];
const srv = http.createServer((req, res) => {
  log.push(`request ${req.url}`);
  const socket = req.socket;
  if (req.url === '/pause') {
    socket.pause();
    setTimeout(() => log.push(`after /pause handler: paused ${socket.isPaused()}`), 0);
    setTimeout(() => {
      log.push('resume /pause');
      socket.resume();
      res.end('p');
    }, 400);
    return;
  }
  if (req.url === '/pause-body') {
    socket.pause();
    let n = 0;
    req.on('data', (d) => { n += d.length; });
    req.on('end', () => {
      log.push(`/pause-body ended with ${n}`);
      setTimeout(() => {
        log.push(`after /pause-body: paused ${socket.isPaused()}`);
        res.end('b');
      }, 0);
    });
    setTimeout(() => {
      log.push(`/pause-body has ${n} before resume`);
      socket.resume();
    }, 300);
    return;
  }
  if (req.url === '/not-flowing') {
    req.readableFlowing = false;
    setTimeout(() => {
      log.push(`/not-flowing holds bytes ${req.readableLength > 0}, socket paused ${socket.isPaused()}`);
      let n = 0;
      req.on('data', (d) => { n += d.length; });
      req.on('end', () => {
        log.push(`/not-flowing body ${n}`);
        res.end('f');
      });
      req.resume();
    }, 300);
    return;
  }
  res.end('ok');
});

const get = (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;
const big = 'x'.repeat(1 << 20);

function client(port, writes) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { out += d; });
    c.on('end', () => {
      const bodies = (out.match(/\r\n\r\n./g) || []).map((s) => s.slice(-1));
      log.push(`answers ${(out.match(/HTTP\/1\.1 200/g) || []).length}: ${bodies.join('')}`);
      resolve();
    });
    for (const [at, data] of writes) setTimeout(() => c.write(data), at);
  });
}

srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  const last = get('/last').replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n');
  // The paused request first on its connection (JS read path), then after one.
  await client(port, [[0, get('/pause')], [100, get('/held')], [200, get('/held2')], [600, last]]);
  await client(port, [[0, get('/one')], [100, get('/pause')], [200, get('/held')], [700, last]]);
  await client(port, [[0, get('/one')],
    [100, 'POST /pause-body HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab'], [200, 'cde'],
    [250, get('/after-body')], [700, last]]);
  await client(port, [[0, get('/one')],
    [100, `POST /not-flowing HTTP/1.1\r\nHost: x\r\nContent-Length: ${big.length}\r\n\r\n${big}${get('/after')}`],
    [700, last]]);
  srv.close();
  console.log(log.join('\n'));
});
