// The TCP echo server of bench/net, one file for coil, node, bun and deno (deno
// reads it as CommonJS through package.json beside it). `echo.js PORT`.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', (data) => socket.write(data));
  // A load generator that exits resets its connections: not the server's failure.
  socket.on('error', () => {});
});
server.listen(Number(process.argv[2]));
