// A connection made right after server.close() is refused (ECONNREFUSED), as
// node's listener stops at close(); before, coil's ring still held the listening
// fd for a turn and the client was accepted and then reset (ECONNRESET).
'use strict';
const net = require('net');
const fs = require('fs');
const path = require('path');
const os = require('os');

function check(label, listenArgs, connectArgs) {
  let port;
  return new Promise((resolve) => {
    const server = net.createServer((s) => {
      s.on('close', () => console.log(label, 'server side closed'));
      server.close(() => console.log(label, 'server close callback'));
      const late = net.connect(...connectArgs(port));
      late.on('connect', () => console.log(label, 'late client connected (wrong)'));
      late.on('error', (e) => console.log(label, 'late client error', e.code, e.syscall));
      late.on('close', () => { s.end(); first.end(); });
    });
    let first;
    server.listen(...listenArgs, () => {
      port = server.address().port;
      first = net.connect(...connectArgs(port));
      first.on('close', () => resolve());
      first.resume();
    });
  });
}

(async () => {
  await check('tcp', [0, '127.0.0.1'], (port) => [port, '127.0.0.1']);
  const sock = path.join(os.tmpdir(), `coil-refused-${process.pid}.sock`);
  try { fs.unlinkSync(sock); } catch {}
  await check('unix', [sock], () => [sock]);
  console.log('socket file left', fs.existsSync(sock));
})();
