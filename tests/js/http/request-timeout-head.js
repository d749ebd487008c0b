// requestTimeout bounds the wait for a request's head even with headersTimeout 0:
// a connection that sends nothing, and one that stops mid-head, get a 408.
const http = require('http');
const net = require('net');

const server = http.createServer({
  headersTimeout: 0,
  requestTimeout: 400,
  keepAliveTimeout: 0,
  connectionsCheckingInterval: 100,
}, () => console.log('unexpected request'));

function attempt(label, first, done) {
  const start = Date.now();
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    if (first) client.write(first);
  });
  let response = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { response += d; });
  client.on('close', () => {
    const waited = Date.now() - start;
    console.log(label, JSON.stringify(response), waited >= 380 && waited < 3000 ? 'after the timeout' : `after ${waited} ms`);
    done();
  });
}

server.listen(0, '127.0.0.1', () => {
  attempt('nothing sent', null, () => {
    attempt('half a head', 'GET / HTTP/1.1\r\nHost: x\r\n', () => server.close());
  });
});
