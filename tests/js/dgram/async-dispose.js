// socket[Symbol.asyncDispose]() closes the socket and resolves once it is closed;
// on a closed socket it resolves at once.
const dgram = require('dgram');

const s = dgram.createSocket('udp4');
s.on('close', () => console.log('close event'));
s.bind(0, '127.0.0.1', async () => {
  const r = await s[Symbol.asyncDispose]();
  console.log('disposed', r);
  try { s.address(); } catch (e) { console.log(e.code); }
  const again = s[Symbol.asyncDispose]();
  console.log('again a promise:', again instanceof Promise, await again);
});
