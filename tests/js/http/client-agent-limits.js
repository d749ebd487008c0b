// From Node's own tests (issue 15): an agent at maxTotalSockets serves a second
// origin once the first one's sockets go idle (a new socket for it, the idle one
// closed when over the limit); NODE_DEBUG=http logs and warns that the log can
// show secrets; an https request whose connection is refused fails with the
// connection's error (its TLS socket's 'error' comes before 'close'); a response
// whose status line says HTTP/0.9 or HTTP/2.0 is read as 1.0 is (1.2 is an error).
const http = require('http');
const net = require('net');
const https = require('https');
const tls = require('tls');
const { spawnSync } = require('child_process');

function twoOrigins(maxTotalSockets, maxSockets) {
  return new Promise((resolve) => {
    const agent = new http.Agent({ keepAlive: true, maxTotalSockets, maxSockets, maxFreeSockets: 3 });
    let created = 0;
    const make = agent.createConnection;
    agent.createConnection = function(...args) { created++; return make.apply(this, args); };
    let left = 12;
    let over = false;
    const servers = [0, 1].map(() => http.createServer((req, res) => res.end('hi')));
    let listening = 0;
    for (const server of servers) {
      server.listen(0, '127.0.0.1', () => {
        if (++listening < 2) return;
        for (const s of servers) {
          for (let i = 0; i < 6; i++) {
            http.get({ host: '127.0.0.1', port: s.address().port, agent }, (res) => {
              res.resume();
              res.on('end', () => {
                let active = 0;
                for (const key of Object.keys(agent.sockets)) {
                  if (agent.sockets[key].length > maxSockets) over = true;
                  active += agent.sockets[key].length;
                }
                if (active > maxTotalSockets) over = true;
                if (--left > 0) return;
                console.log(`maxTotalSockets ${maxTotalSockets} maxSockets ${maxSockets}: all answered,`,
                            'over a limit', over, 'waiting', Object.keys(agent.requests).length,
                            'sockets made', created);
                agent.destroy();
                for (const srv of servers) srv.close();
                resolve();
              });
            });
          }
        }
      });
    }
  });
}

function debugLog() {
  const child = spawnSync(process.execPath, [__filename, 'child'], {
    encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'http' },
  });
  const warning = /Warning: Setting the NODE_DEBUG environment variable to 'http' can expose sensitive data \(such as passwords, tokens and authentication headers\) in the resulting log\./;
  console.log('NODE_DEBUG=http: warned', warning.test(child.stderr),
              'logged', new RegExp(`HTTP ${child.pid}: `).test(child.stderr), 'stdout', JSON.stringify(child.stdout));
}

function refusedTls() {
  return new Promise((resolve) => {
    const events = [];
    const socket = tls.connect({ host: '127.0.0.1', port: 1 });
    socket.on('error', (e) => events.push(`tls error ${e.code}`));
    socket.on('close', () => {
      events.push('tls close');
      const req = https.get({ host: '127.0.0.1', port: 1 });
      req.on('error', (e) => {
        events.push(`https error ${e.code}`);
        console.log(events.join(', '));
        resolve();
      });
    });
  });
}

function oddVersions() {
  return ['0.9', '2.0', '1.2'].reduce((p, v) => p.then(() => new Promise((resolve) => {
    const server = net.createServer((c) => c.end(`HTTP/${v} 200 OK\r\nX: y\r\n\r\nbody`));
    server.listen(0, '127.0.0.1', () => {
      const req = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => {
          console.log(`HTTP/${v}:`, res.httpVersion, res.httpVersionMajor, res.httpVersionMinor,
                      res.statusCode, res.headers.x, JSON.stringify(body));
          server.close();
          resolve();
        });
      });
      req.on('error', (e) => {
        console.log(`HTTP/${v}: error`, e.code, e.message);
        server.close();
        resolve();
      });
    });
  })), Promise.resolve());
}

if (process.argv[2] === 'child') {
  const server = http.createServer((req, res) => res.end('x'));
  server.listen(0, '127.0.0.1', () => {
    http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
      res.resume();
      res.on('end', () => { console.log('child done'); server.close(); });
    });
  });
} else {
  (async () => {
    await twoOrigins(2, 3);
    await twoOrigins(3, 2);
    await twoOrigins(2, 2);
    debugLog();
    await refusedTls();
    await oddVersions();
  })();
}
