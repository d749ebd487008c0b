// An fd number far above any open one (Node's tests probe down from 2^30 for a bad
// fd): every operation on it fails with EBADF at once, and the process does not
// grow with the number (a table indexed by fd once took gigabytes here).
// The four callbacks are printed in a fixed order once all have come: on epoll they
// run on the work pool, whose threads finish in any order (as libuv's do in node).
const fs = require('fs');
const fd = 2 ** 31 - 1;
const codes = {};
const names = ['fstat', 'read', 'write', 'close'];
const done = (name) => (e) => {
  codes[name] = e.code;
  if (Object.keys(codes).length < names.length) return;
  for (const n of names) console.log(n, codes[n]);
  console.log('rss under 512 MiB:', process.memoryUsage().rss < 512 * 1024 * 1024);
};
fs.fstat(fd, done('fstat'));
fs.read(fd, Buffer.alloc(4), 0, 4, null, done('read'));
fs.write(fd, 'x', done('write'));
fs.close(fd, done('close'));
fs.promises.readFile(fd).catch((e) => console.log('readFile', e.code));
const net = require('net');
try { new net.Socket({ fd }); } catch (e) { console.log('socket', e.code); }
