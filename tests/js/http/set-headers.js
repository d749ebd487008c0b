// res.setHeaders with a Headers and a Map (set-cookie gathered, the order a
// Headers iterates in, the type and state errors), then writeHead with a flat
// array over fields set before (the array's replace them, repeat among
// themselves, an empty name skipped), read as bytes from a socket.
const http = require('http');
const res = new http.ServerResponse(new http.IncomingMessage(null));
res.setHeaders(new Headers([['set-cookie', 'a=1'], ['X-A', '1'], ['set-cookie', 'b=2']]));
console.log(JSON.stringify(res.getHeaders()), JSON.stringify(res.getRawHeaderNames()));
const r2 = new http.ServerResponse(new http.IncomingMessage(null));
r2.setHeader('set-cookie', 'z=0');
r2.setHeaders(new Map([['Set-Cookie', 'a=1'], ['X-B', 2], ['x-b', 3]]));
console.log(JSON.stringify(r2.getHeaders()), JSON.stringify(r2.getRawHeaderNames()));
const r3 = new http.ServerResponse(new http.IncomingMessage(null));
r3.setHeaders(new Map());
console.log(JSON.stringify(r3.getHeaders()), r3.setHeaders(new Map()) === r3);
for (const v of [['foo', '1'], { foo: '1' }, null, undefined, 'test', 1]) {
  try { r3.setHeaders(v); } catch (e) { console.log(e.code, e.message); }
}
try { r3.setHeaders(new Map([['bad name', '1']])); } catch (e) { console.log(e.code, e.message); }
try { r3.setHeaders(new Map([['x', undefined]])); } catch (e) { console.log(e.code, e.message); }
r3.writeHead(200);
try { r3.setHeaders(new Map()); } catch (e) { console.log(e.code, e.message); }
class H extends Map {}
const r4 = new http.ServerResponse(new http.IncomingMessage(null));
r4.setHeaders(new H([['a', '1']])); console.log(JSON.stringify(r4.getHeaders()));
try { r4.setHeaders({ [Symbol.iterator]: function* () { yield ['a', '1']; } }); } catch (e) { console.log(e.code, e.message); }
const s = new http.ServerResponse(new http.IncomingMessage(null));
s.setHeaders(new Map([['set-cookie', 'a=1'], ['set-cookie2', 'b']]));
console.log(JSON.stringify(s.getHeaders()));
const s1 = new http.ServerResponse(new http.IncomingMessage(null));
s1.setHeaders(new Headers([['Set-Cookie', 'a=1']]));
s1.setHeaders(new Headers([['Set-Cookie', 'b=1']]));
console.log(JSON.stringify(s1.getHeaders()));
s.writeHead(200);
try { s.setHeaders('x'); } catch (e) { console.log(e.code); }
// order of calls: setHeader per entry as iterated
const s2 = new http.ServerResponse(new http.IncomingMessage(null));
s2.setHeaders(new Headers([['b', '1'], ['a', '2'], ['set-cookie', 'c'], ['c', '3']]));
console.log(JSON.stringify(s2.getRawHeaderNames()));
const s3 = new http.ServerResponse(new http.IncomingMessage(null));
try { s3.setHeaders(new Map([['a', '1'], ['bad name', '2']])); } catch (e) { console.log(e.code, JSON.stringify(s3.getHeaders())); }
const net = require('net');
const srv = http.createServer((req, res) => {
  res.sendDate = false;
  res.setHeader('test', '1');
  res.setHeader('keep', 'k');
  res.writeHead(200, ['test', '2', 'test2', '2', 'Test', '3', '', 'skipped']);
  res.end();
});
srv.listen(0, '127.0.0.1', () => {
  const sock = net.connect(srv.address().port, '127.0.0.1', () => {
    sock.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  const parts = [];
  sock.on('data', (d) => parts.push(d));
  sock.on('end', () => {
    console.log(JSON.stringify(Buffer.concat(parts).toString('latin1')));
    srv.close();
  });
});
