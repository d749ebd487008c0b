'use strict';
// An HTTP hello server on several processes with cluster, the same file under
// node (rr and none; reuseport is coil's own). The primary forks the workers,
// replaces any that dies, and gives up when they die too often (more than 5
// deaths within 10 s: it emits 'giveup', stops the others and exits with 1).
//   coil examples/cluster.js [rr|none|reuseport] [workers]
// or CLUSTER_MODE= and WORKERS=; PORT= (8000; 0 picks a free one), HOST=
// (127.0.0.1). Workers default to os.availableParallelism() (2 at least).
//   GET /        hello, from which worker
//   GET /crash   the worker answering exits with 1 (to watch the restarts)
// Ctrl-C (or SIGTERM): each worker reports how many connections and requests
// it served, then all stop.

const cluster = require('cluster');
const http = require('http');
const net = require('net');
const os = require('os');
const EventEmitter = require('events');

const MAX_DEATHS = 5;
const WINDOW_MS = 10000;

if (cluster.isPrimary) runPrimary();
else runWorker();

function runPrimary() {
  const mode = process.argv[2] || process.env.CLUSTER_MODE || 'rr';
  const count = Number(process.argv[3] || process.env.WORKERS) ||
    Math.max(2, os.availableParallelism ? os.availableParallelism() : os.cpus().length);
  const policies = { rr: cluster.SCHED_RR, none: cluster.SCHED_NONE, reuseport: cluster.SCHED_REUSEPORT };
  if (!(mode in policies)) fail(`unknown mode ${mode}: rr, none or reuseport`);
  if (policies[mode] === undefined) fail(`mode ${mode} needs coil (this runtime's cluster has rr and none)`);
  cluster.schedulingPolicy = policies[mode];
  const host = process.env.HOST || '127.0.0.1';

  // Port 0: one free port chosen here for all (in reuseport mode each worker
  // binds itself, and port 0 would give each its own port).
  pickPort(host, Number(process.env.PORT || 8000), (port) => {
    console.log(`primary ${process.pid}: mode ${mode}, ${count} workers, http://${host}:${port}/`);
    const supervisor = new Supervisor({ HOST: host, PORT: port });
    supervisor.on('restart', (dead, code, signal, next) => {
      console.log(`worker ${dead.id} (pid ${dead.process.pid}) died (${signal || `exit ${code}`}); ` +
                  `worker ${next.id} takes its place`);
    });
    supervisor.on('giveup', (deaths) => {
      console.log(`${deaths} deaths within ${WINDOW_MS / 1000} s: giving up`);
      process.exitCode = 1;
      cluster.disconnect();
    });
    for (let i = 0; i < count; i++) supervisor.start();
    cluster.on('listening', (w, addr) => {
      console.log(`worker ${w.id} (pid ${w.process.pid}) listening on ${addr.address}:${addr.port}`);
    });
    for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => supervisor.stop());
  });
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

function pickPort(host, port, cb) {
  if (port !== 0) return cb(port);
  const probe = net.createServer().listen(0, host, () => {
    const chosen = probe.address().port;
    probe.close(() => cb(chosen));
  });
}

// Forks workers and replaces those that die (not those told to stop), until
// MAX_DEATHS within WINDOW_MS: then 'giveup' instead.
class Supervisor extends EventEmitter {
  constructor(env) {
    super();
    this.env = env;
    this.deaths = [];
    this.stopping = false;
    cluster.on('exit', (worker, code, signal) => this.onExit(worker, code, signal));
  }

  start() {
    return cluster.fork(this.env);
  }

  onExit(worker, code, signal) {
    if (worker.exitedAfterDisconnect || this.stopping) return;
    const now = Date.now();
    this.deaths = this.deaths.filter((t) => now - t < WINDOW_MS);
    this.deaths.push(now);
    if (this.deaths.length > MAX_DEATHS) {
      this.stopping = true;
      this.emit('giveup', this.deaths.length);
      return;
    }
    this.emit('restart', worker, code, signal, this.start());
  }

  // Asks each worker for its counts (waiting a second at most), prints them, and
  // disconnects all: the workers finish what they serve and exit.
  stop() {
    this.stopping = true;
    const workers = Object.values(cluster.workers);
    const lines = [];
    let left = workers.length;
    const finish = () => {
      clearTimeout(timer);
      for (const line of lines.sort()) console.log(line);
      cluster.disconnect();
    };
    const timer = setTimeout(finish, 1000);
    if (left === 0) return finish();
    for (const w of workers) {
      w.once('message', (m) => {
        lines.push(`worker ${w.id}: ${m.connections} connections, ${m.requests} requests`);
        if (--left === 0) finish();
      });
      w.send({ cmd: 'stats' });
    }
  }
}

function runWorker() {
  let connections = 0;
  let requests = 0;
  const id = cluster.worker.id;
  const server = http.createServer((req, res) => {
    requests++;
    if (req.url === '/crash') {
      res.end(`worker ${id} exits\n`, () => process.exit(1));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`hello from worker ${id} (pid ${process.pid})\n`);
  });
  server.on('connection', () => connections++);
  server.listen(Number(process.env.PORT), process.env.HOST);
  process.on('message', (m) => {
    if (m && m.cmd === 'stats') process.send({ connections, requests });
  });
  // The primary's Ctrl-C reaches the whole process group: the primary decides.
  process.on('SIGINT', () => {});
}
