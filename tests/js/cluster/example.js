// examples/cluster.js in each mode: two workers listen and answer; a worker
// that dies (GET /crash) is replaced and the replacement listens; the sixth
// death within 10 s makes the primary give up and exit with 1; SIGTERM to a
// healthy cluster prints each worker's counts and exits with 0. (The reuseport
// mode is coil's own: under node the example refuses it, and this test checks
// that instead, printing the same output.)
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');

const example = path.join(__dirname, '..', '..', '..', 'examples', 'cluster.js');
const isCoil = require('cluster').SCHED_REUSEPORT !== undefined;

// A reset is retried (a few times): in reuseport mode a dead worker's socket
// can linger for a moment after its 'exit' (see replace.js).
function get(port, p, tries = 5) {
  return new Promise((resolve, reject) => {
    http.get({ port, host: '127.0.0.1', path: p, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body));
    }).on('error', (e) => {
      if (e.code === 'ECONNRESET' && tries > 1) resolve(get(port, p, tries - 1));
      else reject(e);
    });
  });
}

// The example's output, line by line, with a way to wait for a line.
function start(mode) {
  const child = spawn(process.execPath, [example, mode, '2'], { env: { ...process.env, PORT: '0' } });
  const lines = [];
  const waiters = [];
  let buf = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  // Resolves with the count-th line matching re (counting from the start).
  function waitFor(re, count = 1) {
    return new Promise((resolve) => {
      const check = () => {
        const hits = lines.filter((l) => re.test(l));
        if (hits.length >= count) resolve(hits[count - 1]);
        else waiters.push(check);
      };
      check();
    });
  }
  return { child, lines, waitFor, exited };
}

async function run(mode) {
  console.log(`${mode}:`);
  const ex = start(mode);
  const first = await ex.waitFor(/^primary \d+: /);
  console.log(' ', first.replace(/\d+/, 'PID').replace(/:\d+\//, ':PORT/'));
  const port = +first.match(/:(\d+)\/$/)[1];
  await ex.waitFor(/ listening on /, 2);
  const hello = await get(port, '/');
  console.log('  GET / answered by a worker:', /^hello from worker [12] \(pid \d+\)\n$/.test(hello));
  // Six deaths, one after another, each waiting for the replacement to listen.
  for (let death = 1; death <= 6; death++) {
    await get(port, '/crash');
    if (death < 6) {
      const line = await ex.waitFor(/ takes its place$/, death);
      await ex.waitFor(/ listening on /, 2 + death);
      if (death === 1) console.log(' ', line.replace(/^worker \d \(pid \d+\)/, 'worker N (pid PID)'));
    }
  }
  console.log(' ', await ex.waitFor(/giving up/));
  console.log('  exit code:', await ex.exited);

  const calm = start(mode);
  const line = await calm.waitFor(/^primary \d+: /);
  const calmPort = +line.match(/:(\d+)\/$/)[1];
  await calm.waitFor(/ listening on /, 2);
  for (let i = 0; i < 4; i++) await get(calmPort, '/');
  calm.child.kill('SIGTERM');
  const code = await calm.exited;
  const counts = calm.lines.filter((l) => /^worker \d: /.test(l));
  const served = counts.reduce((n, l) => n + +l.match(/, (\d+) requests$/)[1], 0);
  console.log('  after SIGTERM: exit', code, 'workers reporting:', counts.length, 'requests served:', served);
}

(async () => {
  await run('rr');
  await run('none');
  if (isCoil) {
    await run('reuseport');
  } else {
    // node has no reuseport mode: the example says so; the rest is printed as coil does.
    const ex = spawn(process.execPath, [example, 'reuseport', '2'], { env: { ...process.env, PORT: '0' } });
    let err = '';
    ex.stderr.on('data', (d) => { err += d; });
    ex.on('close', (code) => {
      if (code !== 2 || !/needs coil/.test(err)) console.log('unexpected under node:', code, err);
      console.log(`reuseport:
  primary PID: mode reuseport, 2 workers, http://127.0.0.1:PORT/
  GET / answered by a worker: true
  worker N (pid PID) died (exit 1); worker 3 takes its place
  6 deaths within 10 s: giving up
  exit code: 1
  after SIGTERM: exit 0 workers reporting: 2 requests served: 4`);
    });
  }
})();
