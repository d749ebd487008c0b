// Bad arguments throw Node's errors (code and message), at once.
const dgram = require('dgram');

function t(name, f) {
  try {
    f();
    console.log(name, 'no error');
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}

t('type', () => dgram.createSocket('udp5'));
t('no type', () => dgram.createSocket());
t('options type', () => dgram.createSocket({}));
t('lookup', () => dgram.createSocket({ type: 'udp4', lookup: 1 }));
t('recvBufferSize', () => dgram.createSocket({ type: 'udp4', recvBufferSize: 'x' }));
t('sendBufferSize', () => dgram.createSocket({ type: 'udp4', sendBufferSize: -1 }));
t('signal', () => dgram.createSocket({ type: 'udp4', signal: 1 }));
const s = dgram.createSocket('udp4');
t('send port 0', () => s.send('x', 0, '127.0.0.1'));
t('send port big', () => s.send('x', 70000, '127.0.0.1'));
t('send port text', () => s.send('x', 'abc', '127.0.0.1'));
t('send no port', () => s.send('x'));
t('send bad msg', () => s.send(1, 1234, '127.0.0.1'));
t('send bad list', () => s.send([1], 1234, '127.0.0.1'));
t('send bad address', () => s.send('x', 1234, 5));
t('send offset', () => s.send(Buffer.from('abc'), 5, 1, 1234, '127.0.0.1'));
t('send length', () => s.send(Buffer.from('abc'), 1, 5, 1234, '127.0.0.1'));
t('connect port', () => s.connect(0));
t('connect no port', () => s.connect());
t('disconnect', () => s.disconnect());
t('remoteAddress', () => s.remoteAddress());
t('address unbound', () => s.address());
t('bind address', () => dgram.createSocket('udp4').bind(0, 5));
t('setTTL type', () => s.setTTL('x'));
t('setTTL unbound', () => s.setTTL(5));
t('setMulticastTTL type', () => s.setMulticastTTL('x'));
t('setMulticastInterface type', () => s.setMulticastInterface(1));
t('addMembership none', () => s.addMembership());
t('addMembership bad', () => s.addMembership('256.256.256.256'));
t('dropMembership not joined', () => s.dropMembership('224.0.0.114'));
t('addSourceSpecificMembership', () => s.addSourceSpecificMembership(1));
t('addSourceSpecificMembership group', () => s.addSourceSpecificMembership('1.1.1.1', 2));
t('setRecvBufferSize', () => s.setRecvBufferSize(-1));
t('setSendBufferSize', () => s.setSendBufferSize(1.5));
const fresh = dgram.createSocket('udp4');
t('getRecvBufferSize unbound', () => fresh.getRecvBufferSize());
t('getSendBufferSize unbound', () => fresh.getSendBufferSize());
fresh.close();
const twice = dgram.createSocket('udp4');
twice.bind(0, '127.0.0.1');
t('bind twice', () => twice.bind(0));
twice.close();
s.close();
