// Echo over a Unix socket in a temp dir: address() is the path, the socket file is
// removed when the server closes, a second listen on the same path is EADDRINUSE.
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-net-'));
const sockPath = path.join(dir, 'echo.sock');
const server = net.createServer((sock) => sock.pipe(sock));
server.listen(sockPath, () => {
  console.log('address is the path:', server.address() === sockPath);
  console.log('socket file exists:', fs.existsSync(sockPath));
  const other = net.createServer();
  other.on('error', (err) => {
    console.log('second listen:', err.code, err.syscall, err.address === sockPath);
    const c = net.connect(sockPath, () => {
      c.end('over unix');
    });
    const chunks = [];
    c.on('data', (d) => chunks.push(d));
    c.on('end', () => console.log('echoed:', Buffer.concat(chunks).toString()));
    c.on('close', () => {
      server.close(() => {
        console.log('socket file removed:', !fs.existsSync(sockPath));
        fs.rmdirSync(dir);
      });
    });
  });
  other.listen(sockPath);
});
