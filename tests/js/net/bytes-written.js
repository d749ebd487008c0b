// bytesWritten counts bytes (not characters) and includes what is still queued,
// also before the connection is up; pending/connecting/readyState along the way.
const net = require('net');

const server = net.createServer((s) => {
  s.setEncoding('utf8');
  let got = '';
  s.on('data', (d) => { got += d; });
  s.on('end', () => { console.log('server got:', got); s.end(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = new net.Socket();
  console.log('before connect:', c.pending, c.connecting, c.readyState);
  c.connect(server.address().port, '127.0.0.1', () => {
    console.log('connected:', c.pending, c.connecting, c.readyState);
  });
  console.log('connecting:', c.pending, c.connecting, c.readyState);
  c.write('héllo wörld ', () => console.log('after write:', c.bytesWritten));
  console.log('queued before connect:', c.bytesWritten);
  c.end('✓');
  c.on('close', () => {
    console.log('at close:', c.bytesWritten, c.readyState);
    server.close();
  });
});
