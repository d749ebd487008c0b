// cluster workers: messages both ways (worker.send / process.send, 'message' on
// the worker and on cluster), cluster.workers, a worker killed by a signal is
// seen exiting (not after a disconnect) and a replacement is forked.
const cluster = require('cluster');

if (cluster.isPrimary) {
  const log = [];
  const first = cluster.fork();
  console.log('workers after fork:', Object.keys(cluster.workers).join(','));
  first.on('message', (m) => {
    log.push(`worker says ${JSON.stringify(m)}`);
    if (m.ready) first.send({ ping: 1 });
    if (m.pong) first.process.kill('SIGKILL');
  });
  cluster.on('message', (w, m) => { if (m.pong) log.push(`cluster heard pong from ${w.id}`); });
  cluster.once('exit', (w, code, signal) => {
    log.push(`worker ${w.id} exit ${code} ${signal} afterDisconnect=${w.exitedAfterDisconnect} dead=${w.isDead()}`);
    log.push(`workers now: ${JSON.stringify(Object.keys(cluster.workers))}`);
    const second = cluster.fork();
    second.on('online', () => {
      log.push(`replacement ${second.id} online`);
      second.kill();
    });
    second.on('exit', (code2, sig2) => {
      log.push(`replacement exit ${code2} ${sig2} afterDisconnect=${second.exitedAfterDisconnect}`);
      console.log(log.join('\n'));
    });
  });
} else {
  process.on('message', (m) => { if (m.ping) process.send({ pong: cluster.worker.id }); });
  process.send({ ready: true, id: cluster.worker.id, isWorker: cluster.isWorker });
}
