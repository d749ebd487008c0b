// spawn: stdout/stderr as streams, stdin written and ended, exit code, the order
// of 'spawn' / 'exit' / 'close' for one child, cwd, env and argv0, and no zombie
// left once every child is reaped.
const cp = require('child_process');
const fs = require('fs');

function collect(stream) {
  let s = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => { s += d; });
  return () => s;
}

function step1(next) {
  const events = [];
  const c = cp.spawn('sh', ['-c', 'echo out; echo err >&2; exit 3']);
  const out = collect(c.stdout), err = collect(c.stderr);
  console.log('pid is a number:', typeof c.pid === 'number' && c.pid > 0);
  console.log('spawnfile/args:', c.spawnfile, JSON.stringify(c.spawnargs));
  c.on('spawn', () => events.push('spawn'));
  c.on('exit', (code, sig) => events.push(`exit ${code} ${sig}`));
  c.on('close', (code, sig) => {
    events.push(`close ${code} ${sig}`);
    console.log(events.join(', '));
    console.log('stdout:', JSON.stringify(out()), 'stderr:', JSON.stringify(err()));
    console.log('exitCode/signalCode:', c.exitCode, c.signalCode);
    next();
  });
}

function step2(next) {
  const c = cp.spawn('cat');
  const out = collect(c.stdout);
  c.stdin.write('hello ');
  c.stdin.end('world');
  c.on('close', (code) => {
    console.log('cat echoed:', JSON.stringify(out()), 'code', code);
    next();
  });
}

function step3(next) {
  const c = cp.spawn('sh', ['-c', 'pwd; echo "$COIL_T"; echo "$0"'], {
    cwd: '/tmp', env: { COIL_T: 'from-env', PATH: process.env.PATH }, argv0: 'my-argv0',
  });
  const out = collect(c.stdout);
  c.on('close', () => {
    console.log('cwd/env/argv0:', JSON.stringify(out()));
    next();
  });
}

function step4(next) {
  // A lot of output through the pipe, read as it comes.
  const c = cp.spawn('sh', ['-c', 'head -c 3000000 /dev/zero']);
  let n = 0;
  c.stdout.on('data', (d) => { n += d.length; });
  c.on('close', (code) => {
    console.log('bytes through the pipe:', n, 'code', code);
    next();
  });
}

function zombies() {
  let children = '';
  for (const t of fs.readdirSync('/proc/self/task')) {
    children += fs.readFileSync(`/proc/self/task/${t}/children`, 'utf8');
  }
  console.log('children left:', JSON.stringify(children.trim()));
}

step1(() => step2(() => step3(() => step4(zombies))));
