// The TCP options reach the socket's `_handle` through its own methods, as in
// node: a connect to a name has its handle at once (before the lookup), and
// noDelay/keepAlive given to connect() are set on it once connected (the
// initial delay in whole seconds, none below 0); a server's noDelay/keepAlive
// are set on each connection's handle in its listening handle's onconnection,
// and the socket knows them (asking again changes nothing); setNoDelay and
// setKeepAlive call the handle only when the setting changes.
const net = require('net');

function spy(handle, log) {
  const { setNoDelay, setKeepAlive } = handle;
  handle.setNoDelay = function(on) {
    log.push(`setNoDelay(${on})`);
    return setNoDelay.call(this, on);
  };
  handle.setKeepAlive = function(on, delay) {
    log.push(`setKeepAlive(${on}, ${delay})`);
    return setKeepAlive.call(this, on, delay);
  };
}

const server = net.createServer({ keepAlive: true, keepAliveInitialDelay: 1500, noDelay: true });
console.log('server options', server.keepAlive, server.keepAliveInitialDelay, server.noDelay);
console.log('negative delay', net.createServer({ keepAliveInitialDelay: -3000 }).keepAliveInitialDelay);
try {
  net.createServer({ keepAliveInitialDelay: '1000' });
} catch (err) {
  console.log('string delay', err.code);
}

server.on('connection', (socket) => {
  const log = [];
  spy(socket._handle, log);
  socket.setNoDelay(true);
  socket.setKeepAlive(true, 1000);
  socket.setKeepAlive(true, 1999);
  socket.setKeepAlive(true, 2000);
  socket.setKeepAlive(false, 2000);
  socket.setKeepAlive(false, 5000);
  socket.setNoDelay(0);
  console.log('accepted:', log.join(' '));
  socket.end();
});

server.listen(0, '127.0.0.1', () => {
  const onconnection = server._handle.onconnection;
  console.log('onconnection', typeof onconnection);
  server._handle.onconnection = function(err, handle) {
    const log = [];
    spy(handle, log);
    onconnection.call(this, err, handle);
    console.log('onconnection:', err, log.join(' '));
  };
  clients(server.address().port, [
    { keepAlive: true, keepAliveInitialDelay: 2500, noDelay: 1 },
    { keepAlive: 'yes', keepAliveInitialDelay: -123000 },
    { keepAlive: 0, noDelay: '' },
  ], () => server.close());
});

function clients(port, list, done) {
  if (list.length === 0) return done();
  const options = list.shift();
  const client = net.connect({ port, host: 'localhost', ...options });
  const log = [];
  console.log('handle at once', client._handle !== null && client.connecting);
  spy(client._handle, log);
  client.on('connect', () => console.log('connected:', log.join(' ') || 'none'));
  client.resume();
  client.on('close', () => clients(port, list, done));
}
