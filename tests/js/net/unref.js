// An unref'd server and an unref'd connected client do not keep the process alive:
// it exits once the timer below has run; a ref()'d one would not.
const net = require('net');

const server = net.createServer((sock) => { sock.unref(); });
server.listen(0, '127.0.0.1', () => {
  server.unref();
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.unref();
    console.log('connected; everything unref\'d');
  });
  setTimeout(() => console.log('timer ran'), 50);
});
process.on('exit', () => console.log('exit with server listening:', server.listening));
