// A program that does not exist is an 'error' event (then 'close', no 'exit'),
// never a throw; bad arguments throw Node's errors at once.
const cp = require('child_process');

for (const args of [[1], ['x', [], 'a'], [''], ['x', 5], ['x', [], { cwd: 5 }],
                    ['x', [], { stdio: 'bogus' }], ['x', [], { shell: 3 }]]) {
  try {
    cp.spawn(...args);
    console.log('no throw for', args);
  } catch (e) {
    console.log(e.code, '|', e.message);
  }
}

const c = cp.spawn('coil-no-such-program', ['a', 'b']);
console.log('pid:', c.pid, 'has stdio:', c.stdin !== null, c.stdout !== null);
const events = [];
c.on('exit', () => events.push('exit'));
c.on('error', (e) => {
  events.push('error');
  console.log(e.message, e.code, e.errno, e.syscall, e.path, JSON.stringify(e.spawnargs));
});
c.on('close', (code, sig) => {
  events.push(`close ${code} ${sig}`);
  console.log(events.join(', '));
  const r = cp.spawnSync('coil-no-such-program');
  console.log('spawnSync:', r.error.code, r.error.message, r.status, r.pid);
  console.log('kill after failure:', c.kill());
});
