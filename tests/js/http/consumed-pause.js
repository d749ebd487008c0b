// A keep-alive connection paused after its reads went straight to the parser:
// a socket.pause() in a handler, then resume(), serves what came meanwhile (the
// next request is read at once, as in node: http/socket-pause.js); a
// paused request with a large body is read in full after it resumes; a socket
// timeout set in a handler is restarted by later reads.
const http = require('http');
const net = require('net');

const log = [];
const srv = http.createServer((req, res) => {
  log.push(`request ${req.url}`);
  if (req.url === '/pause') {
    req.socket.pause();
    setTimeout(() => {
      req.socket.resume();
      res.end('p');
    }, 150);
    return;
  }
  if (req.url === '/big') {
    req.pause();
    setTimeout(() => {
      let n = 0;
      req.on('data', (d) => { n += d.length; });
      req.on('end', () => { log.push(`big body ${n}`); res.end('b'); });
      req.resume();
    }, 150);
    return;
  }
  if (req.url === '/timeout') {
    req.socket.setTimeout(500, () => {
      log.push('timeout');
      req.socket.destroy();
    });
  }
  res.end('ok');
});

const get = (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;

function client(port, writes, done) {
  const c = net.connect(port, '127.0.0.1');
  let out = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { out += d; });
  c.on('close', () => done(out.split('HTTP/1.1 200').length - 1));
  for (const [at, data] of writes) setTimeout(() => c.write(data), at);
  return c;
}

srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  const big = 'x'.repeat(4 << 20);
  const bigReq = `POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: ${big.length}\r\n\r\n`;
  const c = client(port, [[0, get('/one')], [50, get('/pause')], [100, get('/held')],
    [350, bigReq + big + get('/after-big')], [700, get('/last').replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')]],
  (answers) => {
    log.push(`answers ${answers}`);
    client(port, [[0, get('/one')], [50, get('/timeout')], [350, get('/in-time')], [700, get('/still')]], (n) => {
      log.push(`answers ${n}`);
      srv.close();
      console.log(log.join('\n'));
    });
  });
});
