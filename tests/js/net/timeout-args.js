// socket.setTimeout's arguments: a delay that is not a non-negative finite number
// is ERR_OUT_OF_RANGE, a non-number ERR_INVALID_ARG_TYPE, a bad callback too.
const net = require('net');
const s = new net.Socket();
for (const d of [Infinity, -Infinity, NaN, -1, '100', null]) {
  try {
    s.setTimeout(d, () => {});
    console.log('accepted', d);
  } catch (e) {
    console.log(String(d), e.code, e.message);
  }
}
try { s.setTimeout(10, 'nope'); } catch (e) { console.log(e.code); }
console.log(s.setTimeout(0) === s, s.timeout);
