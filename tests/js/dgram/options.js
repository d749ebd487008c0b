// Socket options on loopback, accepted as node accepts them: broadcast, TTLs,
// multicast loopback/TTL/interface, membership of a multicast group, source-
// specific membership, buffer sizes (the kernel reports twice what was set).
const dgram = require('dgram');

function t(name, f) {
  try { console.log(name, f()); } catch (e) { console.log(name, e.code, e.message); }
}

const s4 = dgram.createSocket({ type: 'udp4', recvBufferSize: 65536, sendBufferSize: 65536 });
s4.bind(0, () => {
  t('recv buffer', () => s4.getRecvBufferSize());
  t('send buffer', () => s4.getSendBufferSize());
  t('setRecvBufferSize', () => s4.setRecvBufferSize(32768));
  t('recv buffer after', () => s4.getRecvBufferSize());
  t('setRecvBufferSize 2 ** 31', () => s4.setRecvBufferSize(2 ** 31));
  t('setRecvBufferSize 2 ** 32', () => s4.setRecvBufferSize(2 ** 32));
  t('setBroadcast', () => s4.setBroadcast(true));
  t('setTTL', () => s4.setTTL(64));
  t('setTTL 0', () => s4.setTTL(0));
  t('setTTL 256', () => s4.setTTL(256));
  t('setMulticastTTL', () => s4.setMulticastTTL(0));
  t('setMulticastTTL 256', () => s4.setMulticastTTL(256));
  t('setMulticastLoopback', () => s4.setMulticastLoopback(true));
  t('setMulticastInterface', () => s4.setMulticastInterface('127.0.0.1'));
  t('setMulticastInterface bad', () => s4.setMulticastInterface('nonsense'));
  t('setMulticastInterface v6 on v4', () => s4.setMulticastInterface('::1'));
  t('setTTL 1.5', () => s4.setTTL(1.5));
  t('setTTL NaN', () => s4.setTTL(NaN));
  t('addMembership not multicast', () => s4.addMembership('127.0.0.1'));
  t('addMembership v6 on v4', () => s4.addMembership('ff02::1'));
  t('addMembership', () => s4.addMembership('224.0.0.114', '127.0.0.1'));
  t('addMembership bad iface', () => s4.addMembership('224.0.0.114', 'x'));
  t('dropMembership', () => s4.dropMembership('224.0.0.114', '127.0.0.1'));
  t('dropMembership again', () => s4.dropMembership('224.0.0.114', '127.0.0.1'));
  t('addSourceSpecificMembership', () =>
    s4.addSourceSpecificMembership('127.0.0.1', '232.1.1.1', '127.0.0.1'));
  t('dropSourceSpecificMembership', () =>
    s4.dropSourceSpecificMembership('127.0.0.1', '232.1.1.1', '127.0.0.1'));
  t('ssm mixed families', () => s4.addSourceSpecificMembership('::1', '232.1.1.1'));
  s4.close();
  const s6 = dgram.createSocket('udp6');
  s6.bind(0, '::1', () => {
    t('v6 setTTL', () => s6.setTTL(10));
    t('v6 setMulticastTTL', () => s6.setMulticastTTL(3));
    t('v6 setMulticastLoopback', () => s6.setMulticastLoopback(false));
    t('v6 setMulticastInterface', () => s6.setMulticastInterface('::%lo'));
    t('v6 addMembership', () => s6.addMembership('ff02::1:3', '::%lo'));
    t('v6 dropMembership', () => s6.dropMembership('ff02::1:3', '::%lo'));
    s6.close();
  });
});
