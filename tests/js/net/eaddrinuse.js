// A second server on a taken port: 'error' with EADDRINUSE and node's message;
// the first keeps working. listen twice throws ERR_SERVER_ALREADY_LISTEN.
const net = require('net');

const a = net.createServer();
a.listen(0, '127.0.0.1', () => {
  const { port } = a.address();
  try {
    a.listen(0);
  } catch (err) {
    console.log(err.code);
  }
  const b = net.createServer();
  b.on('listening', () => console.log('unexpected listening'));
  b.on('error', (err) => {
    console.log(err.message === `listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
    console.log(err.code, err.errno, err.syscall, err.address, err.port === port);
    console.log('b listening:', b.listening, 'a listening:', a.listening);
    a.close(() => console.log('closed'));
  });
  b.listen(port, '127.0.0.1');
});
