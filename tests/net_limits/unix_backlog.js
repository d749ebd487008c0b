// Run by tests/net_limits.rs against a Unix listener (argv[2]) made with backlog 1
// that never accepts: the first connects fit in its queue, the rest fail at once
// with EAGAIN (unix(7): a full backlog), as node reports them, never pending forever.
const net = require('net');
const path = process.argv[2];
const results = [];
const clients = [];
let pending = 5;
for (let i = 0; i < 5; i++) {
  const c = net.connect(path);
  clients.push(c);
  c.on('connect', () => { results[i] = 'connect'; done(); });
  c.on('error', (e) => {
    results[i] = `${e.code} ${e.errno} ${e.syscall} ${e.address === path} ${e.message === `connect EAGAIN ${path}`}`;
    done();
  });
}
const timer = setTimeout(finish, 2000);
function done() { if (--pending === 0) finish(); }
function finish() {
  clearTimeout(timer);
  for (let i = 0; i < 5; i++) console.log(i, results[i] || 'pending');
  for (let i = 0; i < clients.length; i++) clients[i].destroy();
}
