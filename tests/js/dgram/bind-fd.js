// socket.bind({ fd }): a socket over a bound UDP fd the process already has
// (here one a parent handed down as the child's fd 3): 'listening' comes inside
// bind(), address() is the fd's. An fd of another kind throws ERR_INVALID_FD_TYPE
// and leaves the socket unusable for bind; fd values that are not positive
// integers are ignored (a normal bind).
const dgram = require('dgram');
const fs = require('fs');
const cp = require('child_process');

process.noDeprecation = true; // socket._handle.fd: the one way to an fd to hand down

if (process.argv[2] === 'child') {
  const socket = dgram.createSocket('udp4');
  const order = [];
  socket.on('listening', () => order.push('listening'));
  socket.bind({ fd: 3, port: 1, address: '10.0.0.1' }, () => order.push('callback'));
  order.push('bind returned');
  const a = socket.address();
  console.log(JSON.stringify({ order, address: a.address, port: a.port }));
  socket.on('message', (msg, rinfo) => {
    socket.send(`child:${msg}`, rinfo.port, rinfo.address, () => socket.close());
  });
} else {
  const file = fs.openSync(__filename, 'r');
  const wrong = dgram.createSocket('udp4');
  try {
    wrong.bind({ fd: file });
  } catch (e) {
    console.log(e.code, e.message);
  }
  fs.closeSync(file);
  try {
    wrong.bind(0);
  } catch (e) {
    console.log('bind again:', e.code);
  }
  wrong.close();

  const ignored = dgram.createSocket('udp4');
  ignored.bind({ fd: -1, address: '127.0.0.1' }, () => {
    console.log('fd -1 ignored, bound to', ignored.address().address);
    ignored.close(handDown);
  });

  function handDown() {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const port = socket.address().port;
      const child = cp.spawn(process.execPath, [__filename, 'child'],
                             { stdio: ['ignore', 'pipe', 'inherit', socket._handle.fd] });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (!out.includes('\n')) return;
        const report = JSON.parse(out);
        console.log('child:', report.order.join(', '), report.address,
                    report.port === port ? 'same port' : 'another port');
        // The parent's copy closed so that the child receives the datagram.
        socket.close(() => {
          const client = dgram.createSocket('udp4');
          client.on('message', (msg) => {
            console.log('answer:', String(msg));
            client.close();
          });
          client.send('ping', port, '127.0.0.1');
        });
        out = '';
      });
      child.on('exit', (code) => console.log('child exit', code));
    });
  }
}
