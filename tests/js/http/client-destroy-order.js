// How destroyed and aborted client requests end, from Node's own tests (issue 15):
// a queued request destroyed before it got a socket hands the socket back to the
// agent (no new connection); a socket that failed before the aborted request got it
// gives the request its error; a pre-aborted signal destroys the request at once;
// res.destroy(err) is 'closed' only once the socket is and the socket's error is the
// request's; a free socket destroyed in its 'free' listener is not handed out; and
// joinDuplicateHeaders keeps cookies joined with '; '.
const http = require('http');
const net = require('net');

function queuedDestroy(port, how) {
  return new Promise((resolve) => {
    let created = 0;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const make = agent.createConnection;
    agent.createConnection = function(...args) { created++; return make.apply(this, args); };
    http.get({ agent, port }, (res) => res.resume());
    const req = http.get({ agent, port }, () => console.log('unexpected response'));
    req[how]();
    req.on('error', (e) => console.log(how, 'queued request error', e.code));
    req.on('close', () => console.log(how, 'queued request close'));
    http.get({ agent, port }, (res) => {
      res.resume();
      console.log(how, 'third request answered; sockets made', created);
      agent.destroy();
      setImmediate(resolve);
    });
  });
}

function failedSocket() {
  return new Promise((resolve) => {
    const createConnection = () => {
      const socket = new net.Socket();
      process.nextTick(() => socket.destroy(new Error('Oops')));
      return socket;
    };
    const req = http.get({ createConnection });
    req.on('error', (e) => console.log('aborted request error', e.message));
    req.on('close', () => { console.log('aborted request close'); resolve(); });
    req.abort();
  });
}

function preAborted(port) {
  return new Promise((resolve) => {
    const ac = new AbortController();
    ac.abort();
    const req = http.get({ port, signal: ac.signal });
    console.log('pre-aborted: destroyed', req.destroyed, 'aborted', req.aborted);
    req.on('error', (e) => { console.log('pre-aborted error', e.name, e.code); resolve(); });
  });
}

function responseDestroy(port) {
  return new Promise((resolve) => {
    const req = http.get({ port, path: '/partial' }, (res) => {
      const err = new Error('Destroy test');
      res.destroy(err);
      console.log('res.destroy: closed', res.closed, 'errored is err', res.errored === err);
      res.on('close', () => console.log('res close: closed', res.closed));
    });
    req.on('error', (e) => console.log('request error', e.message));
    req.on('close', () => setImmediate(resolve));
  });
}

function destroyedFree(port) {
  return new Promise((resolve) => {
    const agent = new http.Agent({ keepAlive: true });
    http.get({ port, agent }, (res) => {
      const socket = res.socket;
      res.resume();
      socket.on('free', () => {
        socket.destroy();
        http.get({ port, agent }, (res2) => {
          console.log('after a destroyed free socket: new socket', res2.socket !== socket);
          res2.resume();
          agent.destroy();
          resolve();
        });
      });
    });
  });
}

function joinedCookies(port) {
  return new Promise((resolve) => {
    http.get({
      port, path: '/cookies', joinDuplicateHeaders: true,
      headers: ['host', 'h', 'cookie', 'a=1', 'cookie', 'b=2', 'authorization', 'x', 'authorization', 'y'],
    }, (res) => {
      console.log('client joined: cookie', JSON.stringify(res.headers.cookie),
                  'authorization', JSON.stringify(res.headers.authorization));
      res.resume().on('end', resolve);
    });
  });
}

const server = http.createServer({ joinDuplicateHeaders: true }, (req, res) => {
  if (req.url === '/partial') {
    res.writeHead(200);
    res.write('part');
    return;
  }
  if (req.url === '/cookies') {
    console.log('server joined: cookie', JSON.stringify(req.headers.cookie),
                'authorization', JSON.stringify(req.headers.authorization));
    res.writeHead(200, ['cookie', 'c=3', 'cookie', 'd=4', 'authorization', 'p', 'authorization', 'q']);
    return res.end();
  }
  res.end('ok');
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  await queuedDestroy(port, 'destroy');
  await queuedDestroy(port, 'abort');
  await failedSocket();
  await preAborted(port);
  await responseDestroy(port);
  await destroyedFree(port);
  await joinedCookies(port);
  server.close();
  server.closeAllConnections();
});
