// A bound (receiving) socket keeps the process alive unless unref()'d; ref()
// makes it count again. The unref'd one here never closes, yet the process exits
// once the ref'd one closes.
const dgram = require('dgram');

const quiet = dgram.createSocket('udp4');
quiet.bind(0, '127.0.0.1', () => {
  quiet.unref();
  console.log('unref returns the socket', quiet.unref() === quiet);
});

const held = dgram.createSocket('udp4');
held.unref();
held.ref();
held.bind(0, '127.0.0.1', () => {
  setTimeout(() => {
    console.log('still alive after 50 ms: ref() kept the loop');
    held.close();
  }, 50);
});
process.on('exit', () => console.log('exit'));
