// Half-close both ways with allowHalfOpen: the client ends first and still reads
// the server's reply; then the server ends first and still reads the client's.
// Without allowHalfOpen the peer's end ends our side too.
const net = require('net');

function clientEndsFirst(done) {
  const server = net.createServer({ allowHalfOpen: true }, (sock) => {
    let got = '';
    sock.on('data', (d) => { got += d; });
    sock.on('end', () => {
      console.log('server read to end:', got, 'writable:', sock.writable);
      setTimeout(() => sock.end(`late reply to ${got}`), 20);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
    c.end('question');
    let reply = '';
    c.on('data', (d) => { reply += d; });
    c.on('end', () => console.log('client got after its own end:', reply));
    c.on('close', () => server.close(done));
  });
}

function serverEndsFirst(done) {
  const server = net.createServer({ allowHalfOpen: true }, (sock) => {
    sock.end('server says bye first');
    let got = '';
    sock.on('data', (d) => { got += d; });
    sock.on('end', () => console.log('server still read:', got));
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('end', () => {
      console.log('client read to end:', got, 'writable:', c.writable);
      setTimeout(() => c.end('client answers after'), 20);
    });
    c.on('close', () => server.close(done));
  });
}

function noHalfOpen(done) {
  const server = net.createServer((sock) => sock.end('bye'));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.resume();
    c.on('end', () => console.log('without allowHalfOpen, writable after end:', c.writable));
    c.on('finish', () => console.log('client finished on its own'));
    c.on('close', () => server.close(done));
  });
}

clientEndsFirst(() => serverEndsFirst(() => noHalfOpen(() => console.log('done'))));
