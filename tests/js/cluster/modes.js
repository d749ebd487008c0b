// cluster in each of its port-sharing modes: two workers serve HTTP on one port;
// 40 requests (each on a connection of its own) are all answered, by workers of
// this cluster; the workers go
// online, listen, disconnect and exit cleanly. Round-robin must use both
// workers, and so must reuseport. Each worker counts the connections it
// accepted and reports the count to the primary over IPC: the counts must add
// up to the connections made (none lost or served twice); the shares themselves
// vary from run to run, so they go to stderr. Shared mode runs a second time
// with UV_TCP_SINGLE_ACCEPT=1 (docs/cluster.md). (SCHED_REUSEPORT is coil's
// own: under node the test runs the two modes node has; the output is the same.)
const cluster = require('cluster');
const http = require('http');
const net = require('net');

const modes = ['rr', 'none'];
if (cluster.SCHED_REUSEPORT !== undefined) modes.push('reuseport');
const policy = process.env.TEST_POLICY;

if (cluster.isPrimary && policy === undefined) {
  // One child primary per mode (the policy is fixed before the first fork).
  const { execFileSync } = require('child_process');
  // 'none' runs twice: the second time with UV_TCP_SINGLE_ACCEPT=1 (coil's
  // workers pause after each accept; node's libuv ignores it), where no
  // connection may be left unaccepted either.
  for (const [m, single] of [['rr', '0'], ['none', '0'], ['none', '1'], ['reuseport', '0']]) {
    const mode = modes.includes(m) ? m : 'rr';
    const env = { ...process.env, TEST_POLICY: mode, UV_TCP_SINGLE_ACCEPT: single };
    const out = execFileSync(process.execPath, [__filename], { env });
    process.stdout.write(`${m}${single === '1' ? ' with UV_TCP_SINGLE_ACCEPT=1' : ''}:\n${out}`);
  }
} else if (cluster.isPrimary) {
  cluster.schedulingPolicy = { rr: cluster.SCHED_RR, none: cluster.SCHED_NONE,
                               reuseport: cluster.SCHED_REUSEPORT }[policy];
  const events = [];
  let listening = 0;
  // reuseport: each worker binds the port itself, so it is chosen up front.
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const port = probe.address().port;
    probe.close(() => { for (let i = 0; i < 2; i++) cluster.fork({ TEST_PORT: port }); });
  });
  cluster.on('online', () => events.push('online'));
  cluster.on('listening', (w, addr) => {
    events.push('listening');
    if (++listening === 2) run(addr.port);
  });
  cluster.on('exit', (w, code, sig) => events.push(`exit ${code} ${sig} ${w.exitedAfterDisconnect}`));
  // Workers' events interleave freely: printed sorted.
  process.on('exit', () => console.log(' ', events.sort().join(', ')));
  // Asks each worker for its connection count, then disconnects them all.
  function report(made) {
    const shares = {};
    for (const w of Object.values(cluster.workers)) {
      w.send({ report: true });
      w.once('message', (m) => {
        shares[w.id] = m.connections;
        if (Object.keys(shares).length < 2) return;
        const total = shares[1] + shares[2];
        console.log('  connections counted by the workers add up:', total === made);
        if (policy !== 'none') console.log('  each worker got one at least:', shares[1] > 0 && shares[2] > 0);
        console.error(`${policy} share of ${made} connections: w1 ${shares[1]}, w2 ${shares[2]}`);
        cluster.disconnect(() => events.push('disconnected'));
      });
    }
  }
  function run(port) {
    const counts = {};
    let done = 0;
    const N = 40;
    for (let i = 0; i < N; i++) {
      http.get({ port, host: '127.0.0.1', agent: false, path: '/' }, (res) => {
        let who = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { who += d; });
        res.on('end', () => {
          counts[who] = (counts[who] || 0) + 1;
          if (++done < N) return;
          const served = Object.values(counts).reduce((a, b) => a + b);
          console.log('  served', served, 'all by workers:',
                      Object.keys(counts).every((k) => /^w[12]$/.test(k)));
          if (policy !== 'none') console.log('  both workers used:', Object.keys(counts).length === 2);
          report(N);
        });
      });
    }
  }
} else {
  const srv = http.createServer((req, res) => res.end(`w${cluster.worker.id}`));
  let connections = 0;
  srv.on('connection', () => connections++);
  process.on('message', (m) => { if (m.report) process.send({ connections }); });
  srv.listen(policy === 'reuseport' ? +process.env.TEST_PORT : 0, '127.0.0.1');
}
