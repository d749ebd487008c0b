// net.get/setDefaultAutoSelectFamily and ...AttemptTimeout: the defaults, their
// validation (node's codes and messages), the 10 ms floor, and connect options
// checked against the same rules before any lookup.
const net = require('net');
console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
net.setDefaultAutoSelectFamily(false); net.setDefaultAutoSelectFamilyAttemptTimeout(5);
console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
for (const [f, v] of [['setDefaultAutoSelectFamily', 1], ['setDefaultAutoSelectFamilyAttemptTimeout', 0], ['setDefaultAutoSelectFamilyAttemptTimeout', 1.5], ['setDefaultAutoSelectFamilyAttemptTimeout', 'x']]) {
  try { net[f](v); console.log(f, v, 'ok'); } catch (e) { console.log(f, v, e.code, e.message); }
}
for (const o of [{ autoSelectFamily: 'yes' }, { autoSelectFamilyAttemptTimeout: -3 }]) {
  try { net.connect({ port: 1, host: 'localhost', ...o }).on('error', () => {}); console.log('no throw'); } catch (e) { console.log(e.code, e.message); }
}
