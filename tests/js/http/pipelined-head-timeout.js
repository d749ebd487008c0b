// A head begun behind a whole request in the same read is timed from its first
// bytes: headersTimeout answers it 408 even with keepAliveTimeout 0 and the
// first response already sent. A lone blank line after a request is no head.
const http = require('http');
const net = require('net');

const server = http.createServer({
  headersTimeout: 300,
  requestTimeout: 0,
  keepAliveTimeout: 0,
  connectionsCheckingInterval: 50,
}, (req, res) => res.end('ok'));

function attempt(label, bytes, done) {
  const start = Date.now();
  const client = net.connect(server.address().port, '127.0.0.1', () => client.write(bytes));
  let response = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { response += d; });
  const finish = () => {
    const statuses = response.match(/HTTP\/1\.1 \d+ [^\r]*/g);
    const waited = Date.now() - start;
    console.log(label, statuses.join(' / '), waited >= 280 && waited < 1000 ? 'after the timeout' :
      waited >= 1000 ? 'left open' : `after ${waited} ms`);
    done();
  };
  client.on('close', finish);
  // Still open well past the timeout: the connection was left alone.
  const t = setTimeout(() => { client.removeListener('close', finish); client.destroy(); finish(); }, 1200);
  client.on('close', () => clearTimeout(t));
}

const whole = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
server.listen(0, '127.0.0.1', () => {
  attempt('pipelined half head:', `${whole}GET / HTTP/1.1\r\nHost: x\r\nConn`, () => {
    attempt('blank line after:', `${whole}\r\n`, () => server.close());
  });
});
