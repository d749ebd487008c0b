// A keep-alive connection's later reads (which coil parses as they complete,
// without the socket's JS read path) behave as its first: pipelined requests
// split at any byte across reads, bodies, bytesRead, a 'data' listener added
// late (or while the first read is parsed), an upgrade, a bad request and an
// end in the middle of a body.
const http = require('http');
const net = require('net');

const srv = http.createServer((req, res) => {
  if (req.url === '/sync-listen') {
    // Added while the connection's first read is being parsed.
    req.socket.prependListener('data', (d) => console.log('sync listener saw', JSON.stringify(d.toString())));
  }
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (d) => { body += d; });
  req.on('error', (e) => console.log('request error', e.code));
  req.on('aborted', () => console.log('aborted', req.url, body.length));
  req.on('end', () => {
    console.log('request', req.method, req.url, JSON.stringify(body));
    if (req.url === '/listen') {
      req.socket.on('data', (d) => console.log('late listener saw', JSON.stringify(d.toString())));
    }
    res.end(`${req.url}:${body.length}`);
  });
});
srv.on('upgrade', (req, socket, head) => {
  console.log('upgrade', req.url, JSON.stringify(head.toString()));
  socket.on('data', (d) => {
    console.log('upgraded data', JSON.stringify(d.toString()));
    socket.end('bye');
  });
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
});
let sockets = [];
srv.on('connection', (s) => sockets.push(s));

const get = (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;
const post = (path, body) => `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

// Writes each step once the answers so far number step.after, then waits for close.
function talk(port, steps, done) {
  const c = net.connect(port, '127.0.0.1');
  let out = '';
  let i = 0;
  let sent = 0;
  c.setEncoding('latin1');
  const next = () => {
    while (i < steps.length && out.split('HTTP/1.1 ').length - 1 >= steps[i].after) {
      const s = steps[i++];
      if (s.end) c.end();
      else { sent += s.data.length; c.write(s.data); }
    }
  };
  c.on('connect', next);
  c.on('data', (d) => { out += d; next(); });
  c.on('close', () => {
    console.log('client got', JSON.stringify(out.replace(/\r\nDate: [^\r]*/g, '').replace(/\r\n(Connection|Keep-Alive|Content-Length|Transfer-Encoding): [^\r]*/g, '')));
    done(sent);
  });
  return c;
}

srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  const p3 = post('/3', '0123456789');
  const split = get('/2') + p3 + get('/4');
  const cut1 = get('/2').length + p3.length - 5;
  const cut2 = cut1 + 7;
  talk(port, [
    { after: 0, data: get('/1') },
    { after: 1, data: split.slice(0, 3) },
    { after: 1, data: split.slice(3, cut1) },
    { after: 1, data: split.slice(cut1, cut2) },
    { after: 1, data: split.slice(cut2) + 'GET /5 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' },
  ], (sent) => {
    console.log('bytesRead matches', sockets[0].bytesRead === sent);
    talk(port, [
      { after: 0, data: get('/listen') },
      { after: 1, data: get('/after-listen') },
      { after: 2, data: get('/ws').replace('\r\n\r\n', '\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\nHEAD') },
      { after: 3, data: 'MORE' },
    ], () => {
      talk(port, [
        { after: 0, data: get('/ok') },
        { after: 1, data: 'BAD / HTTP/1.1\r\nHost: x\r\n\r\n' },
      ], () => {
        talk(port, [
          { after: 0, data: get('/ok2') },
          { after: 1, data: post('/cut', '0123456789').slice(0, -4) },
          { after: 1, end: true },
        ], () => {
          talk(port, [
            { after: 0, data: get('/sync-listen') },
            { after: 1, data: get('/next') },
            { after: 2, end: true },
          ], () => setTimeout(() => srv.close(() => console.log('closed')), 50));
        });
      });
    });
  });
});
