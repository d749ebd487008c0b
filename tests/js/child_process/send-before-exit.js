// A child with no 'message' listener may exit once its channel is idle, but not
// before what it sent has gone: 40 messages of 64 KiB each (more than a socket
// buffer holds) all reach the parent, in both framings.
const cp = require('child_process');

if (process.argv[2] === 'child') {
  for (let i = 0; i < 40; i++) process.send({ i, pad: 'y'.repeat(64 * 1024) });
} else {
  const modes = ['json', 'advanced'];
  const run = () => {
    const mode = modes.shift();
    if (mode === undefined) return;
    const child = cp.fork(__filename, ['child'], { serialization: mode });
    let got = 0;
    let ordered = true;
    child.on('message', (m) => {
      if (m.i !== got || m.pad.length !== 64 * 1024) ordered = false;
      got++;
    });
    let events = 0;
    const done = () => {
      if (++events < 2) return;
      console.log(mode, 'received', got, 'in order:', ordered);
      run();
    };
    child.on('disconnect', done);
    child.on('exit', done);
  };
  run();
}
