// Messages sent just before disconnect() are delivered, in both framings: coil
// closes the channel once they have been written. (node writes them at once while
// the socket buffer has room, and drops what is still queued at disconnect: so
// the messages here are few and small.)
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (n) => {
    for (let i = 0; i < n; i++) process.send({ i });
    process.disconnect();
  });
} else {
  const modes = ['json', 'advanced'];
  const run = () => {
    const mode = modes.shift();
    if (mode === undefined) return;
    const child = cp.fork(__filename, ['child'], { serialization: mode });
    let got = 0;
    child.on('message', () => got++);
    // 'disconnect' and 'exit' come in either order; the count is final after both.
    let events = 0;
    const done = () => {
      if (++events < 2) return;
      console.log(mode, 'received', got);
      run();
    };
    child.on('disconnect', done);
    child.on('exit', done);
    child.send(20);
  };
  run();
}
