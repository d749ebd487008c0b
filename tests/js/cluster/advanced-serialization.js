// cluster with settings.serialization 'advanced': a worker's messages carry a
// circular object, a Map and a Buffer both ways, and a worker listening on a
// shared port (the primary's own messages and handles use the same framing)
// still serves.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  cluster.setupPrimary({ serialization: 'advanced' });
  const worker = cluster.fork();
  const circular = { map: new Map([['when', new Date(0)]]), bytes: Buffer.from('hi') };
  circular.self = circular;
  worker.on('online', () => worker.send(circular));
  worker.on('message', (m) => {
    console.log('back:', m.self === m, m.map.get('when').toISOString(), Buffer.isBuffer(m.bytes),
                String(m.bytes), m.worker);
  });
  worker.on('listening', (address) => {
    http.get({ port: address.port, host: '127.0.0.1', path: '/' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log('served:', body);
        worker.kill();
      });
    });
  });
  worker.on('exit', (code, signal) => console.log('exit', code, signal));
} else {
  process.on('message', (m) => {
    m.worker = cluster.worker.id;
    process.send(m);
    http.createServer((req, res) => res.end('from worker')).listen(0, '127.0.0.1');
  });
}
