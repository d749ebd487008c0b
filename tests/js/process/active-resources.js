// process.getActiveResourcesInfo(), _getActiveHandles() and _getActiveRequests():
// referenced timers, immediates, sockets, servers, watchers and fs/dns requests,
// named as node names them; unref'd ones are not listed.
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const dgram = require('dgram');
const dns = require('dns');

// stdout may be a pipe (PipeWrap) once written to: counts are taken per name.
const count = (name) => process.getActiveResourcesInfo().filter((n) => n === name).length;

console.log('functions', typeof process.getActiveResourcesInfo, typeof process._getActiveHandles,
            typeof process._getActiveRequests);
const t = setTimeout(() => {}, 1000);
const u = setTimeout(() => {}, 1000);
u.unref();
const im = setImmediate(() => {});
console.log('timers', count('Timeout'), count('Immediate'));
clearTimeout(t);
clearTimeout(u);
clearImmediate(im);
console.log('cleared', count('Timeout'), count('Immediate'));

fs.watchFile(__filename, { interval: 5000 }, () => {});
console.log('stat watcher', count('StatWatcher'), count('Timeout'), count('FSReqCallback'),
            process._getActiveHandles().some((h) => h.constructor.name === 'StatWatcher'));
fs.unwatchFile(__filename);
console.log('unwatched', count('StatWatcher'));

for (let i = 0; i < 3; i++) fs.stat(__filename, () => {});
fs.promises.stat(__filename);
console.log('fs requests', count('FSReqCallback'), count('FSReqPromise'),
            process._getActiveRequests().filter((r) => r.constructor.name === 'FSReqCallback').length);
dns.lookup('localhost', () => {});
console.log('lookup', count('GetAddrInfoReqWrap'));
// A resolver's own sockets and timers are not listed (c-ares' are not in node).
const resolver = new dns.Resolver({ timeout: 200, tries: 1 });
resolver.setServers(['127.0.0.1:9']);
resolver.resolve4('example.com', () => {});
console.log('resolver', count('Timeout'), count('UDPWrap'), process._getActiveRequests().length);

const server = net.createServer((conn) => {
  const handles = process._getActiveHandles();
  console.log('server listed', handles.includes(server), 'conn listed', handles.includes(conn));
  console.log('sockets', count('TCPSocketWrap'), 'servers', count('TCPServerWrap'));
  conn.unref();
  console.log('after unref', count('TCPSocketWrap'));
  conn.ref();
  conn.destroy();
  client.destroy();
  server.close();
  // Closed handles go once their close completes (node lists them until then).
  setTimeout(() => console.log('after close', count('TCPSocketWrap'), count('TCPServerWrap')), 20);
  const watcher = fs.watch(__dirname);
  console.log('watcher', count('FSEventWrap'), process._getActiveHandles().includes(watcher));
  watcher.unref();
  console.log('watcher unref', count('FSEventWrap'));
  watcher.close();
  const sock = dgram.createSocket('udp4');
  sock.bind(0, '127.0.0.1', () => {
    console.log('udp', count('UDPWrap'), process._getActiveHandles().includes(sock));
    sock.unref();
    console.log('udp unref', count('UDPWrap'));
    sock.close();
    console.log('udp closed', count('UDPWrap'));
  });
});
let client;
server.listen(0, '127.0.0.1', () => {
  console.log('listening', count('TCPServerWrap'));
  client = net.connect(server.address().port, '127.0.0.1');
  client.on('error', () => {});
});
