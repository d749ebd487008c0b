// 1,000 datagrams sent in one burst are all received, in order, each with its own
// callback (the receiver's buffer is made big enough that the kernel drops none:
// node drops most of a burst with the default size too).
const dgram = require('dgram');

const N = 1000;
const receiver = dgram.createSocket({ type: 'udp4', recvBufferSize: 2 * 1024 * 1024 });
const sender = dgram.createSocket('udp4');
let got = 0, inOrder = true, callbacks = 0, bytes = 0;
receiver.on('message', (msg) => {
  if (msg.readUInt32BE(0) !== got) inOrder = false;
  if (++got === N) {
    console.log('received', got, 'in order:', inOrder);
    receiver.close();
    sender.close();
  }
});
receiver.bind(0, '127.0.0.1', () => {
  const port = receiver.address().port;
  for (let i = 0; i < N; i++) {
    const buf = Buffer.alloc(64);
    buf.writeUInt32BE(i, 0);
    sender.send(buf, port, '127.0.0.1', (err, n) => {
      if (err) throw err;
      callbacks++;
      bytes += n;
    });
  }
});
process.on('exit', () => console.log('send callbacks', callbacks, 'bytes', bytes));
