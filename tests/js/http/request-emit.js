// How a server's 'request' reaches its listeners, request by request on one
// keep-alive connection: one listener, a second one added, a once() listener,
// one listener again, a patched server.emit (as tracing tools do) that sees every
// event; then, with captureRejections, an async listener whose rejection the
// server answers with a 500.
const http = require('http');
const net = require('net');

const log = [];
const srv = http.createServer((req, res) => {
  log.push(`first ${req.url}`);
  res.end('ok');
});
const step = {
  '/two': () => srv.on('request', (req) => log.push(`second ${req.url}`)),
  '/once': () => srv.once('request', (req) => log.push(`once ${req.url}`)),
  '/single': () => {
    srv.removeAllListeners('request');
    srv.on('request', (req, res) => { log.push(`only ${req.url}`); res.end('ok'); });
  },
  '/patched': () => {
    const emit = srv.emit;
    srv.emit = function(type, ...args) {
      if (type === 'request') log.push(`patched emit ${args[0].url}`);
      return emit.apply(this, [type, ...args]);
    };
  },
  '/unpatched': () => { delete srv.emit; },
  '/last': () => {},
};
const paths = Object.keys(step);

srv.listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, '127.0.0.1');
  let i = -1;
  const next = () => {
    if (++i === paths.length) { c.end(); srv.close(captureRejections); return; }
    step[paths[i]]();
    c.write(`GET ${paths[i]} HTTP/1.1\r\nHost: x\r\n\r\n`);
  };
  let got = '';
  c.on('data', (d) => {
    got += d;
    if (!got.endsWith('\r\n\r\nok')) return;
    got = '';
    next();
  });
  c.on('connect', next);
});

// captureRejections (on for emitters made from now): an async listener's
// rejection goes to the server's rejection handler, which answers 500.
function captureRejections() {
  require('events').captureRejections = true;
  const capSrv = http.createServer(async (req, res) => {
    log.push(`async ${req.url}`);
    throw new Error(`rejected ${req.url}`);
  });
  capSrv.listen(0, '127.0.0.1', () => {
    http.get({ port: capSrv.address().port, host: '127.0.0.1', path: '/async' }, (res) => {
      log.push(`async answer ${res.statusCode}`);
      res.resume();
      res.on('end', () => capSrv.close());
    });
  });
}

process.on('exit', () => { for (const l of log) console.log(l); });
