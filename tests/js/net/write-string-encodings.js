// Strings written to a socket reach the peer in the bytes their encoding gives:
// short ones are encoded straight into the write queue (no Buffer), longer ones
// through a Buffer; both must agree with Buffer.from(string, encoding), and
// bytesWritten counts bytes, not characters.
const net = require('net');
const writes = [
  ['héllo ', undefined],
  ['wörld ', 'latin1'],
  ['\ud800x', 'utf8'], // a lone surrogate becomes U+FFFD
  ['abc€', 'ascii'],
  ['\u20ac', 'binary'], // Latin-1 keeps the low byte
  ['ü'.repeat(1024), 'utf8'], // at the direct path's limit, 2 bytes each
  ['x'.repeat(1025), 'utf8'], // past it
  ['0123456789abcdef', 'hex'], // an encoding the direct path leaves to Buffer
];
const expected = Buffer.concat(writes.map(([s, e]) => Buffer.from(s, e)));
let pending = 2;
let written = -1;
let got = null;
function done() {
  if (--pending > 0) return;
  console.log('bytes', got.length, 'equal', got.equals(expected));
  console.log(got.subarray(0, 22).toString('hex'));
  console.log('bytesWritten matches', written === expected.length);
  srv.close();
}
const srv = net.createServer((s) => {
  for (const [text, enc] of writes) s.write(text, enc);
  s.end();
  s.on('close', () => {
    written = s.bytesWritten;
    done();
  });
});
srv.listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, '127.0.0.1');
  const parts = [];
  c.on('data', (d) => parts.push(d));
  c.on('end', () => {
    got = Buffer.concat(parts);
    done();
  });
});
