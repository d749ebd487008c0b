// Zombies reaped: children of every kind — 20 spawned at once that all exit
// while the loop is busy (their exits coalesce), some killed by a signal, exec,
// execFile, spawnSync, a forked child with IPC, and one whose spawn failed —
// each gives exactly one 'exit', and afterwards no child of this process is
// left, defunct or alive (every /proc/<pid>/stat is scanned for our pid as its
// parent).
const cp = require('child_process');
const fs = require('fs');

if (process.argv[2] === 'child') {
  process.send('hi', () => process.disconnect());
  return;
}

function childrenLeft() {
  const left = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8'); } catch { continue; }
    // pid (comm) state ppid ...: comm may hold spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (+ppid === process.pid) left.push(`${name} ${state}`);
  }
  return left;
}

let expected = 0;
let exits = 0;
const codes = {};
function track(child, label) {
  expected++;
  child.on('exit', (code, signal) => {
    exits++;
    const key = `${label} ${code} ${signal}`;
    codes[key] = (codes[key] || 0) + 1;
  });
}

// 20 at once; the loop is kept busy until they have surely all exited.
for (let i = 0; i < 20; i++) track(cp.spawn('sh', ['-c', `exit ${i % 3}`]), 'burst');
const until = Date.now() + 300;
while (Date.now() < until);

for (let i = 0; i < 3; i++) {
  const c = cp.spawn('sleep', ['10']);
  track(c, 'killed');
  // The scan does see our children (so an empty result below means something).
  if (i === 0) console.log('scan sees a live child:', childrenLeft().some((l) => l.startsWith(`${c.pid} `)));
  c.kill(i === 0 ? 'SIGKILL' : 'SIGTERM');
}
track(cp.exec('exit 4'), 'exec');
track(cp.execFile('true'), 'execFile');
track(cp.fork(__filename, ['child']), 'fork');
const missing = cp.spawn('/no/such/program');
missing.on('error', (e) => console.log('missing program:', e.code));
console.log('spawnSync status:', cp.spawnSync('sh', ['-c', 'exit 5']).status);

function check() {
  if (exits < expected) return setTimeout(check, 20);
  // One more turn: an 'exit' beyond the expected count would show here.
  setTimeout(() => {
    console.log('exits:', exits, 'of', expected);
    for (const k of Object.keys(codes).sort()) console.log(' ', k, 'x', codes[k]);
    console.log('children left:', JSON.stringify(childrenLeft()));
  }, 50);
}
check();
