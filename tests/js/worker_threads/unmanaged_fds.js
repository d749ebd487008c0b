// trackUnmanagedFds (on by default): fds a worker opened with fs.open / openSync
// and did not close are closed when it ends; ones it closed stay closed and are
// not closed twice; with trackUnmanagedFds: false they stay open after it ends.
const { Worker } = require('worker_threads');
const fs = require('fs');

const code = `
  const fs = require('fs');
  const { parentPort } = require('worker_threads');
  const kept = fs.openSync('/dev/null', 'r');
  const closed = fs.openSync('/dev/null', 'r');
  fs.closeSync(closed);
  fs.open('/dev/null', 'r', (err, viaCallback) => parentPort.postMessage([kept, viaCallback]));
`;

function isOpen(fd) {
  try {
    fs.fstatSync(fd);
    return true;
  } catch (e) {
    return e.code;
  }
}

function run(options, label, then) {
  let fds;
  const w = new Worker(code, { eval: true, ...options });
  w.on('message', (m) => { fds = m; });
  w.on('exit', () => {
    console.log(label, fds.map(isOpen));
    if (options.trackUnmanagedFds === false) fds.forEach((fd) => fs.closeSync(fd));
    then();
  });
}

run({}, 'tracked (default): after exit', () => {
  run({ trackUnmanagedFds: false }, 'untracked: after exit', () => {});
});
