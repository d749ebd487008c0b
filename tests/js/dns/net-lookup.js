// net.connect with a host name looks it up with dns.lookup (or options.lookup)
// and emits 'lookup' (err, address, family, host) before connecting; a numeric
// host emits no 'lookup'; a failing lookup destroys the socket with its error.
const net = require('net');

const server = net.createServer((s) => s.end('hi')).listen(0, 'localhost', () => {
  const port = server.address().port;
  console.log('listening on', server.address().address);
  const a = net.connect({ port, host: 'localhost' });
  a.on('lookup', (...args) => console.log('lookup:', args));
  a.on('data', (d) => console.log('data:', String(d)));
  a.on('close', () => {
    const b = net.connect({
      port,
      host: 'example.custom',
      lookup(host, options, cb) {
        console.log('custom lookup:', host, options);
        cb(null, [{ address: '127.0.0.1', family: 4 }]);
      },
    });
    b.on('lookup', (...args) => console.log('lookup:', args));
    b.on('data', (d) => console.log('data:', String(d)));
    b.on('close', () => {
      const c = net.connect({
        port,
        host: 'nowhere.custom',
        lookup(host, options, cb) {
          const err = new Error('getaddrinfo ENOTFOUND nowhere.custom');
          err.code = 'ENOTFOUND';
          cb(err);
        },
      });
      c.on('lookup', (err) => console.log('lookup error:', err.code));
      c.on('error', (err) => {
        console.log('error:', err.message);
        const d = net.connect({ port, host: '127.0.0.1' });
        d.on('lookup', () => console.log('numeric host: lookup emitted'));
        d.on('data', (chunk) => console.log('numeric data:', String(chunk)));
        d.on('close', () => server.close());
      });
      try {
        net.connect({ port, host: 'x.custom', lookup: 5 });
      } catch (e) {
        console.log(e.code, e.message);
      }
    });
  });
});
