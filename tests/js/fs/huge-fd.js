// An fd number far above any open one (Node's tests probe down from 2^30 for a bad
// fd): every operation on it fails with EBADF at once, and the process does not
// grow with the number (a table indexed by fd once took gigabytes here).
const fs = require('fs');
const fd = 2 ** 31 - 1;
fs.fstat(fd, (e) => console.log('fstat', e.code));
fs.read(fd, Buffer.alloc(4), 0, 4, null, (e) => console.log('read', e.code));
fs.write(fd, 'x', (e) => console.log('write', e.code));
fs.close(fd, (e) => console.log('close', e.code));
fs.promises.readFile(fd).catch((e) => console.log('readFile', e.code));
const net = require('net');
try { new net.Socket({ fd }); } catch (e) { console.log('socket', e.code); }
setTimeout(() => console.log('rss under 512 MiB:', process.memoryUsage().rss < 512 * 1024 * 1024), 50);
