// 1,000 sockets opened (bound, so each has an fd and a receive in flight) and
// closed: the number of open fds (/proc/self/fd) comes back to what it was. (coil
// closes an fd once the ops cancelled on it have completed, a turn or a few after
// close(); node closes it inside close(): so the count is polled for a while.)
const dgram = require('dgram');
const fs = require('fs');

const N = 1000;
const count = () => fs.readdirSync('/proc/self/fd').length;
const before = count();
let closed = 0, bound = 0, peak = 0;
const sockets = [];
for (let i = 0; i < N; i++) {
  const s = dgram.createSocket(i % 2 ? 'udp4' : 'udp6');
  sockets.push(s);
  s.bind(0, i % 2 ? '127.0.0.1' : '::1', () => {
    if (++bound < N) return;
    peak = count() - before;
    for (const t of sockets) t.close(() => { if (++closed === N) check(0); });
  });
}

function check(tries) {
  const after = count();
  if (after !== before && tries < 100) return setTimeout(check, 10, tries + 1);
  console.log('bound', bound, 'closed', closed, 'peak >= 1000:', peak >= N,
              'fds back to before:', after === before);
}
