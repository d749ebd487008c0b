// The server of bench/cluster: bench/http's hello on WORKERS (2) cluster workers,
// the same file for coil and node. `hello.js MODE PORT`, MODE rr | none |
// reuseport (coil only). Each worker counts the connections it accepted and the
// requests it answered; on SIGUSR2 the primary asks the listening workers for
// their counts and writes them, as JSON {id: [connections, requests]}, to
// STATS_FILE (through a rename, so a reader never sees half of it).
const cluster = require('cluster');
const http = require('http');
const fs = require('fs');

const [mode, port] = [process.argv[2], Number(process.argv[3])];

if (cluster.isPrimary) {
  cluster.schedulingPolicy = { rr: cluster.SCHED_RR, none: cluster.SCHED_NONE,
                               reuseport: cluster.SCHED_REUSEPORT }[mode];
  if (cluster.schedulingPolicy === undefined) throw new Error(`mode ${mode}: not available here`);
  const listening = new Set();
  cluster.on('listening', (w) => listening.add(w));
  for (let i = 0; i < Number(process.env.WORKERS || 2); i++) cluster.fork();
  process.on('SIGUSR2', () => {
    const stats = {};
    let left = listening.size;
    const write = () => {
      const file = process.env.STATS_FILE;
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(stats));
      fs.renameSync(`${file}.tmp`, file);
    };
    if (left === 0) return write();
    for (const w of listening) {
      w.once('message', (m) => {
        stats[w.id] = [m.connections, m.requests];
        if (--left === 0) write();
      });
      w.send('stats');
    }
  });
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.process.kill(); process.exit(0); });
} else {
  let connections = 0, requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('hello');
  });
  server.on('connection', () => { connections++; });
  server.listen(port);
  process.on('message', (m) => { if (m === 'stats') process.send({ connections, requests }); });
}
