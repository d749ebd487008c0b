// abort() once the request has a socket (assigned, connected, or waiting for its
// response) still fails it with 'socket hang up' (ECONNRESET) before 'close';
// aborted before a socket came, it only closes.
const http = require('http');
const server = http.createServer((req, res) => { setTimeout(() => res.end('x'), 300); });
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const when of ['sync', 'socket', 'connect', 'later']) {
    await new Promise((resolve) => {
      const ev = [];
      const req = http.get({ port, host: '127.0.0.1', agent: false });
      for (const e of ['abort', 'error', 'close', 'socket', 'response']) req.on(e, (x) => ev.push(e === 'error' ? `error ${x.code}` : e));
      req.on('close', () => { console.log(when, ev.join(',')); resolve(); });
      if (when === 'sync') req.abort();
      else if (when === 'socket') req.on('socket', () => req.abort());
      else if (when === 'connect') req.on('socket', (s) => s.on('connect', () => req.abort()));
      else setTimeout(() => req.abort(), 100);
    });
  }
  server.close();
});
