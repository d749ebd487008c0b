// When process.nextTick callbacks and microtasks queued by a request handler
// run, on a keep-alive connection's later reads (which coil parses as they
// complete, and whose ticks the request's own call runs at its end): after
// every request of a read (pipelined ones too), before the next read and the
// immediates; a tick that throws goes to 'uncaughtException' and the ticks
// behind it still run before anything else.
const http = require('http');
const net = require('net');

const log = [];
process.on('uncaughtException', (e) => log.push(`uncaught ${e.message}`));

const srv = http.createServer((req, res) => {
  const u = req.url;
  log.push(`request ${u}`);
  process.nextTick(() => log.push(`tick ${u}`));
  Promise.resolve().then(() => log.push(`micro ${u}`));
  if (u === '/throw') {
    process.nextTick(() => { throw new Error(`from a tick of ${u}`); });
    process.nextTick(() => log.push(`tick after the throw ${u}`));
  }
  setImmediate(() => log.push(`immediate ${u}`));
  res.on('finish', () => log.push(`finish ${u}`));
  res.end(u);
});

const get = (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;
// Each write waits for the answers to all before it.
const writes = [get('/a'), get('/b'), get('/c') + get('/d'), get('/throw'), get('/e') + get('/f')];

srv.listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, '127.0.0.1');
  c.setEncoding('latin1');
  let got = '';
  let answers = 0;
  let sent = 0;
  const send = () => {
    const w = writes[sent++];
    log.push(`client writes ${w.split('\r\n\r\n').length - 1} request(s)`);
    answers += w.split('\r\n\r\n').length - 1;
    c.write(w);
  };
  c.on('connect', send);
  c.on('data', (d) => {
    got += d;
    if (got.split('HTTP/1.1 200 OK').length - 1 < answers) return;
    if (sent < writes.length) {
      setTimeout(send, 20);
      return;
    }
    c.end();
    srv.close(() => {
      for (const line of log) console.log(line);
    });
  });
});
