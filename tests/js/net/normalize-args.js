// net._normalizeArgs: the [options, callback] pair connect() and listen() make of
// their arguments, marked (one symbol) so socket.connect(pair) takes it as it is;
// an unmarked array, or a pair given to listen(), is an options object without a
// port or path.
const net = require('net');

const show = (args) => {
  const r = net._normalizeArgs(args);
  const cb = r[1] === null ? null : typeof r[1];
  console.log(JSON.stringify(r[0]), Object.getPrototypeOf(r[0]) === Object.prototype, cb,
              Object.getOwnPropertySymbols(r).length);
};
show([]);
show([8080]);
show(['8080', 'localhost', () => {}]);
show(['/tmp/sock', () => {}]);
show([{ port: 1, host: 'h' }, 'ignored']);
show([() => {}]);
const opts = { port: 2 };
console.log('same options object:', net._normalizeArgs([opts])[0] === opts);

const server = net.createServer((c) => c.end());
try {
  net.createServer().listen(net._normalizeArgs([0]));
} catch (e) {
  console.log('listen(pair):', e.code);
}
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  try {
    new net.Socket().connect([{ port }, () => {}]);
  } catch (e) {
    console.log('plain array:', e.code, e.message);
  }
  const s = new net.Socket();
  s.connect(net._normalizeArgs([{ port, host: '127.0.0.1' }, () => {
    console.log('connected with a normalized pair');
    s.end();
    s.on('close', () => server.close(() => console.log('closed')));
  }]));
});
