// TLS bulk transfer: a tls server sends MIB MiB (default 512) in 64 KiB writes to a
// client in the same process over loopback; prints the process's CPU time for the
// transfer (user + sys, handshake excluded) and MB per CPU second. With `plain` as
// the first argument the same over net, to see what TLS adds. For coil and node:
//   coil bench/https/bulk.js [plain]   node bench/https/bulk.js [plain]
// docs/tls.md uses it to bound what kernel TLS could save.
'use strict';
const fs = require('fs');
const path = require('path');

const plain = process.argv[2] === 'plain';
const mod = require(plain ? 'net' : 'tls');
const fx = (n) => fs.readFileSync(path.join(__dirname, '..', '..', 'tests', 'js', 'tls', 'fixtures', n));
const total = Number(process.env.MIB || 512) * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'x');

const server = mod.createServer(plain ? {} : { key: fx('server-key.pem'), cert: fx('server-cert.pem') }, (s) => {
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!s.write(chunk)) return s.once('drain', pump);
    }
    s.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = plain ? mod.connect(port, '127.0.0.1') :
    mod.connect({ port, host: '127.0.0.1', ca: fx('ca-cert.pem'), servername: 'localhost' });
  let got = 0;
  let start;
  c.on(plain ? 'connect' : 'secureConnect', () => { start = process.cpuUsage(); });
  c.on('data', (d) => { got += d.length; });
  c.on('end', () => {
    const u = process.cpuUsage(start);
    const cpu = (u.user + u.system) / 1e6;
    const what = plain ? 'plain' : c.getCipher().name;
    console.log(`${what}: ${got / 1048576} MiB, cpu ${cpu.toFixed(2)} s (user ${(u.user / 1e6).toFixed(2)}, ` +
                `sys ${(u.system / 1e6).toFixed(2)}), ${(got / 1e6 / cpu).toFixed(0)} MB per cpu-second`);
    server.close();
  });
});
