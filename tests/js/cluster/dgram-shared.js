// dgram in a cluster: a worker's bind() without `exclusive` gets the primary's
// socket for that address and port, so two workers binding port 0 share one
// port and the datagrams sent to it are answered by them; an exclusive bind has a
// socket of its own; a port the primary cannot bind is the worker's 'error';
// disconnect() closes a worker's shared socket (a timer using it stops first).
const cluster = require('cluster');
const dgram = require('dgram');

if (cluster.isPrimary) {
  const busy = dgram.createSocket('udp4');
  busy.bind(0, '127.0.0.1', () => {
    const env = { BUSY_PORT: String(busy.address().port) };
    cluster.fork(env);
    cluster.fork(env);
  });
  const listening = [];
  cluster.on('listening', (worker, address) => listening.push(address.addressType));
  const reports = [];
  cluster.on('message', (worker, m) => {
    reports.push(m);
    if (reports.length === 2) check();
  });
  function check() {
    console.log('bind to a busy port:', reports[0].busyError, reports[1].busyError);
    console.log('workers share one port:', reports[0].shared === reports[1].shared);
    console.log('exclusive sockets have their own:',
                reports.every((r) => r.exclusive !== r.shared));
    const port = reports[0].shared;
    const client = dgram.createSocket('udp4');
    let answers = 0;
    const from = new Set();
    client.on('message', (msg) => {
      from.add(String(msg));
      if (++answers < 20) return;
      console.log('answers:', answers, 'all from workers:',
                  [...from].every((w) => w === 'worker 1' || w === 'worker 2'));
      console.log('listening events:', listening.sort().join(' '));
      client.close();
      busy.close();
      for (const id in cluster.workers) cluster.workers[id].disconnect();
    });
    for (let i = 0; i < 20; i++) client.send(`ping ${i}`, port, '127.0.0.1');
  }
  const codes = [];
  cluster.on('exit', (worker, code) => {
    codes.push(code);
    if (codes.length === 2) console.log('workers exited with', codes.join(' '));
  });
} else {
  const shared = dgram.createSocket('udp4');
  shared.on('message', (msg, rinfo) => {
    shared.send(`worker ${cluster.worker.id}`, rinfo.port, rinfo.address);
  });
  shared.bind(0, '127.0.0.1', () => {
    const own = dgram.createSocket('udp4');
    own.bind({ port: 0, address: '127.0.0.1', exclusive: true }, () => {
      const clash = dgram.createSocket('udp4');
      clash.on('error', (err) => {
        process.send({
          shared: shared.address().port,
          exclusive: own.address().port,
          busyError: `${err.code} ${err.syscall}`,
        });
        own.close();
        // Sends on the shared socket until the worker hears 'disconnect': the
        // socket is still open until then.
        const timer = setInterval(() => {
          shared.send('tick', +process.env.BUSY_PORT, '127.0.0.1');
        }, 1);
        cluster.worker.on('disconnect', () => clearInterval(timer));
      });
      clash.bind(+process.env.BUSY_PORT, '127.0.0.1');
    });
  });
}
