// A socket's `_handle` as node's: close() on it closes the connection under the
// socket, and a write then fails with 'write EBADF'; with `_handle` set to null
// as well (or never made), a write fails with ERR_SOCKET_CLOSED. A program's
// own object as `handle` is only called for the TCP options (setNoDelay's
// argument coerced, true when left out, and called when it changes; none when
// the object has no such method). ref()/unref() before the connect are applied
// to the handle, in order, once connected.
const net = require('net');

new net.Socket().on('error', (err) => console.log('no handle:', err.code, err.message)).write('x');

function foreign(extra) {
  const calls = [];
  const handle = {
    setNoDelay: (...args) => calls.push(`nd(${args})`),
    setKeepAlive: (...args) => calls.push(`ka(${args})`),
    readStart() {},
    ...extra,
  };
  return { socket: new net.Socket({ handle }), calls };
}
{
  const { socket, calls } = foreign();
  socket.setNoDelay();
  for (const v of [true, 1, 'true', {}, [], false, 0, '', 'x']) socket.setNoDelay(v);
  socket.setKeepAlive(true);
  socket.setKeepAlive(true, 999);
  socket.setKeepAlive(true, 1000);
  socket.setKeepAlive(1, 1000);
  console.log('foreign:', calls.join(' '), socket._handle.readStart !== undefined);
}
{
  const { socket, calls } = foreign({ setNoDelay: null, setKeepAlive: undefined });
  console.log('no methods:', socket.setNoDelay(true) === socket, socket.setKeepAlive(true) === socket,
              calls.length);
}

const server = net.createServer((c) => c.resume());
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const client = net.connect({ port, host: '127.0.0.1' }, () => {
    client.on('error', (err) => {
      console.log('after close:', err.constructor === Error, err.message, err.code, err.syscall);
      second(port);
    });
    client._handle.close();
    client.write('foo');
  });
});

function second(port) {
  const client = net.connect({ port, host: '127.0.0.1' }, () => {
    client.on('error', (err) => {
      console.log('handle gone:', err.code, err.message);
      third(port);
    });
    client._handle.close();
    client._handle = null;
    client.write('foo');
  });
}

function third(port) {
  const log = [];
  const client = new net.Socket();
  client.unref();
  client.ref();
  client.unref();
  client.connect({ port, host: 'localhost' }, () => {
    const h = client._handle;
    log.push(`connected ${typeof h.ref} ${typeof h.unref}`);
    client.end();
  });
  const h = client._handle;
  const { ref, unref } = h;
  h.ref = function() { log.push('ref'); return ref.call(this); };
  h.unref = function() { log.push('unref'); return unref.call(this); };
  client.on('close', () => {
    console.log('ref/unref:', log.join(' '));
    server.close();
  });
  // Unref'd once connected: the server keeps the process alive until it closes.
  setTimeout(() => {}, 50);
}
