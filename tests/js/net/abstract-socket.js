// A Unix socket in the abstract namespace (a name starting with NUL): listen,
// address() gives the name back, connect, close (no file to remove).
const net = require('net');
const name = '\0coil-abstract-' + process.pid;
const srv = net.createServer((s) => s.end('hi from abstract'));
srv.listen(name, () => {
  console.log('address:', JSON.stringify(srv.address()) === JSON.stringify(name));
  net.connect(name).on('data', (d) => console.log(String(d))).on('end', () => srv.close(() => console.log('closed')));
});
