// The old underscore properties and methods still work and warn DEP0112 (once:
// a deprecation code warns only the first time).
const dgram = require('dgram');

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
const s = dgram.createSocket('udp4');
console.log(typeof s._handle, s._receiving, s._bindState, s._queue, s._reuseAddr);
s._healthCheck();
s._stopReceiving();
s._bindState = 0;
s.close(() => {
  try {
    s._healthCheck();
  } catch (e) {
    console.log(e.code);
  }
});
