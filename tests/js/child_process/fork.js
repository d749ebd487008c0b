// fork: a coil child with an IPC channel — messages both ways (JSON values), each
// delivered in its own tick, process.connected, disconnect from the child, and
// send after disconnect failing with ERR_IPC_CHANNEL_CLOSED.
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m) => {
    if (m === 'bye') return process.disconnect();
    process.send({ echo: m, connected: process.connected });
  });
  process.send('ready');
} else {
  const c = cp.fork(__filename, ['child']);
  const got = [];
  c.on('message', (m) => {
    got.push(m);
    if (m === 'ready') {
      c.send({ a: 1, nested: { list: [1, 'two', null] } });
      c.send('text');
      c.send(42);
    }
    if (got.length === 4) c.send('bye');
  });
  c.on('disconnect', () => {
    console.log('messages:', JSON.stringify(got));
    console.log('connected after disconnect:', c.connected);
    c.send('late', (err) => console.log('late send:', err.code, err.message));
  });
  // 'exit' and 'disconnect' race (the child exits as it disconnects): print at the end.
  c.on('exit', (code, sig) => process.on('exit', () => console.log('exit', code, sig)));
  try {
    cp.fork(__filename, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    console.log(e.code);
  }
}
