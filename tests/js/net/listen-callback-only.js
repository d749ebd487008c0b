// server.listen(callback) alone listens on a random port (IPv6 any, or IPv4 any
// where IPv6 is missing) and calls back once listening.
const net = require('net');
const server = net.createServer();
server.listen(function onListening() {
  const { port, family } = server.address();
  console.log('listening', port > 0, family === 'IPv6' || family === 'IPv4');
  server.close(() => console.log('closed'));
});
