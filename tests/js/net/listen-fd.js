// listen({ fd }): a child is handed the parent's listening socket as its fd 3
// (as systemd's socket activation does) and serves on it; handle.fd is a number;
// an fd that is not a socket is an error.
const net = require('net');
const cp = require('child_process');
const fs = require('fs');

if (process.argv[2] === 'child') {
  const srv = net.createServer((s) => { s.end('served by the child\n'); srv.close(); });
  srv.listen({ fd: 3 }, () => console.log(`listening ${srv.address().family}`));
} else {
  const parent = net.createServer();
  parent.listen(0, '127.0.0.1', () => {
    const port = parent.address().port;
    console.log('fd is a number:', typeof parent._handle.fd === 'number');
    const c = cp.spawn(process.execPath, [__filename, 'child'],
                       { stdio: ['inherit', 'pipe', 'inherit', parent._handle.fd] });
    parent.close();
    c.stdout.once('data', (d) => {
      console.log('child said:', String(d).trim());
      net.connect(port, '127.0.0.1')
        .on('data', (b) => console.log('got:', String(b).trim()))
        .on('end', () => notSocket());
    });
  });
}

function notSocket() {
  const fd = fs.openSync(__filename, 'r');
  const s = net.createServer();
  s.on('error', (e) => {
    console.log('not a socket:', e.code, e.syscall);
    fs.closeSync(fd);
  });
  s.listen({ fd });
}
