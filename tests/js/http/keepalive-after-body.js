// A keep-alive connection goes on after a request whose large body the handler
// consumed (resumed, read with 'data', or piped), and after a response body the
// client read: the next request on the same socket is answered, not stalled
// behind a socket the finished body had paused.
const http = require('http');
const { Writable, pipeline } = require('stream');

const handlers = {
  resume(req, res) { req.resume(); req.on('end', () => res.end('resumed')); },
  data(req, res) {
    let n = 0;
    req.on('data', (d) => { n += d.length; });
    req.on('end', () => res.end(`read ${n}`));
  },
  pipe(req, res) {
    let n = 0;
    const sink = new Writable({ highWaterMark: 1024, write(c, e, cb) { n += c.length; setImmediate(cb); } });
    pipeline(req, sink, (err) => res.end(err ? err.code : `piped ${n}`));
  },
};

const srv = http.createServer((req, res) => {
  if (req.method === 'PUT') return handlers[req.url.slice(1)](req, res);
  res.end(Buffer.alloc(200000, 'y'));
});

function request(agent, opts, body) {
  return new Promise((resolve, reject) => {
    const r = http.request({ port: srv.address().port, host: '127.0.0.1', agent, ...opts }, (res) => {
      let n = 0, text = '';
      res.on('data', (d) => { n += d.length; if (n < 100) text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text: n < 100 ? text : `${n} bytes`, port: r.socket.localPort, reused: r.reusedSocket }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

srv.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = Buffer.alloc(300000, 'x');
  const ports = new Set();
  for (const kind of Object.keys(handlers)) {
    const put = await request(agent, { method: 'PUT', path: `/${kind}` }, body);
    const get = await request(agent, { path: '/' });
    ports.add(put.port).add(get.port);
    console.log(kind, put.status, put.text, '| then GET', get.status, get.text, 'reused', get.reused);
  }
  console.log('one connection for all:', ports.size === 1);
  agent.destroy();
  srv.close(() => console.log('closed'));
});
