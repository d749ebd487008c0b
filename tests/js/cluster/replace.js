// A worker killed with SIGKILL is replaced and the replacement serves, in each
// port-sharing mode. Two workers serve HTTP on one port; worker 1 is killed; on
// its 'exit' (not after a disconnect) worker 2 alone answers, then the primary
// forks worker 3. Once worker 3 listens, worker 2 is disconnected
// (a graceful exit, which the primary does not replace), so every later request
// must be answered by worker 3. (SCHED_REUSEPORT is coil's own: under node the
// reuseport section runs round-robin; the output is the same.)
const cluster = require('cluster');
const http = require('http');
const net = require('net');

const policy = process.env.TEST_POLICY;

function get(port, cb) {
  http.get({ port, host: '127.0.0.1', agent: false, path: '/' }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => cb(body));
  }).on('error', (e) => cb(`error ${e.code}`));
}

// n requests one after another; cb gets the sorted set of who answered.
// In reuseport mode a killed worker's listening socket can outlive its 'exit'
// for a moment: on io_uring the dead process's ring still holds the socket
// until the kernel has cancelled its accept, and a connection the kernel hashed
// to that socket meanwhile is reset. A client retries such a request (at most
// a few times); in the other modes a reset is a failure.
let resets = 0;
function getSeries(port, n, cb, seen = new Set()) {
  if (n === 0) return cb([...seen].sort().join(','));
  get(port, (who) => {
    if (who === 'error ECONNRESET' && policy === 'reuseport' && ++resets <= 5) {
      console.error('reuseport: a reset, retried');
      return getSeries(port, n, cb, seen);
    }
    seen.add(who);
    getSeries(port, n - 1, cb, seen);
  });
}

if (cluster.isPrimary && policy === undefined) {
  const { execFileSync } = require('child_process');
  for (const m of ['rr', 'none', 'reuseport']) {
    const mode = cluster.SCHED_REUSEPORT === undefined && m === 'reuseport' ? 'rr' : m;
    const out = execFileSync(process.execPath, [__filename], { env: { ...process.env, TEST_POLICY: mode } });
    process.stdout.write(`${m}:\n${out}`);
  }
} else if (cluster.isPrimary) {
  cluster.schedulingPolicy = { rr: cluster.SCHED_RR, none: cluster.SCHED_NONE,
                               reuseport: cluster.SCHED_REUSEPORT }[policy];
  const log = (...a) => console.log(' ', ...a);
  let port;
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    port = probe.address().port;
    probe.close(() => { cluster.fork({ TEST_PORT: port }); cluster.fork({ TEST_PORT: port }); });
  });
  let listening = 0;
  cluster.on('listening', (w) => {
    if (++listening === 2) {
      get(port, (who) => {
        log('first request answered by a worker:', /^w[12]$/.test(who));
        cluster.workers[1].process.kill('SIGKILL');
      });
    }
    if (w.id === 3) onReplacementListening();
  });
  cluster.on('exit', (w, code, signal) => {
    log(`worker ${w.id} exit ${code} ${signal} afterDisconnect=${w.exitedAfterDisconnect}`);
    if (w.exitedAfterDisconnect) {
      if (w.id === 2) getSeries(port, 6, (who) => {
        log('after worker 2 left, answered by:', who);
        cluster.disconnect();
      });
      return;
    }
    // A crash: worker 2 alone serves meanwhile, then the worker is replaced.
    getSeries(port, 3, (who) => {
      log('with worker 1 gone, answered by:', who);
      const replacement = cluster.fork({ TEST_PORT: port });
      log(`worker ${w.id} replaced by worker ${replacement.id}`);
    });
  });
  function onReplacementListening() {
    log('worker 3 listening; workers now:', Object.keys(cluster.workers).join(','));
    cluster.workers[2].disconnect();
  }
} else {
  http.createServer((req, res) => res.end(`w${cluster.worker.id}`))
    .listen(+process.env.TEST_PORT, '127.0.0.1');
}
