// connect() rejects a port that is neither number nor string with
// ERR_INVALID_ARG_TYPE before range checks (ERR_SOCKET_BAD_PORT); a Unix socket
// server listening with readableAll/writableAll opens its file to everyone.
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

for (const port of [true, null, [], {}, -1, 65536, '12ab', '']) {
  try {
    net.connect({ port, host: '127.0.0.1' });
    console.log(JSON.stringify(port), 'accepted');
  } catch (e) {
    console.log(JSON.stringify(port), e.code, e.name);
  }
}

const p = path.join(os.tmpdir(), `coil-mode-${process.pid}.sock`);
const before = process.umask(0o077);
const server = net.createServer().listen({ path: p, readableAll: true, writableAll: true }, () => {
  const mode = fs.statSync(p).mode & 0o777;
  console.log('others may read:', (mode & 0o004) !== 0, 'write:', (mode & 0o002) !== 0);
  server.close(() => {
    const plain = net.createServer().listen({ path: p }, () => {
      console.log('without the options, others may write:', (fs.statSync(p).mode & 0o002) !== 0);
      process.umask(before);
      plain.close();
    });
  });
});
