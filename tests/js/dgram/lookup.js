// A custom `lookup` turns host names into addresses (called with the socket's
// family); an address of the other family is EINVAL for bind, send and connect,
// with Node's messages.
const dgram = require('dgram');

const named = dgram.createSocket({
  type: 'udp4',
  lookup: (host, family, cb) => {
    console.log('lookup', host, family);
    cb(null, '127.0.0.1', 4);
  },
});
named.bind(0, 'my.host', () => {
  console.log('bound to', named.address().address);
  named.close();
  wrongFamily();
});

function wrongFamily() {
  const s = dgram.createSocket('udp4');
  s.on('error', (e) => {
    console.log('bind:', e.message, e.code, e.errno, e.syscall, e.address);
    s.close();
  });
  s.bind(0, '::1');
  const t = dgram.createSocket('udp4');
  t.bind(0, '127.0.0.1', () => {
    t.send('x', 1234, '::1', (err, n) => {
      console.log('send:', err.message, err.address, err.port, n);
      t.connect(1234, '::1', (err) => {
        console.log('connect:', err.message, err.code);
        t.close();
      });
    });
  });
}
