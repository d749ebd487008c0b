// close(cb): the callback and the 'close' event come once, after close() returns;
// afterwards every operation is ERR_SOCKET_DGRAM_NOT_RUNNING (ref/unref are
// no-ops). A socket closed while binding closes once bound, and a send queued
// meanwhile is dropped without error.
const dgram = require('dgram');

function t(name, f) {
  try { f(); console.log(name, 'no error'); } catch (e) { console.log(name, e.code, e.message); }
}

const s = dgram.createSocket('udp4');
s.bind(0, '127.0.0.1', () => {
  let events = 0;
  s.on('close', () => console.log('close event', ++events));
  s.close(() => {
    console.log('close callback');
    t('close again', () => s.close());
    t('address', () => s.address());
    t('send', () => s.send('x', 1234, '127.0.0.1'));
    t('bind', () => s.bind(0));
    t('connect', () => s.connect(1234));
    t('addMembership', () => s.addMembership('224.0.0.114'));
    t('setMulticastInterface', () => s.setMulticastInterface('127.0.0.1'));
    t('ref', () => s.ref() === s && s.unref() === s);
    process.on('exit', () => console.log('close events:', events));
    whileBinding();
  });
  console.log('close() returned');
});

function whileBinding() {
  const w = dgram.createSocket('udp4');
  w.send('x', 9, '127.0.0.1', (err) => console.log('queued send callback', err));
  w.close(() => console.log('closed while binding'));
}
