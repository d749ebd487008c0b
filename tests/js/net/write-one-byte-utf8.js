// Short strings written to a socket in UTF-8 (the default) arrive as UTF-8 however
// V8 stores them: ASCII, Latin-1 characters in a one-byte string, two-byte
// strings, and a mix of them in one write after another.
const net = require('net');
const parts = ['plain ascii', 'caf\u00e9 \u00fc\u00ff', 'x\u20acy', 'a' + '\u00e9'.repeat(40), '\u0080', ''];
const srv = net.createServer((s) => {
  const got = [];
  s.on('data', (d) => got.push(d));
  s.on('end', () => {
    const bytes = Buffer.concat(got);
    console.log(bytes.toString('hex'));
    console.log(bytes.subarray(0, -1).toString('utf8') === parts.join(''), bytes[bytes.length - 1]);
    srv.close();
  });
});
srv.listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, '127.0.0.1', () => {
    for (const p of parts) c.write(p);
    c.write('\u00e9', 'latin1');
    c.end();
  });
});
