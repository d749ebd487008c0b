// kill() and signals both ways: signalCode for a killed child, a child that
// ignores SIGTERM stopped by the timeout's killSignal, kill(0) as a probe.
const cp = require('child_process');

const c = cp.spawn('sleep', ['10']);
console.log('probe:', c.kill(0), 'killed:', c.killed);
console.log('kill:', c.kill());
c.on('exit', (code, sig) => {
  console.log('exit:', code, sig, c.killed, c.signalCode, c.exitCode);
  try { c.kill('SIGNOPE'); } catch (e) { console.log(e.code, e.message); }
  const stubborn = cp.spawn('sh', ['-c', 'trap "" TERM; echo ready; exec sleep 10'], {
    timeout: 300, killSignal: 'SIGKILL',
  });
  stubborn.stdout.once('data', () => stubborn.kill('SIGTERM'));
  stubborn.on('exit', (code2, sig2) => console.log('stubborn:', code2, sig2));
});
