// A client TLSSocket whose net.Socket closes before the handshake ends (destroyed
// by the program, or never connected) closes with no error, as node's does; a
// FIN from the server mid-handshake is still an ECONNRESET.
const net = require('net');
const tls = require('tls');

function track(t, label) {
  t.on('error', (e) => console.log(label, 'error', e.code, e.message));
  return new Promise((resolve) => t.on('close', (hadError) => { console.log(label, 'close', hadError); resolve(); }));
}

(async () => {
  const dead = new net.Socket();
  dead.destroy();
  const t1 = new tls.TLSSocket(dead);
  console.log('over a destroyed socket: connecting', t1.connecting);
  await track(t1, 'destroyed parent');

  const silent = net.createServer((c) => c.on('error', () => {})).listen(0);
  await new Promise((r) => silent.once('listening', r));
  const raw = net.connect(silent.address().port);
  await new Promise((r) => raw.once('connect', r));
  const t2 = tls.connect({ socket: raw, rejectUnauthorized: false });
  setTimeout(() => raw.destroy(), 20);
  await track(t2, 'parent destroyed mid-handshake');
  silent.close();

  const ender = net.createServer((c) => c.end()).listen(0);
  await new Promise((r) => ender.once('listening', r));
  const t3 = tls.connect({ port: ender.address().port, rejectUnauthorized: false });
  await track(t3, 'server FIN mid-handshake');
  ender.close();
})();
