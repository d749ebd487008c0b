// The channels node publishes from net and http, in the order they come for one
// request: the client's socket and request, the server's socket and request, the
// client's response, the server's finished response. What each message carries.
const dc = require('diagnostics_channel');
const http = require('http');
const net = require('net');

const names = ['net.client.socket', 'net.server.socket', 'http.client.request.start',
  'http.server.request.start', 'http.client.response.finish', 'http.server.response.finish'];
const kinds = (msg) => Object.keys(msg).map((k) => {
  const v = msg[k];
  const kind = v instanceof http.Server ? 'Server' : v instanceof http.IncomingMessage ? 'IncomingMessage' :
    v instanceof http.ClientRequest ? 'ClientRequest' : v instanceof http.ServerResponse ? 'ServerResponse' :
      v instanceof net.Socket ? 'Socket' : typeof v;
  return `${k}:${kind}`;
}).join(' ');
const seen = [];
for (const name of names) dc.subscribe(name, (msg) => seen.push(`${name} {${kinds(msg)}}`));
console.log('hasSubscribers', names.every((n) => dc.hasSubscribers(n)));

const server = http.createServer((req, res) => res.end('done'));
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
    res.resume();
    res.on('end', () => {
      server.close(() => {
        for (const line of seen) console.log(line);
      });
    });
  });
});
