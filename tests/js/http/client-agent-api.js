// http client and Agent API details from Node's own tests (issue 15): the old
// agent.addRequest(req, host, port, localAddress) form, the Host header checked
// (and turned into the TLS server name) when the agent takes the request, host and
// hostname type checks, brackets in the Host field only for IPv6, request timeouts
// (req.timeoutCb, a deferred setTimeout, clearTimeout, the overflow warning), the
// agent's keepSocketAlive/reuseSocket hooks, its keepAlive socket options, and a
// queued request given a new socket when the freed one was destroyed.
const http = require('http');
const net = require('net');
const assert = require('assert');

function code(fn) {
  try { fn(); return 'no throw'; } catch (e) { return `${e.code}: ${e.message}`; }
}

function legacyAddRequest() {
  const agent = new http.Agent();
  agent.maxSockets = 0;
  const req = { getHeader: () => {} };
  agent.addRequest(req, 'localhost', 8080, '127.0.0.1');
  agent.addRequest(req, { host: 'localhost', port: 8080, localAddress: '127.0.0.1', path: '/x' });
  console.log('queued under', Object.keys(agent.requests), agent.requests['localhost:8080:127.0.0.1'].length);
  console.log('host array:', code(() => http.request({ port: 1, headers: { host: [] } })));
  for (const v of [1, {}, true]) {
    console.log('hostname', code(() => http.request({ hostname: v })));
    console.log('host', code(() => http.request({ host: v })));
  }
  for (const v of ['', null, undefined]) {
    const r = http.request({ host: v, port: 1 });
    r.on('error', () => {});
    r.destroy();
  }
  console.log('timeout option:', code(() => http.request({ port: 1, timeout: -1 })));
}

// createConnection points every request at the local server, whatever its host.
function hostHeaders(port) {
  return Promise.all(['foo:1234', '::1', '127.0.0.1'].map((host) => new Promise((resolve) => {
    const createConnection = () => net.createConnection({ port, host: '127.0.0.1' });
    http.get({ host, createConnection }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(`${host} -> ${body}`));
    });
  }))).then((lines) => console.log(lines.join('\n')));
}

function timeoutListeners(port) {
  return new Promise((resolve) => {
    const agent = new http.Agent({ keepAlive: true, timeout: 5000 });
    const names = (s) => s.listeners('timeout').map((f) => f.name).join(',');
    const req = http.get({ port, agent, timeout: 3000 }, (res) => {
      console.log('response: socket timeout', req.socket.timeout, 'listeners', names(req.socket));
      res.resume();
      res.on('end', () => setImmediate(() => {
        console.log('freed: socket timeout', req.socket.timeout, 'listeners', names(req.socket));
        const plain = http.get({ port, agent: new http.Agent() });
        console.log('no timeout: timeoutCb', plain.timeoutCb);
        plain.on('socket', (s) => {
          console.log('no timeout: listeners', JSON.stringify(names(s)));
          plain.on('response', (r) => r.resume().on('end', () => { agent.destroy(); resolve(); }));
        });
      }));
    });
    req.on('socket', (s) => {
      console.log('socket: timeout', s.timeout, 'listeners', names(s), s.listeners('timeout')[1] === req.timeoutCb);
    });
  });
}

// Never answered: the request's setTimeout waits for the connection, and its
// 'timeout' comes once.
function deferredTimeout(port) {
  return new Promise((resolve) => {
    const req = http.get({ port, path: '/never', timeout: 2000 });
    req.setTimeout(1000);
    req.on('socket', (s) => {
      console.log('deferred: at socket', s.timeout);
      s.on('connect', () => {
        console.log('deferred: at connect', s.timeout);
        s.setTimeout(20);
      });
    });
    req.on('timeout', () => {
      console.log('deferred: timeout, socket listeners', req.socket.listenerCount('timeout'));
      req.destroy();
    });
    req.on('error', (e) => console.log('deferred: error', e.code, e.message));
    req.on('close', resolve);
  });
}

function clearAndOverflow(port) {
  return new Promise((resolve) => {
    const warnings = [];
    const onWarning = (w) => warnings.push(`${w.name}: ${w.message.replace('\n', ' ')} ${w.stack.includes(__filename)}`);
    process.on('warning', onWarning);
    const req = http.request({ port, agent: false }, (res) => {
      req.clearTimeout(() => {});
      res.resume();
      res.on('end', () => setImmediate(() => {
        process.removeListener('warning', onWarning);
        console.log(warnings.join('\n'));
        console.log('after end: setTimeout returns the request', req.setTimeout(10) === req);
        resolve();
      }));
    });
    req.setTimeout(2 ** 40, () => console.log('unexpected timeout'));
    console.log('msecs -1:', code(() => req.setTimeout(-1)));
    console.log('msecs "1":', code(() => req.setTimeout('1')));
    req.end();
  });
}

function keepAliveHooks(port) {
  return new Promise((resolve) => {
    const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 1500, maxFreeSockets: 2 });
    const createConnection = agent.createConnection;
    agent.createConnection = function(options, cb) {
      console.log('createConnection keepAlive', options.keepAlive, options.keepAliveInitialDelay);
      return createConnection.call(this, options, cb);
    };
    let kept = 0;
    let expected = null;
    agent.keepSocketAlive = (socket) => {
      kept++;
      console.log('keepSocketAlive', kept);
      if (kept !== 2) return false;
      expected = socket;
      return http.Agent.prototype.keepSocketAlive.call(agent, socket);
    };
    agent.reuseSocket = (socket, req) => {
      console.log('reuseSocket expected socket', socket === expected);
      http.Agent.prototype.reuseSocket.call(agent, socket, req);
    };
    let n = 0;
    const next = () => {
      if (n++ === 3) { agent.destroy(); resolve(); return; }
      const req = http.get({ port, agent }, (res) => {
        console.log('request', n, 'reused', req.reusedSocket);
        res.resume();
        res.on('end', () => setImmediate(next));
      });
    };
    next();
  });
}

function destroyedWhileFree(port) {
  return new Promise((resolve) => {
    const agent = new http.Agent({ maxSockets: 1 });
    let frees = 0;
    agent.on('free', () => frees++);
    const r1 = http.get({ port, agent }, (res) => {
      res.resume();
      res.on('end', () => r1.socket.destroy());
    });
    const r2 = http.get({ port, agent }, (res) => {
      console.log('second request: new socket', r1.socket !== r2.socket, 'first destroyed', r1.socket.destroyed,
                  'reused', r2.reusedSocket);
      res.resume();
      res.on('end', () => setImmediate(() => { console.log('free events', frees); resolve(); }));
    });
  });
}

const server = http.createServer((req, res) => {
  if (req.url === '/never') return;
  res.end(req.headers.host);
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  legacyAddRequest();
  await hostHeaders(port);
  await timeoutListeners(port);
  await deferredTimeout(port);
  await clearAndOverflow(port);
  await keepAliveHooks(port);
  await destroyedWhileFree(port);
  assert.strictEqual(typeof http.ClientRequest.prototype.clearTimeout, 'function');
  server.close();
  server.closeAllConnections();
});
