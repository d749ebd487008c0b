// What connect(), new Socket() and listen() refuse up front, with node's codes:
// object modes, a non-string path, a bad localAddress/localPort, createServer's
// options, listen()'s port/path forms (a port wins over a path; { port: undefined }
// is an ephemeral port), and listen({ signal }).
const net = require('net');

function code(fn) {
  try {
    fn();
    return 'no throw';
  } catch (err) {
    return `${err.name} ${err.code}`;
  }
}

for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
  try {
    net.createConnection({ port: 1, [key]: true });
  } catch (err) {
    console.log(err.code, err.message);
  }
}
console.log(code(() => net.createConnection({ path: {} })));
console.log(code(() => net.connect({ host: 'localhost', port: 0, localAddress: 'foobar' })));
console.log(code(() => net.connect({ host: 'localhost', port: 0, localPort: 'foobar' })));
console.log(code(() => net.createServer('path')), code(() => net.createServer(0)));

for (const bad of [-1, NaN, 123.456, 65536, Infinity, 4294967295]) {
  console.log('port', bad, code(() => net.createServer().listen(bad)),
    code(() => net.createServer().listen({ port: bad })));
}
console.log('port over path', code(() => net.createServer().listen({ port: -1, path: '/tmp/x.sock' })));
for (const opts of [false, true, { port: false }, { port: true }, { fd: -1 }, { path: -1 }, {},
  { host: 'localhost' }, { exclusive: true }]) {
  try {
    net.createServer().listen(opts);
    console.log('listening?', opts);
  } catch (err) {
    console.log(err.code, err.message.replace(/ Received .*/s, ''));
  }
}
console.log('signal', code(() => net.createServer().listen({ port: 0, signal: 'nope' })));

// The events below come in an order that depends on the loop: sorted at exit.
const events = [];
process.on('exit', () => console.log(events.sort().join('\n')));

// Ephemeral ports: each of these listens, then closes.
const forms = [
  (s, cb) => s.listen({ port: undefined }, cb),
  (s, cb) => s.listen(null, cb),
  (s, cb) => s.listen(undefined, cb),
  (s, cb) => s.listen('0', cb),
  (s, cb) => s.listen({ port: null }, cb),
];
let left = forms.length;
for (const listen of forms) {
  const s = net.createServer();
  listen(s, () => {
    const ok = s.address().port > 0;
    s.close(() => {
      if (--left === 0) events.push(`ephemeral ports ok ${ok}`);
    });
  });
}

// The key node's cluster uses: family:address:requested port.
const k = net.createServer().listen(0, '127.0.0.1', () => {
  events.push(`key ${k._connectionKey}`);
  k.close();
});

const ac = new AbortController();
const a = net.createServer().listen({ port: 0, signal: ac.signal });
a.on('close', () => events.push('closed by abort'));
ac.abort();
const b = net.createServer().listen({ port: 0, signal: AbortSignal.abort() });
b.on('close', () => events.push('closed by an aborted signal'));
