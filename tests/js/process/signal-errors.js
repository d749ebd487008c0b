// Bad signals and pids get node's errors: SIGKILL and SIGSTOP cannot be listened
// for, unknown names and non-integer pids throw before anything is sent.
'use strict';
for (const sig of ['SIGKILL', 'SIGSTOP']) {
  try {
    process.on(sig, () => {});
    console.log(sig, 'no error');
  } catch (e) {
    console.log(sig, e.code, e.errno, e.syscall, e.message);
  }
}
// The throw comes from the newListener hook, so no listener was added.
process.removeAllListeners('SIGKILL');
process.removeAllListeners('SIGSTOP');

for (const pid of [1.5, NaN, {}, undefined, 'x']) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    console.log(String(pid), e.code, e.message);
  }
}
for (const sig of [{}, 1.5, true, 'sigterm', 'SIGNOPE']) {
  try {
    process.kill(process.pid, sig);
  } catch (e) {
    console.log(String(sig), e.code, e.name, e.message);
  }
}
try {
  process.kill(process.pid, -1);
} catch (e) {
  console.log(e.code, e.syscall, e.message);
}
// A name that is not a signal is just an event.
process.on('SIGNOTREAL', () => console.log('plain event'));
process.emit('SIGNOTREAL');
