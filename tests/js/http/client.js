// http.request/get against an http server: a GET whose socket is reused through
// the keep-alive agent, a chunked POST upload echoed back, a HEAD response (no
// body read), 204, a 100-continue exchange ('continue' then the body), a 103
// 'information', a URL string with a query, agent: false (Connection: close),
// a refused connection, a server that hangs up ('socket hang up'), and a
// request timeout.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  if (req.url === '/hangup') return req.socket.destroy();
  if (req.url === '/slow') return setTimeout(() => res.end('late'), 500);
  if (req.url === '/hints') res.writeEarlyHints({ link: '</a.css>; rel=preload' });
  if (req.url === '/204') { res.writeHead(204); return res.end(); }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('X-Method', req.method);
    res.end(`${req.method} ${req.url} [${req.headers['transfer-encoding'] || req.headers['content-length'] || '-'}] ${req.headers.connection} ${body}`);
  });
});

function fetch(options, body, label = options.path) {
  return new Promise((resolve) => {
    const req = http.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log(`${label}: ${res.statusCode} ${res.statusMessage} ${res.headers['x-method']} reused=${req.reusedSocket} ${JSON.stringify(text)}`);
        resolve();
      });
    });
    req.on('continue', () => { console.log(`${label}: continue`); req.end(body); });
    req.on('information', (info) => console.log(`${label}: information ${info.statusCode} ${info.headers.link}`));
    req.on('error', (e) => { console.log(`${label}: error ${e.code} ${e.message.replace(/:\d+$/, ':PORT')}`); resolve(); });
    req.on('timeout', () => { console.log(`${label}: timeout`); req.destroy(); });
    if (options.headers && options.headers.Expect) return;
    if (body) { req.write(body.slice(0, 3)); req.end(body.slice(3)); } else req.end();
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const base = { port, host: '127.0.0.1' };
  await fetch({ ...base, path: '/one' });
  await fetch({ ...base, path: '/two' });
  await fetch({ ...base, path: '/upload', method: 'POST' }, 'chunked upload');
  await fetch({ ...base, path: '/put', method: 'PUT', headers: { 'Content-Length': 5 } }, 'fixed');
  await fetch({ ...base, path: '/head', method: 'HEAD' });
  await fetch({ ...base, path: '/204' });
  await fetch({ ...base, path: '/expect', method: 'POST', headers: { Expect: '100-continue' } }, 'after continue');
  await fetch({ ...base, path: '/hints' });
  await fetch({ ...base, path: '/no-agent', agent: false });
  await new Promise((resolve) => {
    http.get(`http://127.0.0.1:${port}/url?a=1`, (res) => {
      res.resume();
      res.on('end', () => { console.log('get url:', res.statusCode, res.headers['x-method']); resolve(); });
    });
  });
  await fetch({ ...base, path: '/hangup' });
  await fetch({ ...base, path: '/slow', timeout: 100 });
  const closed = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => closed.on('listening', r));
  const deadPort = closed.address().port;
  await new Promise((r) => closed.close(r));
  await fetch({ port: deadPort, host: '127.0.0.1', path: '/refused' });
  console.log('agent free sockets:', Object.keys(http.globalAgent.freeSockets).length);
  server.close();
  http.globalAgent.destroy();
});
