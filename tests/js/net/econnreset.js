// A peer that resets mid-stream (resetAndDestroy: SO_LINGER 0, then close): the
// reader gets 'error' ECONNRESET from read, then 'close' with hadError; a write to
// a reset connection fails with EPIPE or ECONNRESET, never a crash.
const net = require('net');

const server = net.createServer((sock) => {
  sock.write('some data first');
  sock.once('data', () => sock.resetAndDestroy());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.once('data', (d) => {
    console.log('got:', d.toString());
    c.write('now reset me');
  });
  c.on('error', (err) => {
    console.log('error:', err.code, err.syscall, err.errno, err.message);
  });
  c.on('close', (hadError) => {
    console.log('close, hadError:', hadError);
    server.close(() => console.log('closed'));
  });
});
