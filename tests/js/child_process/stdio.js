// stdio kinds: 'inherit' (the child writes to our stdout), 'ignore', an fd, and
// a pipe beyond fd 2.
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const file = path.join(os.tmpdir(), `coil-stdio-${process.pid}.txt`);
const fd = fs.openSync(file, 'w');
// (The child's line races with ours: ours are printed once it has exited.)
const a = cp.spawn('sh', ['-c', 'echo inherited'], { stdio: 'inherit' });
const streams = [a.stdin, a.stdout, a.stderr];
a.on('close', (code) => {
  console.log('inherit streams:', ...streams);
  console.log('inherit done', code);
  const b = cp.spawn('sh', ['-c', 'echo to-file; echo ignored >&2'], { stdio: ['ignore', fd, 'ignore'] });
  b.on('close', () => {
    fs.closeSync(fd);
    console.log('file got:', JSON.stringify(fs.readFileSync(file, 'utf8')));
    fs.unlinkSync(file);
    const c = cp.spawn('sh', ['-c', 'echo fd3 >&3'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
    let got = '';
    c.stdio[3].on('data', (d) => { got += d; });
    c.on('close', () => console.log('fd 3 gave:', JSON.stringify(got), c.stdio.length));
  });
});
