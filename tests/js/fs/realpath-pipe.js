// fs.realpath and realpathSync of /dev/stdin when stdin is a pipe: the walk ends at
// the fd's link to the pipe ('/proc/<pid>/fd/pipe:[N]', or socket:[N] for a socketpair)
// instead of failing on it.
const { spawnSync } = require('child_process');
const code = `
  const fs = require('fs');
  const sync = fs.realpathSync('/dev/stdin');
  fs.realpath('/dev/stdin', (err, p) => {
    const shape = /^\\/proc\\/\\d+\\/fd\\/(pipe|socket):\\[\\d+\\]$/;
    console.log(err, shape.test(sync), shape.test(p), p === sync);
  });`;
const child = spawnSync(process.execPath, ['-e', code], { input: 'x' });
process.stdout.write(child.stdout);
console.log('status', child.status, child.stderr.toString());
