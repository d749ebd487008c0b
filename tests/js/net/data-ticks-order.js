'use strict';
// Ticks and microtasks queued by a socket's 'data' listener run before the next
// I/O callback and before immediates, in node's order (ticks, then microtasks);
// a tick that throws goes to 'uncaughtException' and the ticks queued after it
// still run.
const net = require('net');

const log = [];
let caught = 0;
process.on('uncaughtException', (e) => {
  caught++;
  log.push(`uncaught ${e.message}`);
});

const server = net.createServer((socket) => {
  let n = 0;
  socket.on('data', (d) => {
    const i = n++;
    log.push(`data ${i} ${d}`);
    setImmediate(() => log.push(`immediate ${i}`));
    Promise.resolve().then(() => log.push(`microtask ${i}`));
    process.nextTick(() => log.push(`tick ${i}`));
    if (i === 1) process.nextTick(() => { throw new Error('from tick 1'); });
    process.nextTick(() => log.push(`tick ${i} after`));
    socket.write(d, () => log.push(`written ${i}`));
    if (i === 2) socket.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  const words = ['one', 'two', 'three'];
  let echoed = '';
  client.on('data', (d) => {
    echoed += d;
    // One message in flight: the next goes once this one came back.
    if (words.length > 0 && echoed.endsWith(words.length === 2 ? 'one' : 'two')) {
      client.write(words.shift());
    }
  });
  client.on('end', () => {
    client.end();
    server.close(() => {
      for (const line of log) console.log(line);
      console.log('echoed', echoed, 'caught', caught);
    });
  });
  client.write(words.shift());
});
