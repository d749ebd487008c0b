// Handles over IPC: a net.Server passed to a forked child, which then serves on
// it (after the parent closed its own); then a socket accepted by the parent,
// passed mid-connection, answered by the child.
const net = require('net');
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m, handle) => {
    if (m === 'server') {
      console.log('child got a', handle.constructor.name, 'listening:', handle.listening);
      handle.on('connection', (s) => s.end('served by the child\n'));
      process.on('disconnect', () => handle.close());
      process.send('listening');
    } else if (m === 'socket') {
      console.log('child got a', handle.constructor.name);
      handle.end('socket passed to the child\n');
      process.send('socket done');
    }
  });
} else {
  const child = cp.fork(__filename, ['child']);
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    child.send('server', server);
    child.once('message', (m) => {
      console.log('parent heard:', m);
      server.close();
      net.connect(port, '127.0.0.1')
        .on('data', (d) => console.log('got:', String(d).trim()))
        .on('end', passSocket);
    });
  });

  function passSocket() {
    const s2 = net.createServer((s) => child.send('socket', s));
    s2.listen(0, '127.0.0.1', () => {
      // The child's answer and its bytes race: the parent goes on once it has both.
      let heard, ended = false;
      const finish = () => {
        if (heard === undefined || !ended) return;
        console.log('parent heard:', heard);
        s2.close();
        child.disconnect();
      };
      child.once('message', (m) => { heard = m; finish(); });
      net.connect(s2.address().port, '127.0.0.1')
        .on('data', (d) => console.log('got:', String(d).trim()))
        .on('end', () => { ended = true; finish(); });
    });
  }
}
