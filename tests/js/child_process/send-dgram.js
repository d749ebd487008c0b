// A dgram.Socket over IPC: the parent passes its bound UDP socket to a forked
// child (keeping its own open, as node does), the child answers each datagram
// on it; then the child passes one of its own back. Only the parent prints,
// so the output does not depend on how the two processes interleave.
const dgram = require('dgram');
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m, handle) => {
    if (m === 'socket') {
      handle.on('message', (msg, rinfo) => handle.send(`child:${msg}`, rinfo.port, rinfo.address));
      process.on('disconnect', () => handle.close());
      process.send({
        got: handle.constructor.name,
        isDgram: handle instanceof dgram.Socket,
        type: handle.type,
        address: handle.address(),
      });
    } else if (m === 'closed') {
      process.send({ closedHandle: handle === undefined ? 'undefined' : typeof handle });
    } else if (m === 'your turn') {
      const own = dgram.createSocket('udp4');
      own.bind(0, '127.0.0.1', () => {
        const port = own.address().port;
        // Closed only once sent: the parent's copy is the only one left after.
        process.send({ back: port }, own, () => own.close(() => process.send('child closed its copy')));
      });
    }
  });
} else {
  const child = cp.fork(__filename, ['child']);
  const unbound = dgram.createSocket('udp4');
  child.send('unbound', unbound, (err) => {
    console.log('unbound socket:', err.code, err.syscall);
    unbound.close();
    passClosed();
  });

  // A closed socket is no handle: the message goes alone.
  function passClosed() {
    const closed = dgram.createSocket('udp4');
    closed.bind(0, '127.0.0.1', () => closed.close(() => {
      child.send('closed', closed);
      child.once('message', (m) => {
        console.log('closed socket arrives as:', m.closedHandle);
        passBound();
      });
    }));
  }

  function passBound() {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const port = socket.address().port;
      let sent = false, reply;
      const ready = () => {
        if (!sent || reply === undefined) return;
        console.log('child got:', reply.got, reply.isDgram, reply.type);
        console.log('child address:', reply.address.address, reply.address.family,
                    reply.address.port === port ? 'same port' : `port ${reply.address.port} != ${port}`);
        // The parent still has it open; closed now so that the child gets every datagram.
        socket.close(() => echo(port));
      };
      child.send('socket', socket, (err) => {
        console.log('sent:', err, 'parent copy still bound to the port:', socket.address().port === port);
        sent = true;
        ready();
      });
      child.once('message', (m) => { reply = m; ready(); });
    });
  }

  function echo(port) {
    const client = dgram.createSocket('udp4');
    const echoes = [];
    client.on('message', (msg, rinfo) => {
      echoes.push(String(msg));
      if (rinfo.port !== port) console.log('echo from another port:', rinfo.port);
      if (echoes.length < 3) return;
      console.log('echoes:', echoes.sort().join(' '));
      client.close(takeBack);
    });
    for (const word of ['one', 'two', 'three']) client.send(word, port, '127.0.0.1');
  }

  // process.send(m, dgramSocket) from the child: the parent's copy receives.
  function takeBack() {
    let back, handle, closed = false;
    const onBoth = () => {
      if (handle === undefined || !closed) return;
      console.log('parent got:', handle.constructor.name, handle.type,
                  handle.address().port === back ? 'same port' : 'another port');
      handle.once('message', (msg) => {
        console.log('parent copy received:', String(msg));
        handle.close();
        child.disconnect();
      });
      const sender = dgram.createSocket('udp4');
      sender.send('to the passed-back socket', back, '127.0.0.1', () => sender.close());
    };
    child.on('message', (m, h) => {
      if (m === 'child closed its copy') closed = true;
      else { back = m.back; handle = h; }
      onBoth();
    });
    child.send('your turn');
  }
}
